import { describe, expect, it } from '@jest/globals';
import { REPORT_SHAPE, renderJson, stableStringify } from '../../src/report/json.js';
import { CALLBACK_URL, SECRET_SIG, SUBSCRIPTION_ID, auditReport, comparedReport, shuffled } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('stableStringify', () => {
  it('formats like JSON.stringify with 2 spaces', () => {
    const value = { a: [1, 'x', null, true, { b: [] }], c: {}, d: undefined, e: [undefined] };
    expect(stableStringify(value)).toBe(JSON.stringify({ a: [1, 'x', null, true, { b: [] }], c: {}, e: [null] }, null, 2));
  });
  it('sorts keys where the shape defines no order, locale-independently', () => {
    expect(stableStringify({ b: 1, a: 2, B: 3, '10': 4, '9': 5 }, { kind: 'any' }, { indent: 0 })).toBe('{"10":4,"9":5,"a":2,"B":3,"b":1}');
  });
  it('keeps the order the shape lists, then the rest sorted', () => {
    const shape = { kind: 'object', keys: [['z', { kind: 'any' }], ['a', { kind: 'any' }]] } as const;
    expect(stableStringify({ a: 1, extra2: 2, z: { y: 1, x: 2 }, extra1: 3 }, shape, { indent: 0 })).toBe(
      '{"z":{"x":2,"y":1},"a":1,"extra1":3,"extra2":2}',
    );
  });
  it('maps strings and map keys but not type-defined keys', () => {
    const shape = { kind: 'object', keys: [['sig', { kind: 'map', of: { kind: 'any' } }]] } as const;
    expect(stableStringify({ sig: { k: 'v' } }, shape, { indent: 0, mapString: (s) => s.toUpperCase() })).toBe('{"sig":{"K":"V"}}');
  });
  it('turns non-finite numbers into null', () => {
    expect(stableStringify([Number.NaN, Number.POSITIVE_INFINITY], { kind: 'any' }, { indent: 0 })).toBe('[null,null]');
  });
});

describe('renderJson', () => {
  it('matches the golden report', () => {
    expectGolden('report-compared.json', renderJson(comparedReport()));
  });

  it("writes a changed finding's status, then what the base said, redacted", () => {
    const r = comparedReport();
    r.findings = r.findings.map((f) => (f.ruleId === 'FG201' ? { ...f, status: 'changed' as const, previous: { fingerprint: 'old', severity: 'warning' as const, message: `was ${CALLBACK_URL}` } } : f));
    r.counts = { ...r.counts, changed: 1 };
    const out = renderJson(r);
    expect(out).toMatch(/"status": "changed",\n\s+"previous": \{\n\s+"message": "was [^"]*",\n\s+"severity": "warning",\n\s+"fingerprint": "old"\n\s+\}/);
    expect(out).not.toContain(SECRET_SIG);
    expect(out).toMatch(/"new": 3,\n\s+"changed": 1\n/);
  });

  it('puts keys in the order of the types, whatever the input object order', () => {
    const r = comparedReport();
    const scrambled = JSON.parse(
      JSON.stringify(r, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    );
    expect(renderJson(scrambled)).toBe(renderJson(r));
    const parsed = JSON.parse(renderJson(r));
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'solutions', 'findings', 'fixed', 'changes', 'diagnostics', 'counts']);
    expect(Object.keys(parsed.findings[0])).toEqual([
      'ruleId',
      'rule',
      'severity',
      'errorCodes',
      'message',
      'solution',
      'app',
      'flow',
      'location',
      'mitigation',
      'fingerprint',
      'status',
    ]);
    expect(Object.keys(parsed.counts)).toEqual(['error', 'warning', 'note', 'new']);
  });

  it('sorts findings and diagnostics, keeps solutions in input order, and round-trips the data', () => {
    const r = comparedReport();
    const shuffledReport = { ...r, findings: shuffled(r.findings, 11), diagnostics: shuffled(r.diagnostics, 11) };
    expect(renderJson(shuffledReport)).toBe(renderJson(r));
    const parsed = JSON.parse(renderJson(r));
    expect(parsed.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual([
      'fp-201-approvals',
      'fp-101-submit',
      'fp-101-evil',
      'fp-501-tracker',
      'fp-301-evil',
      'fp-402-contoso',
    ]);
    expect(parsed.solutions.map((s: { path: string }) => s.path)).toEqual(r.solutions.map((s) => s.path));
    expect(parsed.solutions).toEqual(JSON.parse(JSON.stringify(r.solutions)));
    expect(parsed.findings[5].app).toBeUndefined();
  });

  it('redacts secrets in every string', () => {
    const out = renderJson(comparedReport());
    expect(out).not.toContain(SECRET_SIG);
    expect(out).not.toContain(SUBSCRIPTION_ID);
    expect(out.match(/sig=REDACTED/g)?.length).toBe(2);
  });

  it('ends with a newline and is valid JSON', () => {
    const out = renderJson(auditReport());
    expect(out.endsWith('}\n')).toBe(true);
    expect(() => JSON.parse(out)).not.toThrow();
    expect(REPORT_SHAPE.kind).toBe('object');
  });
});
