import type { ConnectionReferenceDef, Flow, Solution } from '../model/types.js';
import type { ChangeJson } from '../report/types.js';

const lower = (s: string): string => s.toLowerCase();

/** A flow connection that moved from one connection reference to another between base and head. */
interface Move {
  flow: Flow;
  fromKey: string;
  toKey: string;
}

/**
 * The connection references a change added, removed and renamed in one solution. A rename is a logical
 * name replaced by another on the same connector: the flows' connection keys move with it
 * (`shared_office365` → `shared_office365_1`), and every target environment needs a connection for the
 * new name (solution-format.md §8b.12). A removed and an added reference on one connector are a rename
 * when a flow moved from one to the other, or when they are the only such pair on that connector.
 */
export function connectionReferenceChanges(base: Solution, head: Solution): ChangeJson[] {
  const before = new Map(base.connectionReferences.map((r) => [lower(r.logicalName), r]));
  const after = new Map(head.connectionReferences.map((r) => [lower(r.logicalName), r]));
  const removed = [...before.values()].filter((r) => !after.has(lower(r.logicalName))).sort(byName);
  const added = [...after.values()].filter((r) => !before.has(lower(r.logicalName))).sort(byName);
  const renames = pairRenames(removed, added, base, head);
  const out: ChangeJson[] = [];
  for (const { from, to, moves } of renames) {
    out.push({
      kind: 'connectionReference',
      change: 'renamed',
      solution: head.path,
      name: to.logicalName,
      previousName: from.logicalName,
      details: [`'${from.logicalName}' → '${to.logicalName}' (${to.api})`, ...moves.map(moveText)],
      targetNeeds: needsFor(to, from),
    });
  }
  const renamedFrom = new Set(renames.map((r) => r.from));
  const renamedTo = new Set(renames.map((r) => r.to));
  for (const r of added.filter((x) => !renamedTo.has(x))) {
    out.push({ kind: 'connectionReference', change: 'added', solution: head.path, name: r.logicalName, details: [`on ${r.api}${usedBy(head, r)}`], targetNeeds: needsFor(r) });
  }
  for (const r of removed.filter((x) => !renamedFrom.has(x))) {
    out.push({
      kind: 'connectionReference',
      change: 'removed',
      solution: head.path,
      name: r.logicalName,
      details: [`on ${r.api}`],
      targetNeeds: [`nothing new; the deployment-settings entry for '${r.logicalName}' is no longer used`],
    });
  }
  return out;
}

function pairRenames(removed: ConnectionReferenceDef[], added: ConnectionReferenceDef[], base: Solution, head: Solution): { from: ConnectionReferenceDef; to: ConnectionReferenceDef; moves: Move[] }[] {
  const out: { from: ConnectionReferenceDef; to: ConnectionReferenceDef; moves: Move[] }[] = [];
  const freeTo = new Set(added);
  const sameApi = (a: ConnectionReferenceDef, b: ConnectionReferenceDef): boolean => a.api !== '' && lower(a.api) === lower(b.api);
  for (const from of removed) {
    const candidates = [...freeTo].filter((to) => sameApi(from, to));
    const withMoves = candidates.map((to) => ({ to, moves: movesBetween(base, head, from, to) }));
    const moved = withMoves.filter((c) => c.moves.length > 0);
    const onlyPair = candidates.length === 1 && removed.filter((r) => sameApi(r, from)).length === 1 ? withMoves[0] : undefined;
    const pick = moved.length === 1 ? moved[0] : moved.length === 0 ? onlyPair : undefined;
    if (!pick) continue;
    freeTo.delete(pick.to);
    out.push({ from, to: pick.to, moves: pick.moves });
  }
  return out;
}

/** Flows (by id) whose base connection used `from` and whose head connection uses `to`. */
function movesBetween(base: Solution, head: Solution, from: ConnectionReferenceDef, to: ConnectionReferenceDef): Move[] {
  const baseFlows = new Map(base.flows.map((f) => [lower(f.id), f]));
  const moves: Move[] = [];
  for (const flow of [...head.flows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const old = baseFlows.get(lower(flow.id));
    const fromConn = old?.connections.find((c) => c.connectionReference !== undefined && lower(c.connectionReference) === lower(from.logicalName));
    const toConn = flow.connections.find((c) => c.connectionReference !== undefined && lower(c.connectionReference) === lower(to.logicalName));
    if (fromConn && toConn) moves.push({ flow, fromKey: fromConn.key, toKey: toConn.key });
  }
  return moves;
}

function moveText(m: Move): string {
  return m.fromKey === m.toKey ? `flow '${m.flow.name}' uses it (connection '${m.toKey}')` : `flow '${m.flow.name}': connection '${m.fromKey}' → '${m.toKey}'`;
}

function usedBy(solution: Solution, r: ConnectionReferenceDef): string {
  const flows = solution.flows.filter((f) => f.connections.some((c) => c.connectionReference !== undefined && lower(c.connectionReference) === lower(r.logicalName)));
  const names = [...new Set(flows.map((f) => `'${f.name}'`))].sort();
  return names.length === 0 ? '' : `, used by flow${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
}

/** What every target environment needs before the import: a connection and a deployment-settings entry for the new name. */
function needsFor(r: ConnectionReferenceDef, replaced?: ConnectionReferenceDef): string[] {
  return [
    `a ${r.api} connection for '${r.logicalName}'`,
    `a deployment-settings entry for '${r.logicalName}' (ConnectionReferences: LogicalName, ConnectionId, ConnectorId)${replaced ? `, in place of '${replaced.logicalName}'` : ''}`,
  ];
}

function byName(a: ConnectionReferenceDef, b: ConnectionReferenceDef): number {
  const x = lower(a.logicalName);
  const y = lower(b.logicalName);
  return x < y ? -1 : x > y ? 1 : 0;
}
