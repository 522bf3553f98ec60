import type { Solution } from '../model/types.js';
import type { ChangeJson } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import { diffFlow, storedBinding } from '../compare/signature.js';
import type { SolutionPair } from './pairing.js';

/** Marks each head finding new or existing by fingerprint, and lists the base findings that are gone. */
export function classifyFindings(base: readonly Finding[], head: readonly Finding[]): { findings: Finding[]; fixed: Finding[] } {
  const before = new Set(base.map((f) => f.fingerprint));
  const after = new Set(head.map((f) => f.fingerprint));
  return {
    findings: head.map((f) => ({ ...f, status: before.has(f.fingerprint) ? 'existing' : 'new' })),
    fixed: base.filter((f) => !after.has(f.fingerprint)),
  };
}

/** What changed between base and head, solution by solution: versions, flows, app bindings. Renderers name the apps that call each flow. */
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
