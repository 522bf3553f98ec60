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
import type { ChangeRule, Rule, RuleMeta } from './types.js';

/**
 * Every rule FlowGuard runs, in id order. Ids are banded by area:
 * FG1xx app ↔ flow signature, FG2xx flow state and run time, FG3xx connections,
 * FG4xx solution lifecycle, FG5xx security.
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

/** Metadata of every rule, snapshot and change rules, in id order: for docs, SARIF and configuration. */
export const ALL_RULE_META: readonly RuleMeta[] = [...RULES.map((r) => r.meta), ...CHANGE_RULES.map((r) => r.meta)].sort((a, b) => (a.id < b.id ? -1 : 1));
