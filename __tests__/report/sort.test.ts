import { describe, expect, it } from '@jest/globals';
import { toAnnotations } from '../../src/report/annotations.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarifJson } from '../../src/report/sarif.js';
import { compareFindings, compareText, sortFindings } from '../../src/report/sort.js';
import { renderText } from '../../src/report/text.js';
import type { Finding } from '../../src/rules/types.js';
import { auditReport, comparedReport, ctx, findings, shuffled } from './fixtures.js';

const f = (over: Partial<Finding>): Finding => ({ ...findings()[0]!, ...over });

describe('finding order', () => {
  it('sorts by severity, solution path, app, flow, rule id, fingerprint', () => {
    const order = sortFindings(findings()).map((x) => x.fingerprint);
    expect(order).toEqual(['fp-201-approvals', 'fp-101-submit', 'fp-101-evil', 'fp-501-tracker', 'fp-301-evil', 'fp-402-contoso']);
  });

  it('applies each key in turn', () => {
    const base = f({ severity: 'warning', solution: { uniqueName: 'S', path: 'b' }, app: { name: 'a', displayName: 'App' }, flow: { id: '1', name: 'Flow' }, ruleId: 'FG200', fingerprint: 'm' });
    const lt = (a: Finding, b: Finding) => expect(compareFindings(a, b)).toBeLessThan(0);
    lt({ ...base, severity: 'error' }, base);
    lt({ ...base, severity: 'warning' }, { ...base, severity: 'note' });
    lt({ ...base, solution: { uniqueName: 'Z', path: 'a' } }, base);
    lt({ ...base, app: undefined }, base); // solution-level findings first
    lt({ ...base, app: { name: 'z', displayName: 'Aardvark' } }, base);
    lt({ ...base, flow: undefined }, base); // app-level findings first
    lt({ ...base, flow: { id: '9', name: 'Alpha' } }, base);
    lt({ ...base, ruleId: 'FG100' }, base);
    lt({ ...base, fingerprint: 'a' }, base);
    expect(compareFindings(base, { ...base })).toBe(0);
  });

  it('compares text case-insensitively first, then by code unit, without the locale', () => {
    expect(['b', 'B', 'a', 'A', 'é', 'e'].sort(compareText)).toEqual(['A', 'a', 'B', 'b', 'e', 'é']);
  });

  it('does not change its input', () => {
    const input = findings();
    const copy = [...input];
    sortFindings(input);
    expect(input).toEqual(copy);
  });
});

describe('determinism of every renderer', () => {
  const renderAll = (compared: boolean, shuffleSeed?: number): string[] => {
    const r = compared ? comparedReport() : auditReport();
    if (shuffleSeed !== undefined) {
      r.findings = shuffled(r.findings, shuffleSeed);
      r.diagnostics = shuffled(r.diagnostics, shuffleSeed);
      if (r.fixed) r.fixed = shuffled(r.fixed, shuffleSeed);
    }
    const c = ctx(compared);
    return [renderMarkdown(r, c), renderText(r, c), renderSarifJson(r, c), renderJson(r)];
  };

  it('renders byte-identical output twice', () => {
    expect(renderAll(true)).toEqual(renderAll(true));
    expect(renderAll(false)).toEqual(renderAll(false));
  });

  it('renders the same output for any order of findings and diagnostics', () => {
    const expected = renderAll(true);
    for (let seed = 1; seed <= 10; seed++) expect(renderAll(true, seed)).toEqual(expected);
  });

  it('annotations are stable for equal severities (they keep input order by design)', () => {
    const input = findings();
    expect(toAnnotations(input)).toEqual(toAnnotations([...input]));
  });
});
