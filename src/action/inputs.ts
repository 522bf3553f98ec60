import type { Severity } from '../model/types.js';

/** The action's inputs, validated. */
export interface ActionInputs {
  token: string;
  paths: string[];
  config: string | undefined;
  failOn: Severity | 'never';
  failOnScope: 'new' | 'all' | undefined;
  releaseBranches: string[] | undefined;
  comment: 'always' | 'on-findings' | 'never';
  review: 'none' | 'comment' | 'request-changes';
  annotations: boolean;
  maxAnnotations: number;
  sarifFile: string;
  reportFile: string;
  baseRef: string | undefined;
  headRef: string | undefined;
  /** The target-environment check (opt-in): named as Microsoft's Power Platform actions name them. */
  environmentUrl: string | undefined;
  tenantId: string | undefined;
  appId: string | undefined;
  clientSecret: string | undefined;
  deploymentSettings: string | undefined;
  targetTimeout: number | undefined;
  targetConcurrency: number | undefined;
}

export class InputError extends Error {}

type GetInput = (name: string) => string;

/** Reads and validates every input in one place; messages name the input and the accepted values. */
export function readInputs(get: GetInput): ActionInputs {
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = get(name).trim();
    if (v === '') return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    throw new InputError(`input '${name}' must be one of ${allowed.join(', ')} (got '${v}')`);
  };
  const list = (name: string): string[] =>
    get(name)
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const optional = (name: string): string | undefined => get(name).trim() || undefined;
  const bool = (name: string, fallback: boolean): boolean => {
    const v = get(name).trim().toLowerCase();
    if (v === '') return fallback;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw new InputError(`input '${name}' must be true or false (got '${v}')`);
  };
  const max = get('max-annotations').trim();
  const maxAnnotations = max === '' ? 10 : Number(max);
  if (!Number.isInteger(maxAnnotations) || maxAnnotations < 0 || maxAnnotations > 50) throw new InputError(`input 'max-annotations' must be a whole number from 0 to 50 (got '${max}')`);
  const paths = list('paths');
  for (const p of paths) if (p.split('/').includes('..') || p.startsWith('/')) throw new InputError(`input 'paths' must stay inside the repository (got '${p}')`);
  const releaseBranches = list('release-branches');
  const whole = (name: string, min: number, maxValue: number): number | undefined => {
    const v = get(name).trim();
    if (v === '') return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > maxValue) throw new InputError(`input '${name}' must be a whole number from ${min} to ${maxValue} (got '${v}')`);
    return n;
  };
  const settings = optional('deployment-settings');
  if (settings && (settings.split('/').includes('..') || settings.startsWith('/'))) throw new InputError(`input 'deployment-settings' must stay inside the repository (got '${settings}')`);
  return {
    token: get('github-token').trim(),
    paths: paths.length > 0 ? paths : ['.'],
    config: optional('config'),
    failOn: choice('fail-on', ['error', 'warning', 'note', 'never'] as const, 'error'),
    failOnScope: get('fail-on-scope').trim() === '' ? undefined : choice('fail-on-scope', ['new', 'all'] as const, 'new'),
    releaseBranches: releaseBranches.length > 0 ? releaseBranches : undefined,
    comment: choice('comment', ['always', 'on-findings', 'never'] as const, 'on-findings'),
    review: choice('review', ['none', 'comment', 'request-changes'] as const, 'none'),
    annotations: bool('annotations', true),
    maxAnnotations,
    sarifFile: get('sarif-file').trim(),
    reportFile: get('report-file').trim(),
    baseRef: optional('base-ref'),
    headRef: optional('head-ref'),
    environmentUrl: optional('environment-url'),
    tenantId: optional('tenant-id'),
    appId: optional('app-id'),
    clientSecret: optional('client-secret'),
    deploymentSettings: settings,
    targetTimeout: whole('target-timeout', 1, 3600),
    targetConcurrency: whole('target-concurrency', 1, 16),
  };
}
