import { describe, expect, it } from '@jest/globals';
import { MAX_ANNOTATIONS, toAnnotations } from '../../src/report/annotations.js';
import type { Finding } from '../../src/rules/types.js';
import { SECRET_SIG, findings } from './fixtures.js';

describe('toAnnotations', () => {
  it('orders errors, then warnings, then notes, keeping input order within a level', () => {
    const input = findings();
    const { annotations, overflow } = toAnnotations(input);
    expect(overflow).toBe(0);
    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ['error', 'FG201 disabled-flow'],
      ['error', 'FG101 flow-input-added'],
      ['error', 'FG101 flow-input-added'],
      ['warning', 'FG301 embedded-connection'],
      ['warning', 'FG501 callback-url-in-source'],
      ['notice', 'FG402 unmanaged-release'],
    ]);
    // Stable: the two FG101 keep their input order (Contoso first, then the hostile solution).
    expect(annotations[1]?.file).toBe('solutions/ContosoExpenses_1_0_0_3.zip');
    expect(annotations[2]?.file).toBe('solutions/Hostile Solution/CanvasApps/evil_app.meta.xml');
  });

  it('keeps the worst when it must cut, and counts the rest', () => {
    const { annotations, overflow } = toAnnotations(findings(), 2);
    expect(annotations.map((a) => a.level)).toEqual(['error', 'error']);
    expect(overflow).toBe(4);
    expect(toAnnotations(findings(), 0)).toEqual({ annotations: [], overflow: 6 });
  });

  it('defaults to GitHub’s ten per step', () => {
    const many: Finding[] = Array.from({ length: 25 }, (_, i) => ({ ...findings()[0]!, fingerprint: `n${i}` }));
    const { annotations, overflow } = toAnnotations(many);
    expect(MAX_ANNOTATIONS).toBe(10);
    expect(annotations).toHaveLength(10);
    expect(overflow).toBe(15);
  });

  it('writes a plain-text message with the inner path, error codes and first fix step, and no line', () => {
    const a = toAnnotations(findings()).annotations[1]!;
    expect(a.message).toBe(
      [
        "Flow 'Submit expense' now requires input 'Amount', which canvas app 'Expense Tracker' does not send.",
        'In CanvasApps/contoso_expensetracker_a1b2c_DocumentUri.msapp!/References/DataSources.json.',
        'Predicted errors: InvokerConnectionOverrideFailed, MissingConnectionReference.',
        'Fix: Open the app in Power Apps Studio in the development environment. (2 more steps in the report)',
      ].join('\n'),
    );
    expect(a.startLine).toBeUndefined();
    expect('startLine' in a).toBe(false);
  });

  it('redacts secrets and strips control characters', () => {
    const f = findings().find((x) => x.ruleId === 'FG501')!;
    const [a] = toAnnotations([{ ...f, message: `${f.message}\u001b[31m\r\n` }]).annotations;
    expect(a?.message).not.toContain(SECRET_SIG);
    expect(a?.message).toContain('sig=REDACTED');
    expect(a?.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('does not change its input', () => {
    const input = findings();
    const before = JSON.stringify(input);
    toAnnotations(input, 3);
    expect(JSON.stringify(input)).toBe(before);
  });
});
