import { afterEach, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeChange } from '../../src/engine.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';
import { TestRepo } from '../helpers/git-repo.js';

const ZIP = 'pnp-contoso-school/ContosoSchool.zip';
const FLOW = 'Workflows/CreateTemplate-FA603440-CAB6-ED11-83FE-000D3A9C5D17.json';
const MSAPP = 'CanvasApps/acs_contososchool_60e52_DocumentUri.msapp';

type Json = Record<string, any>;

/** Re-packs the corpus zip with changes applied to its entries (and to entries of the .msapp inside it). */
async function repack(edit: { flow?: (def: Json) => void; text?: Record<string, (s: string) => string>; msapp?: Record<string, (s: string) => string>; reorder?: boolean }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(join(CORPUS, ZIP)));
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  if (edit.reorder) names.reverse();
  for (const name of names) {
    let bytes: Uint8Array | string = await (zip.files[name] as JSZip.JSZipObject).async('uint8array');
    if (name === FLOW && edit.flow) {
      const def = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
      edit.flow(def);
      bytes = JSON.stringify(def);
    }
    const t = edit.text?.[name];
    if (t) bytes = t(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
    if (name === MSAPP && edit.msapp) {
      const app = await JSZip.loadAsync(bytes);
      for (const [inner, fn] of Object.entries(edit.msapp)) app.file(inner, fn(await (app.files[inner] as JSZip.JSZipObject).async('string')));
      bytes = await app.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    }
    out.file(name, bytes);
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Reverses key order at every level: same meaning, different bytes. */
function reorderKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reorderKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorderKeys(x)]));
  return v;
}

const addRequiredInput = (def: Json): void => {
  const schema = def.properties.definition.triggers.manual.inputs.schema;
  schema.properties.text_9 = { title: 'Due date', type: 'string', 'x-ms-content-hint': 'TEXT' };
  schema.required.push('text_9');
};

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

async function run(base: Uint8Array, head: Uint8Array) {
  const repo = new TestRepo();
  repos.push(repo);
  repo.write({ 'solutions/ContosoSchool.zip': base });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'pr');
  repo.write({ 'solutions/ContosoSchool.zip': head });
  repo.commit('head');
  return analyzeChange({ cwd: repo.dir, paths: ['.'], base: { ref: 'main' } });
}

describeCorpus('pull-request mode: export noise and real changes', () => {
  it('a re-export that only changes noise reports nothing new and no changed component', async () => {
    const base = readFileSync(join(CORPUS, ZIP));
    const head = await repack({
      reorder: true,
      flow: (def) => {
        Object.assign(def, reorderKeys(def));
        for (const a of Object.values(def.properties.definition.actions as Json)) if (a.metadata) a.metadata.operationMetadataId = '00000000-0000-0000-0000-000000000001';
      },
      text: { 'customizations.xml': (s) => s.replace(/\n/g, '\r\n') },
      msapp: {
        'Header.json': (s) => s.replace(/"LastSavedDateTimeUTC":"[^"]*"/, '"LastSavedDateTimeUTC":"01/01/2030 00:00:00"'),
        'References\\DataSources.json': (s) => s.replace(/"FlowNameId":"[^"]*"/g, '"FlowNameId":"11111111-2222-3333-4444-555555555555"'),
      },
    });
    expect(Buffer.compare(Buffer.from(head), base)).not.toBe(0);
    const r = await run(base, head);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.status === 'new')).toEqual([]);
    expect(r.report.fixed).toEqual([]);
    expect(r.report.changes).toEqual([]);
  });

  it('a flow change in the head comes out new, with the exact difference and the re-add route on a development branch', async () => {
    const base = readFileSync(join(CORPUS, ZIP));
    const head = await repack({ flow: addRequiredInput });
    const r = await run(base, head);
    // One cause, one entry: the change (FG105) is the headline, the input drift (FG101) its evidence.
    expect(r.findings.filter((f) => f.ruleId === 'FG101')).toEqual([]);
    const change = r.findings.filter((f) => f.ruleId === 'FG105');
    expect(change).toHaveLength(1);
    expect(change[0]).toMatchObject({ status: 'new', severity: 'error', app: { name: 'acs_contososchool_60e52' }, flow: { name: 'Create Template' } });
    expect(change[0]?.evidence?.map((e) => e.ruleId)).toEqual(['FG101']);
    expect(change[0]?.evidence?.[0]?.message).toContain("input 'text_9' (Due date, string, required) added to the flow; the app passes text, text_1");
    expect(change[0]?.mitigation.join(' ')).toMatch(/remove 'Create Template' from the app, then add it again/);
    // The formulas to edit after re-binding come along from the drift.
    expect(change[0]?.mitigation.join(' ')).toContain('Start Screen › btnStart.OnSelect passes 2 arguments');
    expect(r.findings.filter((f) => f.ruleId === 'FG403').map((f) => f.status)).toEqual(['new']);
    expect(r.report.counts.new).toBe(r.findings.filter((f) => f.status === 'new').length);
  });

  it('the same drift already in the base comes out existing, and its removal comes out fixed', async () => {
    const drifted = await repack({ flow: addRequiredInput });
    const bumped = await repack({ flow: addRequiredInput, text: { 'solution.xml': (s) => s.replace(/<Version>[^<]*<\/Version>/, '<Version>9.9.9.9</Version>') } });
    const same = await run(drifted, bumped);
    expect(same.findings.filter((f) => f.ruleId === 'FG101').map((f) => f.status)).toEqual(['existing']);
    expect(same.findings.filter((f) => f.status === 'new')).toEqual([]);

    const fixed = await run(drifted, readFileSync(join(CORPUS, ZIP)));
    expect(fixed.findings.some((f) => f.ruleId === 'FG101')).toBe(false);
    expect(fixed.report.fixed?.map((f) => f.ruleId)).toContain('FG101');
    // Undoing the drift brings the flow back to what the app stored: nothing to re-bind.
    expect(fixed.findings.filter((f) => f.ruleId === 'FG105')).toEqual([]);
  });
});
