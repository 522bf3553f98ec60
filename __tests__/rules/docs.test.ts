/**
 * Meta-tests over the rule registry and its documentation (docs/rules/): ids and names, one source
 * file per rule, one page per rule with the required headings, and the generated parts of the pages
 * (title, summary and table; the example output) and of the index, compared with what
 * `doc-fixtures.ts` generates now.
 *
 * `UPDATE_DOCS=1 npm test -- __tests__/rules/docs.test.ts` rewrites the generated parts instead of
 * failing (and creates a skeleton page for a new rule). Read the diff before committing it.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/config.js';
import { ALL_RULE_META, CHANGE_RULES, RULES, TARGET_RULES } from '../../src/rules/registry.js';
import type { RuleMeta } from '../../src/rules/types.js';
import {
  DOC_FIXTURES,
  EXAMPLE_END,
  EXAMPLE_START,
  INDEX_END,
  INDEX_START,
  SECTION_HEADINGS,
  markedBlock,
  pageFile,
  pagePreamble,
  renderExampleBlock,
  renderIndex,
  renderPreamble,
  replaceBlock,
  runExample,
} from './doc-fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCS = join(ROOT, 'docs', 'rules');
const INDEX = join(DOCS, 'README.md');
const RULES_DIR = join(ROOT, 'src', 'rules');
const UPDATE = process.env.UPDATE_DOCS === '1';
const HINT = 'run UPDATE_DOCS=1 npm test -- __tests__/rules/docs.test.ts to regenerate, then read the diff';

const byId = (a: RuleMeta, b: RuleMeta): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const read = (path: string): string => readFileSync(path, 'utf8');

/** Every Markdown heading line outside fenced code blocks. */
function headings(doc: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of doc.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{1,6}\s/.test(line)) out.push(line.trimEnd());
  }
  return out;
}

/** A page for a rule that has none yet: generated parts filled in, the prose left to write. */
function skeleton(meta: RuleMeta): string {
  return `${renderPreamble(meta)}${SECTION_HEADINGS.map((h) => `${h}\n\nTODO\n`).join('\n')}\n${EXAMPLE_START}\n${EXAMPLE_END}\n`;
}

/** Compares a generated part with the committed one; with UPDATE_DOCS=1 writes the new text instead. */
function expectCurrent(path: string, committed: string, regenerated: string): void {
  if (UPDATE) {
    if (committed !== regenerated) writeFileSync(path, regenerated, 'utf8');
    return;
  }
  if (committed === regenerated) return;
  const a = committed.split('\n');
  const b = regenerated.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  throw new Error(
    `${relative(ROOT, path)} is out of date at line ${line + 1}; ${HINT}.\n` + `- committed: ${a[line] ?? '(end of file)'}\n` + `+ generated: ${b[line] ?? '(end of file)'}`,
  );
}

describe('rule registry', () => {
  it('has unique ids in the FG1xx–FG6xx bands', () => {
    const ids = ALL_RULE_META.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^FG[1-6]\d\d$/);
  });

  it('has unique kebab-case names', () => {
    const names = ALL_RULE_META.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('lists every snapshot, change and target rule once, in id order', () => {
    const all = [...RULES.map((r) => r.meta), ...CHANGE_RULES.map((r) => r.meta), ...TARGET_RULES.map((r) => r.meta)];
    expect(ALL_RULE_META).toHaveLength(all.length);
    expect([...ALL_RULE_META]).toEqual([...all].sort(byId));
  });

  it('has one source file per rule, named fgNNN-<name>.ts after its id, and no rule file outside the registry', () => {
    const files = readdirSync(RULES_DIR).filter((f) => /^fg\d/i.test(f));
    const expected = ALL_RULE_META.map((m) => `${m.id.toLowerCase()}-${m.name}.ts`);
    for (const file of expected) expect({ file, exists: existsSync(join(RULES_DIR, file)) }).toEqual({ file, exists: true });
    expect(files.sort()).toEqual([...expected].sort());
  });

  it('gives every rule a one-sentence summary, an impact and documented error codes', () => {
    for (const m of ALL_RULE_META) {
      expect({ id: m.id, summary: /^[^\n]+\.$/.test(m.summary) }).toEqual({ id: m.id, summary: true });
      expect(m.impact.trim()).not.toBe('');
      const codes = m.errorCodes.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const e of m.errorCodes) expect(e.docs).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });
});

describe.each(ALL_RULE_META.map((m) => [m.id, m] as const))('docs/rules page of %s', (_id, meta) => {
  const path = join(DOCS, pageFile(meta));

  it('exists', () => {
    if (UPDATE && !existsSync(path)) writeFileSync(path, skeleton(meta), 'utf8');
    expect({ page: pageFile(meta), exists: existsSync(path) }).toEqual({ page: pageFile(meta), exists: true });
  });

  it('has exactly the required headings, in order, and no unfinished section', () => {
    const doc = read(path);
    expect(headings(doc)).toEqual([`# ${meta.id} ${meta.name}`, ...SECTION_HEADINGS]);
    expect(doc).not.toMatch(/\bTODO\b/);
  });

  it('opens with the summary line and the generated table', () => {
    const doc = read(path);
    expectCurrent(path, doc, doc.replace(pagePreamble(doc), () => renderPreamble(meta)));
    expect(read(path).split('\n')[2]).toBe(meta.summary);
  });

  it('links only to pages that exist', () => {
    const links = [...read(path).matchAll(/\]\((?!https?:|#)([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string);
    for (const link of links) expect({ link, exists: existsSync(join(DOCS, link)) }).toEqual({ link, exists: true });
  });

  it('shows the current output of its fixture, which finds this rule', async () => {
    const run = await runExample(meta.id);
    expect(run.diagnostics).toEqual([]);
    const fired = run.all.filter((f) => f.ruleId === meta.id);
    expect(fired.length).toBeGreaterThan(0);
    for (const f of fired) expect(f.mitigation.length).toBeGreaterThan(0);
    const others = [...new Set(run.all.filter((f) => f.ruleId !== meta.id).map((f) => f.ruleId))].sort();
    expect({ alsoFires: others }).toEqual({ alsoFires: [...(DOC_FIXTURES[meta.id]?.alsoFires ?? [])].sort() });
    expect(run.text).toContain(` ${meta.id} ${meta.name}: `);

    const doc = read(path);
    const block = markedBlock(doc, EXAMPLE_START, EXAMPLE_END);
    expect({ page: pageFile(meta), markers: block !== undefined }).toEqual({ page: pageFile(meta), markers: true });
    expect(doc.indexOf(EXAMPLE_START)).toBeGreaterThan(doc.indexOf(`\n${SECTION_HEADINGS[SECTION_HEADINGS.length - 1]}\n`));
    expectCurrent(path, doc, replaceBlock(doc, EXAMPLE_START, EXAMPLE_END, renderExampleBlock(run.text)));
  });
});

describe('docs/rules index', () => {
  it('has a fixture for every rule and none for a rule that does not exist', () => {
    expect(Object.keys(DOC_FIXTURES).sort()).toEqual(ALL_RULE_META.map((m) => m.id).sort());
  });

  it('holds no page for a rule that does not exist', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.sort()).toEqual(ALL_RULE_META.map(pageFile).sort());
  });

  it('is generated from the rule metadata', () => {
    const doc = read(INDEX);
    expect(markedBlock(doc, INDEX_START, INDEX_END)).toBeDefined();
    expectCurrent(INDEX, doc, replaceBlock(doc, INDEX_START, INDEX_END, renderIndex(ALL_RULE_META)));
  });

  it('shows only configuration that FlowGuard accepts', () => {
    for (const file of readdirSync(DOCS).filter((f) => f.endsWith('.md'))) {
      const blocks = [...read(join(DOCS, file)).matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
      for (const yaml of blocks) expect(() => parseConfig(yaml, `docs/rules/${file}`, ALL_RULE_META)).not.toThrow();
    }
  });

  it('links every rule page', () => {
    const doc = read(INDEX);
    for (const m of ALL_RULE_META) expect(doc).toContain(`](${pageFile(m)})`);
  });
});
