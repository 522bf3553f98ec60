import { describe, expect, it } from '@jest/globals';
import { renderText } from '../../src/report/text.js';
import { HOSTILE_APP, SECRET_SIG, SUBSCRIPTION_ID, auditReport, cleanReport, comparedReport, ctx, shuffled } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('renderText', () => {
  it('matches the golden output for an audit', () => {
    expectGolden('text-audit.txt', renderText(auditReport(), ctx(false)));
  });
  it('matches the golden output for a pull request', () => {
    expectGolden('text-compared.txt', renderText(comparedReport(), ctx(true)));
  });
  it('matches the golden output when nothing is wrong', () => {
    expectGolden('text-clean.txt', renderText(cleanReport(), ctx(false)));
  });

  it('groups by solution, then app → flow, worst group first; each block starts path[:inner]: severity RULEID rule-name: message', () => {
    const lines = renderText(auditReport(), ctx(false)).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'ContosoExpenses · solutions/ContosoExpenses_1_0_0_3.zip',
      "  app 'Expense Tracker' → flow 'Get approvals' (7a2b3c4d-5e6f-4a1b-9c8d-abcdefabcdef)",
      "    solutions/ContosoExpenses_1_0_0_3.zip:Workflows/Getapprovals-7A2B3C4D-5E6F-4A1B-9C8D-ABCDEFABCDEF.json: error FG201 disabled-flow: Flow 'Get approvals', called by canvas app 'Expense Tracker', is exported turned off.",
    ]);
    // Solutions, then components, each in the order of their worst finding; findings worst first inside.
    const solutions = lines.filter((l) => /^\S/.test(l) && l.includes(' · '));
    expect(solutions).toEqual(['ContosoExpenses · solutions/ContosoExpenses_1_0_0_3.zip', 'evil_sol|x · solutions/Hostile Solution']);
    const components = lines.filter((l) => /^ {2}\S/.test(l));
    expect(components.slice(0, 4)).toEqual([
      "  app 'Expense Tracker' → flow 'Get approvals' (7a2b3c4d-5e6f-4a1b-9c8d-abcdefabcdef)",
      "  app 'Expense Tracker' → flow 'Submit expense' (6f1c9d2a-0b3e-4c5d-8e7f-0123456789ab)",
      "  app 'Expense Tracker'",
      '  the solution itself',
    ]);
    const severities = lines.filter((l) => /^ {4}\S/.test(l)).map((l) => / (error|warning|note) FG\d{3} /.exec(l)?.[1]);
    expect(severities).toEqual(['error', 'error', 'warning', 'note', 'error', 'warning', undefined, undefined]);
  });

  it('indents error codes and numbered fix steps under their finding', () => {
    const out = renderText(auditReport(), ctx(false));
    expect(out).toContain(
      [
        '        predicted errors: InvokerConnectionOverrideFailed, MissingConnectionReference',
        '        how to fix:',
        '          1. Open the app in Power Apps Studio in the development environment.',
        "          2. Remove flow 'Submit expense' from the app and add it again.",
        '          3. Save, publish and export the solution again.',
      ].join('\n'),
    );
  });

  it('colours severities and headings only when asked, around text already cleaned', () => {
    const plain = renderText(auditReport(), ctx(false));
    const coloured = renderText(auditReport(), ctx(false), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31merror\u001b[0m FG201');
    expect(coloured).toContain('\u001b[33mwarning\u001b[0m FG501');
    expect(coloured).toContain('\u001b[1mContosoExpenses · solutions/ContosoExpenses_1_0_0_3.zip\u001b[0m');
    // Without the escapes it is the plain text, byte for byte: colour adds nothing else.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('ends with a count line and lists diagnostics', () => {
    const lines = renderText(auditReport(), ctx(false)).trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(
      '3 errors, 2 warnings, 1 note in 3 solutions, 2 canvas apps, 4 flows; 2 diagnostics — FlowGuard 0.1.0',
    );
    expect(lines).toContain('    solutions/Broken.zip: warning: The archive is not a valid zip file.');
    expect(renderText(cleanReport(), ctx(false))).toBe('no problems in 3 solutions, 2 canvas apps, 4 flows — FlowGuard 0.1.0\n');
  });

  it('marks new and existing findings and lists fixed ones when compared', () => {
    const out = renderText(comparedReport(), ctx(true));
    expect(out.match(/status: new in this change/g)).toHaveLength(3);
    expect(out.match(/status: already present/g)).toHaveLength(3);
    expect(out).toMatch(/\nfixed:\n {4}solutions\/ContosoExpenses_1_0_0_3\.zip:CanvasApps\/.*: warning FG102 flow-output-removed: /);
    expect(out.trimEnd().split('\n').pop()).toMatch(/^3 errors, 2 warnings, 1 note \(3 new, 1 fixed\) in /);
  });

  it('lets no control character (terminal escape) or secret through, and keeps names on one line', () => {
    const r = auditReport();
    r.findings[0] = { ...r.findings[0]!, message: 'evil \u001b[2J\u001b]0;title\u0007 name\u009b31m' };
    const out = renderText(r, ctx(false));
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).not.toContain(SECRET_SIG);
    expect(out).not.toContain(SUBSCRIPTION_ID);
    expect(out).toContain(HOSTILE_APP.replace('\n', ' '));
  });

  it('is deterministic and independent of input order', () => {
    const expected = renderText(comparedReport(), ctx(true));
    for (const seed of [7, 8, 9]) {
      const r = comparedReport();
      r.findings = shuffled(r.findings, seed);
      r.diagnostics = shuffled(r.diagnostics, seed);
      expect(renderText(r, ctx(true))).toBe(expected);
    }
  });
});
