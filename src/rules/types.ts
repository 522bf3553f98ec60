import type { Origin, Severity, Workspace } from '../model/types.js';

/** A documented error that a finding predicts, with the anchor of the KB article section that explains it. */
export interface ErrorCode {
  code: string;
  /** URL of the documentation that explains the error. */
  docs: string;
}

export interface RuleMeta {
  /** Stable id, banded by area: FG1xx signature drift, FG2xx flow state and runtime, FG3xx connections, FG4xx solution lifecycle, FG5xx security. */
  id: string;
  name: string;
  defaultSeverity: Severity;
  errorCodes: readonly ErrorCode[];
  /** One line: what the rule detects. */
  summary: string;
  /** Why it matters: what the user sees when it happens. */
  impact: string;
  /** What breaks, in a few words, for summary tables when a finding has no {@link Finding.brief} of its own. */
  brief?: string;
}

export interface ComponentRef {
  name: string;
  displayName: string;
}

export interface FlowRef {
  id: string;
  name: string;
}

/** One problem found. Pure data: renderers decide how it looks. */
export interface Finding {
  ruleId: string;
  rule: string;
  severity: Severity;
  /** Error codes the platform will raise when this happens. */
  errorCodes: string[];
  /** What, where and why, in one or two sentences. Names in it are raw: renderers escape them. */
  message: string;
  solution: { uniqueName: string; path: string };
  app: ComponentRef | undefined;
  /** The flow's WorkflowId (also in `flow.id`), for consumers that filter on it. */
  flowId?: string | undefined;
  flow: FlowRef | undefined;
  location: Origin;
  /** The short "what breaks" of drift findings (the message without its where and why). */
  what?: string;
  /** What breaks in a few words ("input 'text_2' added (required)"), for the comment's first table. */
  brief?: string;
  /** For findings about an app's call of a flow: where the app's formulas call it. */
  sites?: { screen: string; control: string; property: string; location?: Origin }[];
  /** Ordered steps that fix it, fitted to the situation (live app, development, unmanaged layers). */
  mitigation: string[];
  /** Stable identity from the rule and the components involved (never line numbers). */
  fingerprint: string;
  /**
   * Set when a base was compared: `existing` when the base had this finding as it is, `changed` when the
   * base had the same subject (rule, app, flow) with another message or severity, else `new`.
   */
  status?: 'new' | 'existing' | 'changed';
  /** For a `changed` finding: what the base said, and its identity there. */
  previous?: { message: string; severity: Severity; fingerprint: string };
  /** Findings of other rules that describe the same cause (pull-request mode: the drift behind a change finding). */
  evidence?: { ruleId: string; rule: string; severity: Severity; message: string; fingerprint: string; mitigation: string[]; brief?: string }[];
}

/** What a check knows beyond the model. */
export interface RuleContext {
  workspace: Workspace;
  /** The run targets a release branch (or release artifacts): live-app mitigations and release policy apply. */
  release: boolean;
  /** Solution paths configured as release artifacts (built for test/production), whatever the branch. */
  isReleaseArtifact?: (solutionPath: string) => boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding[];
}

/** What a check of a change (base → head) knows. */
export interface ChangeContext {
  base: Workspace;
  head: Workspace;
  pairs: readonly import('../compare/pairing.js').SolutionPair[];
  release: boolean;
  /** Whether this change touched a head solution's files; an untouched app cannot have been re-bound. */
  touched: (headSolutionPath: string) => boolean;
}

/** A rule that looks at what a change did, not at one snapshot. */
export interface ChangeRule {
  meta: RuleMeta;
  checkChange(ctx: ChangeContext): Finding[];
}

export type { ModifiedComponents } from '../compare/modified.js';
import type { ModifiedComponents } from '../compare/modified.js';

/** What a check of the target environment knows: the export, and what the environment holds (model/target.ts). */
export interface TargetContext {
  workspace: Workspace;
  /** The base of a pull request: what was last released, the reference for edits made in the target. */
  base: Workspace | undefined;
  target: import('../model/target.js').TargetSnapshot;
  /** What the change modifies; undefined without a base. */
  modified: ModifiedComponents | undefined;
  /** The deployment settings given for this environment, when any. */
  settings: import('../model/types.js').DeploymentSettingsFile | undefined;
  release: boolean;
}

/** A rule over the target environment (opt-in: runs only when an environment URL is given). */
export interface TargetRule {
  meta: RuleMeta;
  checkTarget(ctx: TargetContext): Finding[];
}
