/**
 * The opt-in target-environment check: reads the environment a release lands in (read-only) and runs
 * the FG6xx rules over what it holds. It never fails the run: what cannot be read is a diagnostic,
 * and the offline findings stand as they are.
 */
import { applyConfig, type Config } from '../config/config.js';
import type { DeploymentSettingsFile, Diagnostic, Workspace } from '../model/types.js';
import { emptyTargetSnapshot, type TargetSnapshot } from '../model/target.js';
import type { TargetJson } from '../report/types.js';
import { TARGET_RULES } from '../rules/registry.js';
import type { Finding, ModifiedComponents, TargetContext } from '../rules/types.js';
import { DataverseClient } from './client.js';
import { credentialKind, tokenSource, type CredentialSettings } from './credential.js';
import { parseEnvironmentUrl, type EnvironmentUrl } from './environment.js';
import { readTarget, type TargetPlan } from './read.js';

export interface TargetOptions {
  /** From the workflow (flag, input, FLOWGUARD_ENVIRONMENT_URL), never from the repository. */
  environmentUrl: string;
  credentials: CredentialSettings;
  /** Requests in flight at most (default 4, at most 16). */
  concurrency?: number;
  /** Per request, seconds (default 30). */
  requestTimeout?: number;
  /** The whole check, seconds (default 300). */
  timeout?: number;
  /** The deployment settings used for this environment. */
  settings?: DeploymentSettingsFile | undefined;
  /** Set when the check must not run (a fork's pull request has no secrets): said in a note. */
  skip?: string | undefined;
  log?: (message: string) => void;
}

export interface TargetInput {
  workspace: Workspace;
  base?: Workspace | undefined;
  modified?: ModifiedComponents | undefined;
  release: boolean;
  config: Config;
}

export interface TargetResult {
  json: TargetJson;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export const DEFAULTS = { concurrency: 4, requestTimeout: 30, timeout: 300 } as const;

export async function checkTarget(input: TargetInput, options: TargetOptions): Promise<TargetResult> {
  const env = parseEnvironmentUrl(options.environmentUrl);
  const log = options.log ?? (() => undefined);
  if (options.skip) return notRun(env, input, null, options.skip, 'note');
  const kind = credentialKind(options.credentials);
  if (!kind) return notRun(env, input, null, 'no credentials were given (FLOWGUARD_DATAVERSE_TOKEN, a client secret, workload identity federation or the Azure CLI)', 'warning');
  const source = await tokenSource(options.credentials, env.scope);
  if (!source) return notRun(env, input, null, 'no credentials were given', 'warning');
  const client = new DataverseClient({
    env,
    token: source.getToken,
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    requestTimeoutMs: (options.requestTimeout ?? DEFAULTS.requestTimeout) * 1000,
    deadline: Date.now() + (options.timeout ?? DEFAULTS.timeout) * 1000,
  });
  let snapshot: TargetSnapshot;
  try {
    snapshot = await readTarget(client, env, planOf(input.workspace));
  } finally {
    client.close();
  }
  log(`FlowGuard: read ${env.host} with ${snapshot.requests} request(s) (${source.kind})`);
  const ctx: TargetContext = { workspace: input.workspace, base: input.base, target: snapshot, modified: input.modified, settings: options.settings, release: input.release };
  const raw: Finding[] = [];
  const diagnostics = [...snapshot.diagnostics, ...unreadableDefinitions(snapshot, input.workspace)];
  for (const rule of TARGET_RULES) {
    try {
      raw.push(...rule.checkTarget(ctx));
    } catch (err) {
      diagnostics.push({ file: env.origin, severity: 'error', message: `rule ${rule.meta.id} ${rule.meta.name} failed: ${(err as Error).message}` });
    }
  }
  const { kept } = applyConfig(raw, input.config);
  const findings = input.modified ? kept.map((f) => ({ ...f, status: input.modified?.solutions.has(f.solution.uniqueName.toLowerCase()) ? ('new' as const) : ('existing' as const) })) : kept;
  const signedIn = !snapshot.diagnostics.some((d) => d.message.startsWith("target check 'sign-in'"));
  const complete = Object.values(snapshot.coverage).every(Boolean) && diagnostics.length === 0;
  return { json: targetJson(env, input.workspace, snapshot, source.kind, signedIn ? (complete ? 'checked' : 'partial') : 'not-run'), findings, diagnostics };
}

/** What to look up: every solution of the export, with its flows, apps and connection references. */
export function planOf(workspace: Workspace): TargetPlan {
  return {
    solutions: workspace.solutions.map((s) => ({
      uniqueName: s.uniqueName,
      flows: s.flows.map((f) => f.id),
      apps: s.apps.map((a) => a.name),
      connectionReferences: [...new Set([...s.connectionReferences.map((c) => c.logicalName), ...s.flows.flatMap((f) => f.connections.flatMap((c) => (c.connectionReference ? [c.connectionReference] : [])))])],
    })),
  };
}

function unreadableDefinitions(snapshot: TargetSnapshot, workspace: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of workspace.solutions) {
    for (const f of s.flows) {
      const t = snapshot.flows.get(f.id);
      if (t?.definitionProblem) out.push({ file: snapshot.url, severity: 'warning', message: `flow '${f.name}' (${f.id}) in ${snapshot.host}: ${t.definitionProblem}; its drift was not judged.` });
    }
  }
  return out;
}

function notRun(env: EnvironmentUrl, input: TargetInput, credential: string | null, reason: string, severity: 'note' | 'warning'): TargetResult {
  const empty: TargetSnapshot = emptyTargetSnapshot(env.origin, env.host);
  return {
    json: { ...targetJson(env, input.workspace, empty, credential, 'not-run'), reason },
    findings: [],
    diagnostics: [{ file: env.origin, severity, message: `the target check of ${env.host} did not run: ${reason}.` }],
  };
}

export function targetJson(env: EnvironmentUrl, workspace: Workspace, s: TargetSnapshot, credential: string | null, status: TargetJson['status']): TargetJson {
  return {
    url: env.origin,
    host: env.host,
    credential,
    status,
    solutions: workspace.solutions.map((sol) => {
      const t = s.coverage.solutions ? s.solutions.get(sol.uniqueName.toLowerCase()) : undefined;
      return { uniqueName: sol.uniqueName, installed: s.coverage.solutions ? t !== undefined : null, version: t?.version ?? null, managed: t ? t.managed : null, exportedVersion: sol.version, exportedManaged: sol.managed };
    }),
    checked: { flows: s.flows.size, apps: s.apps.size, connectionReferences: s.connectionReferences.size, layerQueries: s.layerQueries, requests: s.requests },
    coverage: { ...s.coverage },
  };
}
