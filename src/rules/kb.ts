import type { ErrorCode } from './types.js';

/** Microsoft's troubleshooting article for Power Apps ↔ Power Automate flow integration (KB 4477072). */
export const KB = 'https://learn.microsoft.com/troubleshoot/power-platform/power-apps/connections/best-practices-when-updating-a-flow';

const anchor = (a: string): string => `${KB}#${a}`;

export const KB_LINKS = {
  flowUpdates: anchor('failures-caused-by-power-automate-flow-updates'),
  liveApp: anchor('changing-a-published-live-power-app'),
  devApp: anchor('changing-a-development-version-power-app'),
  asyncPattern: 'https://learn.microsoft.com/power-automate/guidance/coding-guidelines/asychronous-flow-pattern',
  flowAccess: 'https://learn.microsoft.com/power-automate/guidance/coding-guidelines/understand-access-to-flows',
  solutionLayers: 'https://learn.microsoft.com/power-platform/alm/solution-layers-alm',
  managedProperties: 'https://learn.microsoft.com/power-platform/alm/managed-properties-alm',
  deploymentSettings: 'https://learn.microsoft.com/power-platform/alm/conn-ref-env-variables-build-tools',
  removeActiveCustomizations: 'https://learn.microsoft.com/power-apps/maker/data-platform/solution-layers',
  turnOnFlow: 'https://learn.microsoft.com/power-automate/disable-flow#turn-on-a-flow',
} as const;

const code = (c: string, a: string): ErrorCode => ({ code: c, docs: anchor(a) });

export const ERRORS = {
  InvokerConnectionOverrideFailed: code('InvokerConnectionOverrideFailed', 'error-code-invokerconnectionoverridefailed-on-power-automate-flow-run'),
  ConnectionAuthorizationFailed: code('ConnectionAuthorizationFailed', 'error-code-connectionauthorizationfailed-on-power-automate-flow-run'),
  WorkflowTriggerIsNotEnabled: code('WorkflowTriggerIsNotEnabled', 'error-code-workflowtriggerisnotenabled-on-power-automate-flow-run'),
  ResponseTimeout: code('ResponseTimeout', 'inner-error-code-responsetimeout-on-power-automate-flow-run'),
  InstallFlowFailed0x80040265: code('0x80040265', 'error-code-0x80040265-or-0x80048d0b-on-power-automate-flow-run'),
  InstallFlowFailed0x80048d0b: code('0x80048d0b', 'error-code-0x80040265-or-0x80048d0b-on-power-automate-flow-run'),
  MissingConnectionReference: code('MissingConnectionReference', 'error-code-missingconnectionreference-on-power-automate-flow-run'),
  NotAllowedConnectionReference: code('NotAllowedConnectionReference', 'error-code-notallowedconnectionreference-on-power-automate-flow-run'),
  TemplateExpressionFailure: code('InvalidTemplate', 'symptom-1'),
  // Raised when a flow is turned on while one of its connection references has no connection (seen in import logs of Microsoft's own kits).
  XrmConnectionReferenceMissingConnection: { code: 'XrmConnectionReferenceMissingConnection', docs: 'https://learn.microsoft.com/power-apps/maker/data-platform/create-connection-reference' },
  ChildFlowUnsupportedForInvokerConnections: { code: 'ChildFlowUnsupportedForInvokerConnections', docs: 'https://learn.microsoft.com/power-automate/create-child-flows' },
} as const satisfies Record<string, ErrorCode>;
