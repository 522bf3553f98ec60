/**
 * The byte scan of Controls JSON against the full reading (`JSON.parse`, then the tree walk of
 * `controlsJsonFormulas`): on every corpus document, on hostile strings, and on thousands of mutated
 * documents. Whenever the scan answers, its answer is the full reading's; when the document is unusual it
 * gives up and the caller reads it in full.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ControlsScan } from '../../src/formula/controls-scan.js';
import { controlsJsonFormulas } from '../../src/formula/sources.js';
import type { FormulaSource } from '../../src/formula/types.js';
import { decodeText } from '../../src/source/decode.js';
import { ZipArchive } from '../../src/source/zip.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';

type Full = { formulas: FormulaSource[] } | { error: string };

function full(bytes: Uint8Array, inner = 'Controls/1.json'): Full {
  try {
    return { formulas: controlsJsonFormulas(decodeText(bytes), inner) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const selected = (fs: FormulaSource[], needles: readonly string[]): FormulaSource[] => fs.filter((f) => needles.some((n) => f.script.includes(n)));

/** The scan either gives up or gives exactly the full reading (and then the full reading has no error). */
function expectAgreement(bytes: Uint8Array, needles: readonly string[] = ['Run']): 'scanned' | 'gave up' {
  const scan = ControlsScan.of(bytes);
  if (scan === undefined) return 'gave up';
  const want = full(bytes);
  expect(want).toHaveProperty('formulas');
  const formulas = (want as { formulas: FormulaSource[] }).formulas;
  expect(scan.formulas('Controls/1.json')).toEqual(formulas);
  expect(scan.formulas('Controls/1.json', needles)).toEqual(selected(formulas, needles));
  return 'scanned';
}

const rule = (Property: unknown, InvariantScript: unknown): Record<string, unknown> => ({ Property, Category: 'Behavior', InvariantScript, RuleProviderType: 'User' });
const control = (Name: unknown, template: string, Rules: unknown, Children: unknown = [], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Type: 'ControlInfo',
  Name,
  Template: { Id: `http://microsoft.com/appmagic/${template}`, Name: template, OverridableProperties: {} },
  Index: 1.5e-3,
  Rules,
  ControlPropertyState: ['Fill', { InvariantPropertyName: 'OnSelect', AutoRuleBindingEnabled: false, NameMapSourceSchema: '?' }],
  Children,
  ...extra,
});
const doc = (top: unknown): Buffer => Buffer.from(JSON.stringify({ TopParent: top }));

const screen = control('Home Screen', 'screen', [rule('OnVisible', 'Set(varX, 1)'), rule('Fill', 'Color.White')], [
  control('conMain', 'groupContainer', [rule('Height', 'Parent.Height')], [
    control('galItems', 'gallery', [rule('Items', 'colItems')], [
      control('galleryTemplate1', 'galleryTemplate', [rule('TemplateFill', 'RGBA(0,0,0,0)'), rule('OnSelect', 'Select(Parent); Flow.Run(1)')]),
      control('lblTitle', 'label', [rule('Text', 'ThisItem.Title')]),
    ]),
    control('btnSubmit', 'button', [rule('OnSelect', 'Set(varResp, SubmitRequest.Run(txtName.Text, 2));\r\nNotify("ok {x}")'), rule('Text', '"Submit"')], [], {
      DynamicProperties: [{ PropertyName: 'FillPortions', Rule: rule('FillPortions', 'If(varResp.ok, 1, Run.Run())') }, { Rule: null }, 'x'],
    }),
  ]),
]);

describe('ControlsScan on built documents', () => {
  it('gives the rules of the tree walk, in its order, the gallery template given to its gallery', () => {
    const bytes = doc(screen);
    expect(expectAgreement(bytes)).toBe('scanned');
    const scan = ControlsScan.of(bytes) as ControlsScan;
    expect(scan.formulas('Controls/4.json', ['Run']).map((f) => `${f.screen} › ${f.control}.${f.property}`)).toEqual([
      'Home Screen › galItems.OnSelect',
      'Home Screen › btnSubmit.OnSelect',
      'Home Screen › btnSubmit.FillPortions',
    ]);
    expect(scan.formulas('x', ['varResp']).map((f) => f.property)).toEqual(['OnSelect', 'FillPortions']);
    expect(scan.formulas('x', [])).toEqual([]);
  });

  it('is not confused by strings holding braces, brackets, quotes, backslashes and escapes', () => {
    const tricky = ['{"Rules":[', '}]}', '\\', '\\"', '"', '\\u0041', '\u2028\u00e9\ud83d\ude00', '/', '\t\n', '"Children":[{"Name":"x"}]'];
    for (const t of tricky) {
      const top = control(`Scr ${t}`, 'screen', [rule(`P${t}`, `Flow.Run("${t}")`), rule('Text', t)], [control(`c${t}`, t, [rule('OnSelect', `Flow.Run(${t})`)])], { [`Extra${t}`]: { [t]: [t, { t }] } });
      expect([t, expectAgreement(doc(top), ['Run', t])]).toEqual([t, 'scanned']);
    }
    // Written with escapes that JSON.stringify would not use: \/, \u escapes of plain letters, in scripts and names.
    const escaped = Buffer.from('{"TopParent":{"Name":"S\\u0063reen\\/1","Rules":[{"Property":"On\\u0053elect","InvariantScript":"Flow.R\\u0075n(\\"a\\\\\\"b\\")"}],"Children":[]}}');
    expect(expectAgreement(escaped)).toBe('scanned');
    expect((ControlsScan.of(escaped) as ControlsScan).formulas('x', ['Run'])).toEqual([{ screen: 'Screen/1', control: 'Screen/1', property: 'OnSelect', script: 'Flow.Run("a\\"b")', inner: 'x' }]);
  });

  it('reads documents with byte-order marks and whitespace, as the full reading does', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const pretty = Buffer.from(JSON.stringify({ TopParent: screen }, null, '\t').replace(/\n/g, '\r\n'));
    for (const bytes of [Buffer.concat([bom, doc(screen)]), Buffer.concat([bom, bom, doc(screen)]), pretty, Buffer.concat([Buffer.from(' \n'), doc(screen), Buffer.from('\n ')])]) {
      expect(expectAgreement(bytes)).toBe('scanned');
    }
    // Three marks: the full reading fails, the scan gives up.
    expect(expectAgreement(Buffer.concat([bom, bom, bom, doc(screen)]))).toBe('gave up');
  });

  it('gives up on what the full reading rejects or reads differently', () => {
    const cases: [string, string][] = [
      ['not an object', '[{"TopParent":{"Name":"A"}}]'],
      ['no TopParent', '{"Top":{"Name":"A"}}'],
      ['TopParent twice (the last wins in JSON.parse)', '{"TopParent":{"Name":"A"},"TopParent":{"Name":"B"}}'],
      ['Name twice', '{"TopParent":{"Name":"A","Name":"B"}}'],
      ['Rules twice', '{"TopParent":{"Name":"A","Rules":[],"Rules":[{"Property":"P","InvariantScript":"F.Run()"}]}}'],
      ['Name twice, once spelt with an escape', '{"TopParent":{"N\\u0061me":"A","Name":"B"}}'],
      ['a blank name', '{"TopParent":{"Name":" \\t"}}'],
      ['a child without a name', '{"TopParent":{"Name":"A","Children":[{"Rules":[]}]}}'],
      ['a child that is no object', '{"TopParent":{"Name":"A","Children":[1]}}'],
      ['Rules that are no list', '{"TopParent":{"Name":"A","Rules":{"Property":"P","InvariantScript":"F.Run()"}}}'],
      ['Children that are no list', '{"TopParent":{"Name":"A","Children":"x"}}'],
      ['DynamicProperties that are no list', '{"TopParent":{"Name":"A","DynamicProperties":{"Rule":{"Property":"P","InvariantScript":"F.Run()"}}}}'],
      ['a trailing comma', '{"TopParent":{"Name":"A","Rules":[],}}'],
      ['a raw control character in a string', '{"TopParent":{"Name":"A\nB"}}'],
      ['a bad escape', '{"TopParent":{"Name":"A\\xB"}}'],
      ['a short \\u escape', '{"TopParent":{"Name":"A\\u12"}}'],
      ['a leading zero', '{"TopParent":{"Name":"A","Index":01}}'],
      ['a bare word', '{"TopParent":{"Name":"A","Index":NaN}}'],
      ['a truncated literal', '{"TopParent":{"Name":"A","Index":nul'],
      ['trailing text', '{"TopParent":{"Name":"A"}} x'],
      ['unclosed', '{"TopParent":{"Name":"A"}'],
      ['a byte-order mark inside', '{"TopParent":\ufeff{"Name":"A"}}'],
      ['an unterminated string', '{"TopParent":{"Name":"A'],
      ['empty', ''],
    ];
    for (const [why, text] of cases) expect([why, ControlsScan.of(Buffer.from(text))]).toEqual([why, undefined]);
  });

  it('agrees with the full reading where the tree walk ignores a value of another type', () => {
    const texts = [
      '{"TopParent":{"Name":"A","Rules":null,"Children":null,"DynamicProperties":null,"Template":"galleryTemplate"}}',
      '{"TopParent":{"Name":"A","Rules":[1,"x",null,[],{"Property":1,"InvariantScript":"F.Run()"},{"Property":"P","InvariantScript":{"a":"F.Run()"}},{"Property":"","InvariantScript":"F.Run()"},{"Property":"Q","InvariantScript":"   "}]}}',
      '{"TopParent":{"Name":"A","Children":[{"Name":"g","Template":{"Name":"GalleryTemplate"},"Rules":[{"Property":"OnSelect","InvariantScript":"F.Run()"}]}]}}',
      '{"TopParent":{"Name":"A","Children":[{"Name":"g","Template":{"Name":["galleryTemplate"]},"Rules":[{"Property":"OnSelect","InvariantScript":"F.Run()"}]}]}}',
      '{"TopParent":{"Name":"A","DynamicProperties":[{"Rule":[]},{"Rule":"x"},{"Rule":{"Property":"P","InvariantScript":"F.Run()"}}]},"__proto__":{"Name":1}}',
      '{"TopParent":{"N\\u0061me":"A","R\\u0075les":[{"Property":"P","Invariant\\u0053cript":"F.Run()"}]}}',
      '{"Other":[{"TopParent":1}],"TopParent":{"Name":"A","Template":{"Name":"x","Name2":"galleryTemplate"}}}',
    ];
    for (const t of texts) expect([t, expectAgreement(Buffer.from(t), ['Run'])]).toEqual([t, 'scanned']);
  });

  it('reads deep nesting without recursion, and a large document in one pass', () => {
    const depth = 200_000;
    const deep = Buffer.from(`{"TopParent":{"Name":"A","Other":${'['.repeat(depth)}${']'.repeat(depth)}}}`);
    expect(ControlsScan.of(deep)?.formulas('x')).toEqual([]);
    let chain: Record<string, unknown> = control('leaf', 'button', [rule('OnSelect', 'F.Run()')]);
    for (let i = 0; i < 2000; i++) chain = control(`c${i}`, 'groupContainer', [], [chain]);
    const bytes = doc(chain);
    expect(ControlsScan.of(bytes)?.formulas('x', ['Run']).map((f) => f.control)).toEqual(['leaf']);
    expect(expectAgreement(bytes)).toBe('scanned');
  });

  it('gives the full reading, or gives up, on thousands of mutated documents', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const base = doc(screen);
    const pieces = ['"', '\\', '\\"', '\\\\', '\\u0022', '\\u00', '{', '}', '[', ']', ',', ':', ' ', '\n', 'null', '0', '-1.5e3', 'true', '"Name":"x",', '"Rules":[],', '"Children":[{"Name":"k"}],', '\ufeff', '\u00e9', '\x01'].map((p) => Buffer.from(p));
    const counts = { scanned: 0, 'gave up': 0 };
    for (let k = 0; k < 3000; k++) {
      let bytes: Buffer = base;
      for (let m = 0, n = 1 + next(3); m < n; m++) {
        const at = next(bytes.length + 1);
        const op = next(3);
        const piece = pieces[next(pieces.length)] as Buffer;
        if (op === 0) bytes = Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
        else if (op === 1) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + next(8)))]);
        else bytes = Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(Math.min(bytes.length, at + piece.length))]);
      }
      counts[expectAgreement(bytes, ['Run', 'var'])]++;
    }
    // Both outcomes occur: the mutations reach the scan's checks, and plenty of mutated documents still scan.
    expect(counts.scanned).toBeGreaterThan(300);
    expect(counts['gave up']).toBeGreaterThan(300);
  });
});

/** Every Controls/Components JSON of every .msapp in the corpus (in zips, trees and the legacy package). */
async function corpusControls(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const fromZip = async (bytes: Uint8Array, name: string): Promise<void> => {
    const zip = await ZipArchive.open(bytes);
    for (const entry of zip.names) {
      if (/^(controls|components)\/[^/]+\.json$/i.test(entry.replace(/\\/g, '/')) && /\.msapp/i.test(name)) out.push({ name: `${name}!/${entry}`, bytes: await zip.read(entry) });
      else if (/\.(msapp|zip)$/i.test(entry)) await fromZip(await zip.read(entry), `${name}!/${entry}`);
    }
  };
  const walk = async (dir: string): Promise<void> => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) await walk(p);
      else if (/\.(zip|msapp)$/i.test(e)) await fromZip(readFileSync(p), p);
    }
  };
  await walk(CORPUS);
  return out;
}

describeCorpus('ControlsScan on the real exports', () => {
  it('scans every Controls JSON of the corpus into exactly the full reading', async () => {
    const docs = await corpusControls();
    expect(docs.length).toBeGreaterThan(100);
    const gaveUp: string[] = [];
    for (const d of docs) if (expectAgreement(d.bytes, ['Run', 'var', 'gbl']) === 'gave up') gaveUp.push(d.name);
    expect(gaveUp).toEqual([]);
  });
});
