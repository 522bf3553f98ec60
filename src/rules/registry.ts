import { flowInputDrift } from './fg101-flow-input-drift.js';
import { flowOutputDrift } from './fg102-flow-output-drift.js';
import { flowConnectionDrift } from './fg103-flow-connection-drift.js';
import { flowNotFound } from './fg104-flow-not-found.js';
import { flowDisabled } from './fg201-flow-disabled.js';
import { syncTimeoutRisk } from './fg202-sync-timeout-risk.js';
import { connectionMode } from './fg301-connection-mode.js';
import { missingConnectionReference } from './fg302-missing-connection-reference.js';
import { deploymentSettingsGap } from './fg303-deployment-settings-gap.js';
import { unmanagedSolution } from './fg401-unmanaged-solution.js';
import { unmanagedLayerRisk } from './fg402-unmanaged-layer-risk.js';
import { secretInExport } from './fg501-secret-in-export.js';
import type { Rule } from './types.js';

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
  flowDisabled,
  syncTimeoutRisk,
  connectionMode,
  missingConnectionReference,
  deploymentSettingsGap,
  unmanagedSolution,
  unmanagedLayerRisk,
  secretInExport,
];
