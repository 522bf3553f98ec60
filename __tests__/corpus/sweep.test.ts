/**
 * Issue 12, the hardening sweep, over every real export of the corpus, one solution at a time.
 *
 * 1. Wrong shapes. One file of a solution is replaced with valid JSON/XML of the wrong shape:
 *    (1a) one flow definition (the flow an app calls, else the first), (1b) one flow entry of an
 *    app's data sources (in the .msapp, or in unpacked canvas sources), (1c) one customizations.xml
 *    section. Three shapes per target, rotated over the corpus so that every shape is used. For
 *    each case FlowGuard must
 *      [1: finishes]        finish: nothing throws, no rule fails;
 *      [1: names the file]  say what it could not read: a diagnostic names the replaced file
 *                           (`file`, and `inner` for an entry of a zip or of a nested .msapp);
 *      [1: rest analysed]   still analyse everything else: the other flows, apps and calls;
 *      [1: no drift on unread] report no drift (FG101, FG102, FG103, FG105) against what it could
 *                           not read: the drift findings are a subset of the pristine ones minus
 *                           those about the replaced flow or app call.
 * 2. Pristine-equivalent injections: no finding the pristine export did not have (same
 *    fingerprint, rule and severity), and no FG105 when compared with the pristine export.
 *      [2a: WDL escape]     '@@odata.etag' in a flow's Response schema (properties and required) is
 *                           the property '@odata.etag' that the app's stored WADL response lists;
 *      [2b: case-insensitive ids] connector API names (and hex escapes in connection keys) differ
 *                           only in case.
 * Controls show that each comparison can fail: a real difference made the same way is reported.
 *
 * Nothing here depends on today's results: every expectation is computed from the pristine export.
 */
import { describe, expect, it } from '@jest/globals';
import { corpusAvailable, describeCorpus, manifestRows } from '../helpers/corpus.js';
import {
  beyond,
  CHANGE_DRIFT_RULE,
  describeFinding,
  describeName,
  findingKey,
  DRIFT_RULES,
  isRuleFailure,
  namesFile,
  overridesFor,
  planSweep,
  runFlowGuard,
  type FileEdit,
  type Plan,
  type Pristine,
  type Run,
  type WrongShapeCase,
} from '../helpers/sweep.js';
import type { Finding } from '../../src/rules/types.js';

const plan: Plan | undefined = corpusAvailable ? await planSweep(manifestRows().map((r) => r.folder)) : undefined;

/** Each case is read once, by its first test; the other tests of the case share the outcome. */
const runs = new Map<string, Promise<Run>>();
function outcome(key: string, p: Pristine, edits: () => Promise<FileEdit[]>): Promise<Run> {
  let r = runs.get(key);
  if (!r) {
    r = (async () => runFlowGuard(p.files.tree(new Map([...p.removed, ...(await overridesFor(p.files, p.solution, await edits()))])), p.hasCalls ? p.tree : undefined))();
    runs.set(key, r);
  }
  return r;
}

/** `threw …` or the rule failures: a finished run has none. */
function crash(run: Run): string[] {
  if (run.threw) return [run.threw];
  return (run.workspace?.diagnostics ?? []).filter(isRuleFailure).map((d) => d.message);
}

function aboutReplaced(c: WrongShapeCase): (f: Finding) => boolean {
  return (f) =>
    (c.about.flowId !== undefined && f.flow?.id === c.about.flowId) ||
    (c.about.app !== undefined && f.app?.name === c.about.app && c.about.appFlowId !== undefined && f.flow?.id === c.about.appFlowId);
}

/** What of the pristine solution is no longer analysed (besides what the case exempts). */
function notAnalysed(c: WrongShapeCase, run: Run): string[] {
  const before = c.pristine.solution;
  const after = run.workspace?.solutions.find((s) => s.path === before.path);
  if (!after) return [`the solution ${before.path} is no longer in the workspace`];
  const missing: string[] = [];
  for (const f of before.flows) {
    if (f.id !== c.exempt.flowId && !after.flows.some((x) => x.id === f.id)) missing.push(`flow '${f.name}' (${f.id})`);
  }
  for (const app of before.apps) {
    if (c.exempt.apps?.has(app.name)) continue;
    const now = after.apps.find((a) => a.name === app.name);
    if (!now) {
      missing.push(`app '${app.name}'`);
      continue;
    }
    for (const call of app.calls) {
      if (c.exempt.call && c.exempt.call.app === app.name && c.exempt.call.dataSource === call.dataSource) continue;
      const nc = now.calls.find((x) => x.dataSource === call.dataSource);
      if (!nc) missing.push(`call of app '${app.name}' to '${call.dataSource}'`);
      else if (call.binding.flowId !== c.exempt.flowId && nc.binding.flowId !== call.binding.flowId) {
        missing.push(`call of app '${app.name}' to '${call.dataSource}' now binds to ${nc.binding.flowId ?? 'nothing'}, not ${call.binding.flowId ?? 'nothing'}`);
      }
    }
  }
  return missing;
}

describeCorpus('issue 12 hardening sweep over the real exports', () => {
  const p = plan as Plan;

  it('every shape of every kind is used somewhere in the corpus', () => {
    const unused = Object.entries(p.coverage).flatMap(([kind, c]) => c.names.filter((_, i) => !c.used.has(i)).map((n) => `${kind}: ${n}`));
    expect(unused).toEqual([]);
    expect(p.wdlEscape.length).toBeGreaterThan(0);
    expect(p.caseInsensitive.length).toBeGreaterThan(0);
    expect(p.controls.map((c) => c.expectRule).sort()).toEqual(['FG101', 'FG102', 'FG103']);
    expect(p.identity.map((c) => c.pristine.solution.layout).sort()).toEqual(['extracted-zip', 'legacy-package', 'unpacked', 'zip']);
    expect(p.restControl).toBeDefined();
    // Each case is read once, by its title: titles must be unique.
    const titles = [...p.wrongShape, ...p.wdlEscape, ...p.caseInsensitive, ...p.identity, ...p.controls].map((c) => c.title);
    expect(titles.length).toBe(new Set(titles).size);
  });

  describe("the sweep's own rebuild of an export changes nothing", () => {
    for (const c of p.identity) {
      it(c.title, async () => {
        const r = await outcome(c.title, c.pristine, c.edits);
        expect(crash(r)).toEqual([]);
        const diag = (ds: readonly { file: string; inner?: string; message: string }[]): string[] => ds.map((d) => `${d.file} | ${d.inner ?? ''} | ${d.message}`);
        expect(diag(r.workspace?.diagnostics ?? [])).toEqual(diag(c.pristine.workspace.diagnostics));
        expect(r.findings.map(describeFinding)).toEqual(c.pristine.findings.map(describeFinding));
      });
    }
  });

  describe('1. wrong-shape sweep', () => {
    for (const c of p.wrongShape) {
      describe(c.title, () => {
        const run = (): Promise<Run> => outcome(c.title, c.pristine, c.edits);

        it('[1: finishes] no throw, no "rule … failed" diagnostic', async () => {
          expect(crash(await run())).toEqual([]);
        });

        it(`[1: names the file] a diagnostic names ${describeName(c.replaced)}`, async () => {
          const r = await run();
          expect(crash(r)).toEqual([]);
          const before = new Set(c.pristine.workspace.diagnostics.map((d) => `${d.file}\u0000${d.inner ?? ''}\u0000${d.message}`));
          const fresh = (r.workspace?.diagnostics ?? []).filter((d) => !isRuleFailure(d) && !before.has(`${d.file}\u0000${d.inner ?? ''}\u0000${d.message}`));
          const naming = fresh.filter((d) => namesFile(d, c.replaced));
          // On failure, show what FlowGuard did say.
          expect({ naming: naming.length > 0, diagnostics: naming.length > 0 ? [] : fresh.map((d) => `${d.file} | ${d.inner ?? ''} | ${d.message}`) }).toEqual({ naming: true, diagnostics: [] });
        });

        it('[1: rest analysed] the other flows, apps and calls of the solution are still analysed', async () => {
          const r = await run();
          expect(crash(r)).toEqual([]);
          expect(notAnalysed(c, r)).toEqual([]);
        });

        it('[1: no drift on unread] FG101/FG102/FG103/FG105 ⊆ pristine minus findings about the replaced flow or call', async () => {
          const r = await run();
          expect(crash(r)).toEqual([]);
          const about = aboutReplaced(c);
          const allowed = c.pristine.findings.filter((f) => DRIFT_RULES.has(f.ruleId) && !about(f));
          const drift = beyond(
            r.findings.filter((f) => DRIFT_RULES.has(f.ruleId)),
            allowed,
          );
          const change = beyond(
            r.changeFindings,
            c.pristine.changeFindings.filter((f) => !about(f)),
          );
          // Say which extra findings the pristine export had too (they are about what was replaced).
          const had = new Set([...c.pristine.findings, ...c.pristine.changeFindings].map(findingKey));
          expect([...drift, ...change].map((f) => `${describeFinding(f)}${had.has(findingKey(f)) ? ' (the pristine export has it too, but it is about the replaced flow/call)' : ' (new)'}`)).toEqual([]);
        });
      });
    }
  });

  describe('2. injection sweep', () => {
    const cases = [
      ...p.wdlEscape.map((c) => ({ ...c, fact: '2a: WDL escape' })),
      ...p.caseInsensitive.map((c) => ({ ...c, fact: '2b: case-insensitive ids' })),
    ];
    for (const c of cases) {
      describe(c.title, () => {
        const run = (): Promise<Run> => outcome(c.title, c.pristine, c.edits);

        it(`[${c.fact}] finishes: no throw, no "rule … failed" diagnostic`, async () => {
          expect(crash(await run())).toEqual([]);
        });

        it(`[${c.fact}] no finding the pristine export did not have (fingerprint, rule, severity)`, async () => {
          const r = await run();
          expect(crash(r)).toEqual([]);
          expect({ changes: c.changes, extra: beyond(r.findings, c.pristine.findings).map(describeFinding) }).toEqual({ changes: c.changes, extra: [] });
        });

        it(`[${c.fact}] no ${CHANGE_DRIFT_RULE} against the pristine export`, async () => {
          const r = await run();
          expect(crash(r)).toEqual([]);
          expect(beyond(r.changeFindings, c.pristine.changeFindings).map(describeFinding)).toEqual([]);
        });
      });
    }
  });

  describe('controls: a real difference made the same way is reported', () => {
    for (const c of p.controls) {
      it(c.title, async () => {
        const r = await outcome(c.title, c.pristine, c.edits);
        expect(crash(r)).toEqual([]);
        const extra = beyond(r.findings, c.pristine.findings).filter((f) => f.ruleId === c.expectRule && c.expectAbout(f));
        expect(extra.length).toBeGreaterThan(0);
      });
    }
    const rc = p.restControl;
    if (rc) {
      it(rc.title, async () => {
        const r = await outcome(rc.title, rc.pristine, rc.edits);
        expect(crash(r)).toEqual([]);
        expect(notAnalysed(rc, r).length).toBeGreaterThan(0);
      });
    }
  });
});
