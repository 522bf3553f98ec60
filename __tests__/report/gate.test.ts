import { describe, expect, it } from '@jest/globals';
import { gate, gatingFindings, worstSeverity } from '../../src/report/gate.js';
import type { Finding } from '../../src/rules/types.js';

const f = (severity: Finding['severity'], status?: Finding['status']): Finding => ({
  ruleId: 'FG101',
  rule: 'flow-input-drift',
  severity,
  errorCodes: [],
  message: '',
  solution: { uniqueName: 's', path: 's.zip' },
  app: undefined,
  flow: undefined,
  location: { file: 's.zip' },
  mitigation: [],
  fingerprint: `${severity}-${status}`,
  ...(status ? { status } : {}),
});

describe('the gate', () => {
  const findings = [f('error', 'existing'), f('warning', 'new'), f('note', 'new')];
  it.each([
    ['error', 'all', 1],
    ['error', 'new', 0],
    ['warning', 'new', 1],
    ['warning', 'all', 2],
    ['note', 'new', 2],
    ['never', 'all', 0],
  ] as const)('fail-on %s, scope %s: %i finding(s) count', (failOn, scope, n) => {
    expect(gatingFindings(findings, failOn, scope)).toHaveLength(n);
    expect(gate(findings, failOn, scope)).toBe(n > 0);
  });
  it('names the worst severity', () => {
    expect(worstSeverity(findings)).toBe('error');
    expect(worstSeverity([f('note'), f('warning')])).toBe('warning');
    expect(worstSeverity([])).toBe('none');
  });

  describe("a changed finding with --fail-on-scope new", () => {
    const changed = (severity: Finding['severity'], previous: Finding['severity'], fingerprint: string): Finding => ({
      ...f(severity, 'changed'),
      fingerprint: 'now',
      previous: { severity: previous, message: 'before', fingerprint },
    });
    it('fails the run when its severity rose', () => {
      expect(gate([changed('error', 'warning', 'now')], 'error', 'new')).toBe(true);
    });
    it('fails the run when its identity changed (another input, another connection)', () => {
      expect(gate([changed('warning', 'warning', 'before')], 'warning', 'new')).toBe(true);
    });
    it('does not fail the run when only its severity fell', () => {
      expect(gate([changed('warning', 'error', 'now')], 'warning', 'new')).toBe(false);
      expect(gate([changed('warning', 'error', 'now')], 'warning', 'all')).toBe(true);
    });
  });
});
