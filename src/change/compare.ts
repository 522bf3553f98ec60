import type { Solution } from '../model/types.js';
import type { ChangeJson } from '../report/types.js';
import { compareText } from '../report/sort.js';
import { FORMULA_STEP_PREFIX } from '../rules/mitigation.js';
import type { Finding } from '../rules/types.js';
import { diffFlow, storedBinding } from '../compare/signature.js';
import { connectionReferenceChanges } from './connection-references.js';
import type { SolutionPair } from '../compare/pairing.js';

/**
 * Marks each head finding new, existing or changed, and lists the base findings that are gone.
 * One subject, one entry: a head finding is `existing` when the base had its fingerprint at the same
 * severity (the message may differ in details the rule's identity leaves out, such as call sites), and
 * `changed` (the base's kept as `previous`) when the base had its fingerprint at another severity, or the
 * same rule on the same app and flow under another fingerprint (another input added, a connection
 * become the user's own). Only what is left on either side is `new` or `fixed`.
 */
export function classifyFindings(base: readonly Finding[], head: readonly Finding[]): { findings: Finding[]; fixed: Finding[] } {
  const freeBase = new Set(base);
  const matched = new Map<Finding, Finding>();
  const byFingerprint = new Map<string, Finding>();
  for (const b of base) if (!byFingerprint.has(b.fingerprint)) byFingerprint.set(b.fingerprint, b);
  for (const h of head) {
    const b = byFingerprint.get(h.fingerprint);
    if (b && freeBase.has(b)) {
      matched.set(h, b);
      freeBase.delete(b);
    }
  }
  // Left over on both sides with the same rule, app and flow: the same subject, in a stable order.
  const leftover = new Map<string, Finding[]>();
  for (const b of sortedByIdentity([...freeBase])) leftover.set(subjectKey(b), [...(leftover.get(subjectKey(b)) ?? []), b]);
  for (const h of sortedByIdentity(head.filter((x) => !matched.has(x) && x.app && x.flow))) {
    const b = leftover.get(subjectKey(h))?.shift();
    if (!b) continue;
    matched.set(h, b);
    freeBase.delete(b);
  }
  return {
    findings: head.map((h) => withStatus(h, matched.get(h))),
    fixed: base.filter((b) => freeBase.has(b)),
  };
}

function withStatus(h: Finding, b: Finding | undefined): Finding {
  if (!b) return { ...h, status: 'new' };
  if (b.fingerprint === h.fingerprint && b.severity === h.severity) return { ...h, status: 'existing' };
  return { ...h, status: 'changed', previous: { message: b.message, severity: b.severity, fingerprint: b.fingerprint } };
}

/** Rule, solution, app and flow: what a finding is about, whatever its details. */
function subjectKey(f: Finding): string {
  return [f.ruleId, f.solution.uniqueName || f.solution.path, f.app?.name ?? '', f.flow?.id ?? ''].map((p) => p.toLowerCase()).join('\u0000');
}

function sortedByIdentity(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => compareText(subjectKey(a), subjectKey(b)) || compareText(a.fingerprint, b.fingerprint) || compareText(a.message, b.message));
}

const SEVERITY_RANK = { error: 0, warning: 1, note: 2 } as const;
const DRIFT_RULES = new Set(['FG101', 'FG102', 'FG103']);

/**
 * One cause, one entry: where a change finding (FG105, "this change alters the flow but not the
 * app") and new drift findings describe the same app and flow, the change is the headline and the
 * drift its evidence. The merged entry keeps the worse severity and every predicted error code.
 */
export function mergeCauses(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding): string => `${f.solution.path}\u0000${f.app?.name ?? ''}\u0000${f.flow?.id ?? ''}`;
  const drift = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!DRIFT_RULES.has(f.ruleId) || f.status === 'existing' || !f.app || !f.flow) continue;
    drift.set(key(f), [...(drift.get(key(f)) ?? []), f]);
  }
  const absorbed = new Set<Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const evidence = f.ruleId === 'FG105' && f.app && f.flow ? drift.get(key(f)) : undefined;
    if (!evidence || evidence.length === 0) {
      out.push(f);
      continue;
    }
    evidence.forEach((e) => absorbed.add(e));
    const worst = [f, ...evidence].reduce((a, b) => (SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a)).severity;
    out.push({
      ...f,
      severity: worst,
      errorCodes: [...new Set([...f.errorCodes, ...evidence.flatMap((e) => e.errorCodes)])],
      sites: f.sites ?? evidence.find((e) => e.sites)?.sites,
      // The re-bind steps are the change's; the formulas to edit afterwards come from the drift.
      mitigation: insertBeforeBackground(f.mitigation, [...new Set(evidence.flatMap((e) => e.mitigation.filter((m) => m.startsWith(FORMULA_STEP_PREFIX))))]),
      // What breaks is the drift's: the table shows its briefs, the change's own list is in the message.
      ...(evidence.every((e) => e.brief) ? { brief: evidence.map((e) => e.brief).join('; ') } : {}),
      evidence: evidence.map((e) => ({ ruleId: e.ruleId, rule: e.rule, severity: e.severity, message: e.message, fingerprint: e.fingerprint, mitigation: e.mitigation, ...(e.brief ? { brief: e.brief } : {}) })),
    });
  }
  return out.filter((f) => !absorbed.has(f));
}

function insertBeforeBackground(steps: string[], extra: string[]): string[] {
  if (extra.length === 0) return steps;
  const at = steps.findIndex((s) => s.startsWith('Background:'));
  return at < 0 ? [...steps, ...extra] : [...steps.slice(0, at), ...extra, ...steps.slice(at)];
}

/** What changed between base and head, solution by solution: versions, connection references, flows, app bindings. Renderers name the apps that call each flow. */
export function describeChanges(pairs: readonly SolutionPair[]): ChangeJson[] {
  const out: ChangeJson[] = [];
  for (const { base, head: h } of pairs) {
    if (!base || !h) {
      const s = (h ?? base) as Solution;
      out.push({ kind: 'solution', change: h ? 'added' : 'removed', solution: s.path, name: s.uniqueName, details: [] });
      continue;
    }
    if (base.version !== h.version) out.push({ kind: 'solution', change: 'version', solution: h.path, name: h.uniqueName, details: [`${base.version} → ${h.version}`] });
    if (base.managed !== h.managed) out.push({ kind: 'solution', change: 'managed', solution: h.path, name: h.uniqueName, details: [`${base.managed} → ${h.managed}`] });
    out.push(...connectionReferenceChanges(base, h));
    const bf = new Map(base.flows.map((f) => [f.id, f]));
    const hf = new Map(h.flows.map((f) => [f.id, f]));
    for (const id of [...new Set([...bf.keys(), ...hf.keys()])].sort()) {
      const d = diffFlow(bf.get(id), hf.get(id));
      if (d.change === 'unchanged') continue;
      const flow = hf.get(id) ?? bf.get(id);
      out.push({ kind: 'flow', change: d.change, solution: h.path, name: flow?.name ?? id, id, details: d.details });
    }
    for (const app of h.apps) {
      const old = base.apps.find((a) => a.name.toLowerCase() === app.name.toLowerCase());
      if (!old) {
        out.push({ kind: 'app', change: 'added', solution: h.path, name: app.displayName, details: app.calls.map((c) => `calls '${c.dataSource}'`) });
        continue;
      }
      const rebound = app.calls.filter((c) => {
        const prev = old.calls.find((x) => x.dataSource === c.dataSource);
        return !prev || storedBinding(prev) !== storedBinding(c);
      });
      if (rebound.length > 0) out.push({ kind: 'app', change: 're-bound', solution: h.path, name: app.displayName, details: rebound.map((c) => `stored signature of '${c.dataSource}' updated`) });
    }
    for (const app of base.apps) {
      if (!h.apps.some((a) => a.name.toLowerCase() === app.name.toLowerCase())) out.push({ kind: 'app', change: 'removed', solution: h.path, name: app.displayName, details: [] });
    }
  }
  return out;
}
