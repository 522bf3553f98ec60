import { flowInputDrift } from './fg101-flow-input-drift.js';
import { flowOutputDrift } from './fg102-flow-output-drift.js';
import { flowConnectionDrift } from './fg103-flow-connection-drift.js';
import { flowNotFound } from './fg104-flow-not-found.js';
import { callArgumentsMismatch } from './fg106-call-arguments-mismatch.js';
import { flowDataSourceUnused } from './fg107-flow-data-source-unused.js';
import { flowDisabled } from './fg201-flow-disabled.js';
import { syncTimeoutRisk } from './fg202-sync-timeout-risk.js';
import { connectionMode } from './fg301-connection-mode.js';
import { missingConnectionReference } from './fg302-missing-connection-reference.js';
import { deploymentSettingsGap } from './fg303-deployment-settings-gap.js';
import { unmanagedSolution } from './fg401-unmanaged-solution.js';
import { unmanagedLayerRisk } from './fg402-unmanaged-layer-risk.js';
import { secretInExport } from './fg501-secret-in-export.js';
import { flowChangedAppUnchanged } from './fg105-flow-changed-app-unchanged.js';
import { versionNotBumped } from './fg403-version-not-bumped.js';
import { targetUnmanagedLayer } from './fg601-target-unmanaged-layer.js';
import { targetFlowDrift } from './fg602-target-flow-drift.js';
import { targetFlowOff } from './fg603-target-flow-off.js';
import { targetConnectionUnbound } from './fg604-target-connection-unbound.js';
import { targetSolutionUnmanaged } from './fg605-target-solution-unmanaged.js';
import { targetVersion } from './fg606-target-version.js';
import type { ChangeRule, Rule, RuleMeta, TargetRule } from './types.js';

/**
 * Every rule FlowGuard runs, in id order. Ids are banded by area:
 * FG1xx app ↔ flow signature, FG2xx flow state and run time, FG3xx connections,
 * FG4xx solution lifecycle, FG5xx security, FG6xx the target environment (opt-in).
 */
export const RULES: readonly Rule[] = [
  flowInputDrift,
  flowOutputDrift,
  flowConnectionDrift,
  flowNotFound,
  callArgumentsMismatch,
  flowDataSourceUnused,
  flowDisabled,
  syncTimeoutRisk,
  connectionMode,
  missingConnectionReference,
  deploymentSettingsGap,
  unmanagedSolution,
  unmanagedLayerRisk,
  secretInExport,
];

/** Rules that compare a base with a head (pull-request mode). */
export const CHANGE_RULES: readonly ChangeRule[] = [flowChangedAppUnchanged, versionNotBumped];

/** Rules over the target environment: they run only when an environment URL is given (src/target). */
export const TARGET_RULES: readonly TargetRule[] = [targetUnmanagedLayer, targetFlowDrift, targetFlowOff, targetConnectionUnbound, targetSolutionUnmanaged, targetVersion];

/** Metadata of every rule, snapshot, change and target rules, in id order: for docs, SARIF and configuration. */
export const ALL_RULE_META: readonly RuleMeta[] = [...RULES.map((r) => r.meta), ...CHANGE_RULES.map((r) => r.meta), ...TARGET_RULES.map((r) => r.meta)].sort((a, b) => (a.id < b.id ? -1 : 1));
