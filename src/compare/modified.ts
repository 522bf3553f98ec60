import type { Solution } from '../model/types.js';
import { appEssence, diffFlow } from './signature.js';

/** What a pull request modifies, by component: the target rules judge a layer that hides it as certain. */
export interface ModifiedComponents {
  /** Lower-case WorkflowIds of flows added or changed (noise excluded). */
  flows: ReadonlySet<string>;
  /** Lower-case logical names of apps added or changed. */
  apps: ReadonlySet<string>;
  /** Lower-case logical names of connection references added or moved to another connector. */
  connectionReferences: ReadonlySet<string>;
  /** Lower-case unique names of the solutions the change touched. */
  solutions: ReadonlySet<string>;
}

/**
 * What a change modifies, component by component: flows added or changed (export noise excluded),
 * apps added, re-bound or whose own file changed (unpacked layouts keep each `.msapp` in a file of its
 * own), connection references added or moved to another connector, and the touched solutions.
 */
export function modifiedComponents(
  pairs: readonly { base: Solution | undefined; head: Solution | undefined }[],
  touched: (headPath: string) => boolean,
  changedFiles: ReadonlySet<string> | undefined,
): ModifiedComponents {
  const flows = new Set<string>();
  const apps = new Set<string>();
  const refs = new Set<string>();
  const solutions = new Set<string>();
  for (const { base, head } of pairs) {
    if (!head || !touched(head.path)) continue;
    solutions.add(head.uniqueName.toLowerCase());
    const baseFlows = new Map((base?.flows ?? []).map((f) => [f.id, f]));
    for (const f of head.flows) if (diffFlow(baseFlows.get(f.id), f).change !== 'unchanged') flows.add(f.id);
    const baseApps = new Map((base?.apps ?? []).map((a) => [a.name.toLowerCase(), a]));
    for (const a of head.apps) {
      const before = baseApps.get(a.name.toLowerCase());
      const ownFile = a.origin.inner === undefined && changedFiles?.has(a.origin.file) === true;
      if (!before || ownFile || appEssence(before) !== appEssence(a)) apps.add(a.name.toLowerCase());
    }
    const baseRefs = new Map((base?.connectionReferences ?? []).map((c) => [c.logicalName.toLowerCase(), c]));
    for (const c of head.connectionReferences) {
      const before = baseRefs.get(c.logicalName.toLowerCase());
      if (!before || before.connectorId.toLowerCase() !== c.connectorId.toLowerCase()) refs.add(c.logicalName.toLowerCase());
    }
  }
  return { flows, apps, connectionReferences: refs, solutions };
}
