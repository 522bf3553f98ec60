import { distinctIds, idKey } from '../compare/ids.js';
import type { Flow, MissingDependency, Solution } from '../model/types.js';
import { appLabel, calledCalls, flowLabel, makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG302',
  name: 'missing-connection-reference',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.MissingConnectionReference],
  summary: 'A flow uses a connection reference that no analysed solution defines, one the target must already hold, or a raw connection instead of a reference.',
  impact:
    'On import the flow\'s connection cannot be bound: the flow stays off or fails with MissingConnectionReference, and an app calling it reports "Connection not configured for this service". A reference the solution lists as a missing dependency must already exist in the target environment.',
  brief: 'a connection reference the target may lack',
};

/** The flows of one solution that use one reference, with their connection keys. */
type Users = Map<Flow, string[]>;

function check(ctx: RuleContext): Finding[] {
  const defined = new Set<string>();
  for (const s of ctx.workspace.solutions) for (const cr of s.connectionReferences) defined.add(idKey(cr.logicalName));
  const callers = appsCalling(ctx);
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    if (solution.layout === 'legacy-package') continue;
    const declared = new Map(solution.missingDependencies.map((d) => [idKey(d.requiredKey), d]));
    const byRef = new Map<string, { name: string; users: Users }>();
    const raw: Users = new Map();
    for (const flow of solution.flows) {
      for (const c of flow.connections) {
        const ref = c.connectionReference;
        if (!ref) add(raw, flow, c.api);
        else if (!defined.has(idKey(ref))) {
          const entry = byRef.get(idKey(ref)) ?? { name: ref, users: new Map() };
          add(entry.users, flow, c.key);
          byRef.set(idKey(ref), entry);
        }
      }
    }
    for (const [key, { name, users }] of [...byRef.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const dep = declared.get(key);
      out.push(dep ? expectedInTarget(solution, name, users, dep) : undefinedReference(solution, name, users));
    }
    if (raw.size > 0) out.push(rawConnections(solution, raw, callers));
  }
  return out;
}

function add(users: Users, flow: Flow, item: string): void {
  const list = users.get(flow) ?? [];
  list.push(item);
  users.set(flow, list);
}

/** `Flow 'A' (id) (shared_x, shared_y)`, one flow after another. */
function describeUsers(users: Users): string {
  return [...users.entries()].map(([flow, items]) => `${flowLabel(flow)} (${distinctIds(items).join(', ')})`).join('; ');
}

/** The finding names its flow when there is one; a reference used by several names them in the message. */
function only(users: Users): Flow | undefined {
  return users.size === 1 ? [...users.keys()][0] : undefined;
}

function undefinedReference(solution: Solution, ref: string, users: Users): Finding {
  const flow = only(users);
  return makeFinding(meta, {
    severity: 'error',
    solution,
    flow,
    location: ([...users.keys()][0] as Flow).origin,
    message: `Connection reference '${ref}' is used by ${users.size === 1 ? 'flow' : `${users.size} flows:`} ${describeUsers(users)}, but no analysed solution defines it and solution.xml does not list it as a missing dependency, so importing '${solution.uniqueName}' leaves ${users.size === 1 ? 'that connection' : 'those connections'} unbound.`,
    mitigation: [
      `Add the connection reference '${ref}' to the solution (Add existing > More > Connection reference), or create one and point the flows' actions at it.`,
      'Export the solution again and commit it; if the reference belongs to another solution, commit that solution too or import it first.',
      `Background: ${KB_LINKS.deploymentSettings}`,
    ],
    identity: ['undefined', idKey(ref)],
  });
}

/** `solution="Active"` means the owner was an unmanaged customization in the source environment (solution-format §8b.7). */
function owner(dep: MissingDependency): string {
  const s = dep.requiredSolution;
  return s === '' ? 'another solution' : s.toLowerCase() === 'active' ? 'an unmanaged customization of the source environment (no solution owns it)' : `solution '${s}'`;
}

function expectedInTarget(solution: Solution, ref: string, users: Users, dep: MissingDependency): Finding {
  const unmanagedOwner = dep.requiredSolution.toLowerCase() === 'active' || dep.requiredSolution === '';
  return makeFinding(meta, {
    severity: 'warning',
    solution,
    flow: only(users),
    location: solution.origin,
    message: `Connection reference '${ref}' (used by ${describeUsers(users)}) is not part of '${solution.uniqueName}': solution.xml lists it as a missing dependency owned by ${owner(dep)}. The import fails unless the target environment already holds it.`,
    mitigation: [
      unmanagedOwner
        ? `Add '${ref}' to a solution of its own (or to this one) in the source environment, export that solution and import it into each target before '${solution.uniqueName}'.`
        : `Import ${owner(dep)} into each target environment before '${solution.uniqueName}'.`,
      `Background: ${KB_LINKS.deploymentSettings}`,
    ],
    identity: ['dependency', idKey(ref)],
  });
}

/** The apps whose formulas call each flow (or may: formulas not read), by flow: only those can report the unset connection. */
function appsCalling(ctx: RuleContext): Map<Flow, string[]> {
  const out = new Map<Flow, string[]>();
  for (const { app, flow } of calledCalls(ctx.workspace)) {
    const apps = out.get(flow) ?? [];
    if (!apps.includes(appLabel(app))) apps.push(appLabel(app));
    out.set(flow, apps);
  }
  return out;
}

function rawConnections(solution: Solution, raw: Users, callers: Map<Flow, string[]>): Finding {
  const flow = only(raw);
  const apps = [...new Set([...raw.keys()].flatMap((f) => callers.get(f) ?? []))].sort();
  const consequence = apps.length === 0 ? '' : `; ${apps.length === 1 ? 'app' : 'apps'} ${apps.join(', ')}, which ${apps.length === 1 ? 'calls' : 'call'} ${raw.size === 1 ? 'it' : 'them'}, then ${apps.length === 1 ? 'reports' : 'report'} "Connection not configured for this service"`;
  return makeFinding(meta, {
    severity: 'warning',
    solution,
    flow,
    location: ([...raw.keys()][0] as Flow).origin,
    message: `${raw.size === 1 ? 'Flow' : `${raw.size} flows of '${solution.uniqueName}' use raw connections, not connection references:`} ${describeUsers(raw)}${raw.size === 1 ? ' uses raw connections, not connection references' : ''}. Those connections cannot be set when the solution is imported elsewhere${consequence}.`,
    mitigation: [
      `Open each flow inside the solution and re-select the connection in each action, so that it uses a connection reference (flows created inside a solution do this by default).`,
      'Export the solution again and commit it.',
    ],
    identity: ['raw'],
  });
}

export const missingConnectionReference: Rule = { meta, check };
