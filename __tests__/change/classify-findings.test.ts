import { describe, expect, it } from '@jest/globals';
import { classifyFindings } from '../../src/change/compare.js';
import type { Finding } from '../../src/rules/types.js';

function finding(o: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'FG202',
    rule: 'sync-timeout-risk',
    severity: 'warning',
    errorCodes: [],
    message: 'waits 180 s',
    solution: { uniqueName: 'S', path: 's.zip' },
    app: { name: 'app', displayName: 'App' },
    flow: { id: 'f1', name: 'Flow' },
    location: { file: 's.zip' },
    mitigation: [],
    fingerprint: 'fp1',
    ...o,
  };
}

describe('one subject, one entry', () => {
  it('keeps a finding the base had at the same severity as existing, whatever details its message changed', () => {
    const { findings, fixed } = classifyFindings([finding()], [finding({ message: 'waits 180 s (called in A › b.OnSelect)' })]);
    expect(findings.map((f) => f.status)).toEqual(['existing']);
    expect(findings[0]?.previous).toBeUndefined();
    expect(fixed).toEqual([]);
  });

  it('marks the same fingerprint at another severity changed, with the base message and the head severity', () => {
    const { findings, fixed } = classifyFindings([finding({ severity: 'note' })], [finding({ severity: 'error', message: 'waits 300 s' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'changed', severity: 'error', message: 'waits 300 s', previous: { message: 'waits 180 s', severity: 'note', fingerprint: 'fp1' } });
    expect(fixed).toEqual([]);
  });

  it('pairs the same rule on the same app and flow under another fingerprint as changed, not new plus fixed', () => {
    const base = finding({ ruleId: 'FG101', fingerprint: 'input-a', message: "input 'a' added" });
    const head = finding({ ruleId: 'FG101', fingerprint: 'input-b', message: "input 'b' added" });
    const { findings, fixed } = classifyFindings([base], [head]);
    expect(findings.map((f) => [f.status, f.previous?.message])).toEqual([['changed', "input 'a' added"]]);
    expect(fixed).toEqual([]);
  });

  it('pairs one to one: what is left over is new or fixed', () => {
    const base = [finding({ ruleId: 'FG101', fingerprint: 'a' }), finding({ ruleId: 'FG101', fingerprint: 'b', message: 'b' })];
    const head = [finding({ ruleId: 'FG101', fingerprint: 'c', message: 'c' })];
    const { findings, fixed } = classifyFindings(base, head);
    expect(findings.map((f) => f.status)).toEqual(['changed']);
    expect(fixed).toHaveLength(1);
    const three = classifyFindings([], [...head, finding({ ruleId: 'FG101', fingerprint: 'd' })]);
    expect(three.findings.map((f) => f.status)).toEqual(['new', 'new']);
  });

  it('does not pair another rule, app, flow or solution', () => {
    const base = finding();
    for (const other of [
      finding({ ruleId: 'FG201', fingerprint: 'x' }),
      finding({ app: { name: 'app2', displayName: 'App' }, fingerprint: 'x' }),
      finding({ flow: { id: 'f2', name: 'Flow' }, fingerprint: 'x' }),
      finding({ solution: { uniqueName: 'T', path: 's.zip' }, fingerprint: 'x' }),
    ]) {
      const { findings, fixed } = classifyFindings([base], [other]);
      expect(findings.map((f) => f.status)).toEqual(['new']);
      expect(fixed).toEqual([base]);
    }
  });

  it('never reports a subject both new and fixed', () => {
    const subject = (f: Finding) => `${f.ruleId}|${f.app?.name}|${f.flow?.id}`;
    const base = [finding({ fingerprint: '1', severity: 'note' }), finding({ ruleId: 'FG101', fingerprint: '2' }), finding({ ruleId: 'FG102', fingerprint: '3' })];
    const head = [finding({ fingerprint: '4' }), finding({ ruleId: 'FG101', fingerprint: '5', message: 'y' }), finding({ ruleId: 'FG103', fingerprint: '6' })];
    const { findings, fixed } = classifyFindings(base, head);
    const added = new Set(findings.filter((f) => f.status === 'new').map(subject));
    expect(fixed.map(subject).filter((s) => added.has(s))).toEqual([]);
    expect(findings.map((f) => f.status)).toEqual(['changed', 'changed', 'new']);
  });
});
