import { describe, expect, it } from '@jest/globals';
import { mergeCauses } from '../../src/change/compare.js';
import type { Finding } from '../../src/rules/types.js';

function finding(ruleId: string, o: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    rule: ruleId.toLowerCase(),
    severity: 'warning',
    errorCodes: [],
    message: `${ruleId} message`,
    solution: { uniqueName: 'S', path: 's.zip' },
    app: { name: 'app', displayName: 'App' },
    flow: { id: 'f1', name: 'Flow' },
    location: { file: 's.zip' },
    mitigation: ['Re-bind the app.', 'Background: https://example.invalid/kb'],
    fingerprint: `${ruleId}-fp`,
    status: 'new',
    ...o,
  };
}

describe('one cause, one entry in pull-request mode', () => {
  it('puts the new drift of the same app and flow under the change finding, with the worse severity and all codes', () => {
    const change = finding('FG105', { severity: 'note', errorCodes: ['InvalidTemplate'] });
    const input = finding('FG101', { severity: 'error', errorCodes: ['InvalidTemplate'], mitigation: ['Re-bind.', 'After re-binding, change every call so it passes x: A › b.OnSelect passes 1 argument (F.Run(1)).'] });
    const conn = finding('FG103', { errorCodes: ['MissingConnectionReference'] });
    const out = mergeCauses([change, input, conn]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: 'FG105', severity: 'error', errorCodes: ['InvalidTemplate', 'MissingConnectionReference'] });
    expect(out[0]?.evidence?.map((e) => e.ruleId)).toEqual(['FG101', 'FG103']);
    // The formula step of the drift joins the change's fix, before its background link.
    expect(out[0]?.mitigation).toEqual(['Re-bind the app.', 'After re-binding, change every call so it passes x: A › b.OnSelect passes 1 argument (F.Run(1)).', 'Background: https://example.invalid/kb']);
  });

  it('keeps drift that was already there, drift of another flow or app, and other rules as they are', () => {
    const change = finding('FG105');
    const old = finding('FG101', { status: 'existing', fingerprint: 'old' });
    const otherFlow = finding('FG102', { flow: { id: 'f2', name: 'Other' }, fingerprint: 'f2' });
    const otherApp = finding('FG103', { app: { name: 'app2', displayName: 'App 2' }, fingerprint: 'a2' });
    const mode = finding('FG301', { fingerprint: 'mode' });
    const out = mergeCauses([change, old, otherFlow, otherApp, mode]);
    expect(out.map((f) => f.fingerprint)).toEqual(['FG105-fp', 'old', 'f2', 'a2', 'mode']);
    expect(out[0]?.evidence).toBeUndefined();
  });

  it('leaves drift alone when no change finding names the same cause', () => {
    const drift = [finding('FG101'), finding('FG102', { fingerprint: 'x' })];
    expect(mergeCauses(drift)).toEqual(drift);
  });
});
