import { describe, expect, it } from '@jest/globals';
import { FINGERPRINT_KEY, renderSarif, renderSarifJson, type SarifLog } from '../../src/report/sarif.js';
import type { Report } from '../../src/report/types.js';
import { RULES, SECRET_SIG, SUBSCRIPTION_ID, auditReport, cleanReport, comparedReport, ctx, shuffled } from './fixtures.js';
import { expectGolden } from './golden.js';
import { sarifSchemaErrors } from './sarif-schema.js';

const run = (log: SarifLog) => log.runs[0];

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 for every fixture', () => {
    expect(sarifSchemaErrors(renderSarif(auditReport(), ctx(false)))).toEqual([]);
    expect(sarifSchemaErrors(renderSarif(comparedReport(), ctx(true)))).toEqual([]);
    expect(sarifSchemaErrors(renderSarif(cleanReport(), { ...ctx(false), docsBase: '' }))).toEqual([]);
  });
  it('the schema check can fail', () => {
    const log = renderSarif(auditReport(), ctx(false)) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(sarifSchemaErrors(log).length).toBeGreaterThan(0);
  });

  it('matches the golden log', () => {
    expectGolden('report-compared.sarif', renderSarifJson(comparedReport(), ctx(true)));
  });

  it('describes every rule of the catalogue, sorted by id', () => {
    const { rules, name, version, informationUri } = run(renderSarif(cleanReport(), ctx(false))).tool.driver;
    expect(name).toBe('FlowGuard');
    expect(version).toBe('0.1.0');
    expect(informationUri).toBe('https://github.com/example/flowguard');
    expect(rules.map((r) => r.id)).toEqual(['FG101', 'FG102', 'FG201', 'FG301', 'FG402', 'FG501']);
    const fg101 = rules[0]!;
    expect(fg101).toMatchObject({
      id: 'FG101',
      name: 'flow-input-added',
      shortDescription: { text: RULES[0]!.summary },
      fullDescription: { text: RULES[0]!.impact },
      helpUri: 'https://github.com/example/flowguard/blob/v0.1.0/docs/rules/FG101-flow-input-added.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['power-platform', 'signature-drift'], errorCodes: ['InvokerConnectionOverrideFailed', 'MissingConnectionReference'] },
    });
    expect(fg101.help.text).toContain('Predicted errors: InvokerConnectionOverrideFailed (https://learn.microsoft.com/');
    expect(fg101.help.markdown).toContain('[`MissingConnectionReference`](https://learn.microsoft.com/');
    expect(fg101.help.markdown).toContain('(https://github.com/example/flowguard/blob/v0.1.0/docs/rules/FG101-flow-input-added.md)');
    expect(rules.find((r) => r.id === 'FG402')?.defaultConfiguration.level).toBe('note');
  });

  it('points every result at the rule with its ruleIndex', () => {
    const log = renderSarif(comparedReport(), ctx(true));
    const { results, tool } = run(log);
    expect(results).toHaveLength(6);
    for (const r of results) expect(tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
  });

  it('adds a rule a finding names but the catalogue lacks, keeping indexes consistent', () => {
    const r = auditReport();
    r.findings.push({ ...r.findings[0]!, ruleId: 'FG999', rule: 'mystery', fingerprint: 'fp-999' });
    const log = renderSarif(r, ctx(false));
    const { results, tool } = run(log);
    expect(tool.driver.rules.map((x) => x.id)).toContain('FG999');
    for (const res of results) expect(tool.driver.rules[res.ruleIndex]?.id).toBe(res.ruleId);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('carries fingerprints, levels, repo-relative locations, inner paths and properties', () => {
    const { results } = run(renderSarif(comparedReport(), ctx(true)));
    expect(results.map((r) => r.level)).toEqual(['error', 'error', 'error', 'warning', 'warning', 'note']);
    expect(new Set(results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).size).toBe(6);
    const fg101 = results.find((r) => r.partialFingerprints[FINGERPRINT_KEY] === 'fp-101-submit')!;
    expect(fg101.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'solutions/ContosoExpenses_1_0_0_3.zip' }, region: { startLine: 1 } },
      logicalLocations: [
        {
          name: 'DataSources.json',
          fullyQualifiedName: 'CanvasApps/contoso_expensetracker_a1b2c_DocumentUri.msapp!/References/DataSources.json',
          kind: 'resource',
        },
      ],
    });
    expect(fg101.properties).toEqual({
      errorCodes: ['InvokerConnectionOverrideFailed', 'MissingConnectionReference'],
      solution: 'ContosoExpenses',
      app: { name: 'contoso_expensetracker_a1b2c', displayName: 'Expense Tracker' },
      flow: { id: '6f1c9d2a-0b3e-4c5d-8e7f-0123456789ab', name: 'Submit expense' },
      status: 'new',
      innerPath: 'CanvasApps/contoso_expensetracker_a1b2c_DocumentUri.msapp!/References/DataSources.json',
    });
    expect(fg101.baselineState).toBe('new');
    expect(results.find((r) => r.ruleId === 'FG201')?.baselineState).toBe('unchanged');
    const changed = comparedReport();
    changed.findings = changed.findings.map((f) => (f.ruleId === 'FG201' ? { ...f, status: 'changed' as const, previous: { message: 'before', severity: 'warning' as const, fingerprint: 'old' } } : f));
    const updated = renderSarif(changed, ctx(true)).runs[0]?.results.find((r) => r.ruleId === 'FG201');
    expect(updated?.baselineState).toBe('updated');
    expect(sarifSchemaErrors(renderSarif(changed, ctx(true)))).toEqual([]);
    // Paths with spaces are URI-encoded.
    expect(results.find((r) => r.ruleId === 'FG301')?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'solutions/Hostile%20Solution/Workflows/Pay-8b9c0d1e-2f3a-4b5c-8d6e-fedcba987654.json',
    );
  });

  it('normalises odd paths to forward-slash relative URIs', () => {
    const r = auditReport();
    r.findings = [{ ...r.findings[0]!, location: { file: './solutions\\My App#1/a b.zip' } }];
    const uri = run(renderSarif(r, ctx(false))).results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri).toBe('solutions/My%20App%231/a%20b.zip');
  });

  it('reports diagnostics as tool execution notifications, and no fixed findings as results', () => {
    const log = renderSarif(comparedReport(), ctx(true));
    const inv = run(log).invocations[0];
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications.map((n) => [n.level, n.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['warning', 'solutions/Broken.zip'],
      ['note', 'solutions/ContosoExpenses_1_0_0_3.zip'],
    ]);
    expect(run(log).results.some((r) => r.ruleId === 'FG102')).toBe(false);
  });

  it('keeps plain-text messages plain and free of secrets', () => {
    const json = renderSarifJson(auditReport(), ctx(false));
    expect(json).not.toContain(SECRET_SIG);
    expect(json).not.toContain(SUBSCRIPTION_ID);
    const hostile = run(renderSarif(auditReport(), ctx(false))).results.find((r) => r.ruleId === 'FG301')!;
    expect(hostile.message.text).toContain("Canvas app '<img src=x onerror=alert(1)> @octocat **bold** `tick` | pipe\nsecond line #12'");
    expect(hostile.message.text).not.toContain('\r');
  });

  it('leaves out helpUri and informationUri without an absolute docs base', () => {
    const { driver } = run(renderSarif(cleanReport(), { ...ctx(false), docsBase: 'docs/rules/' })).tool;
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.every((r) => r.helpUri === undefined)).toBe(true);
  });

  it('is deterministic JSON with a trailing newline, independent of finding and rule order', () => {
    const expected = renderSarifJson(comparedReport(), ctx(true));
    expect(expected.endsWith('}\n')).toBe(true);
    expect(expected).toBe(`${JSON.stringify(JSON.parse(expected), null, 2)}\n`);
    for (const seed of [3, 5]) {
      const r: Report = comparedReport();
      r.findings = shuffled(r.findings, seed);
      r.diagnostics = shuffled(r.diagnostics, seed);
      expect(renderSarifJson(r, { ...ctx(true), rules: shuffled(RULES, seed) })).toBe(expected);
    }
  });
});
