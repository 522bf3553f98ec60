import { yamlLib } from '../source/lazy.cjs';
import type { Severity } from '../model/types.js';
import type { Finding, RuleMeta } from '../rules/types.js';
import { globToRegExp, matchesAny } from './glob.js';

export type RuleSetting = Severity | 'off';

export interface Ignore {
  fingerprint?: string;
  rule?: string;
  solution?: string;
  app?: string;
  flow?: string;
  reason: string;
}

export interface Config {
  /** Per rule (by id or name): a severity, or 'off'. */
  rules: Record<string, RuleSetting>;
  ignore: Ignore[];
  release: { branches: string[]; artifacts: string[] };
  paths: { include: string[]; exclude: string[] };
  deploymentSettings: string[];
}

export const DEFAULT_CONFIG: Config = {
  rules: {},
  ignore: [],
  release: { branches: ['release/**', 'releases/**'], artifacts: [] },
  paths: { include: [], exclude: [] },
  deploymentSettings: [],
};

export class ConfigError extends Error {}

const TOP_KEYS = ['rules', 'ignore', 'release', 'paths', 'deploymentSettings'];
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'note', 'off'];

/** Parses and validates `.github/flowguard.yml`. Unknown keys are errors: a typo must not silently disable a check. */
export function parseConfig(text: string, file: string, rules: readonly RuleMeta[]): Config {
  let raw: unknown;
  try {
    raw = yamlLib().parse(text, { maxAliasCount: 50 });
  } catch (err) {
    throw new ConfigError(`${file}: invalid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  if (raw === null || raw === undefined) return structuredClone(DEFAULT_CONFIG);
  const obj = record(raw, file, 'the top level');
  unknownKeys(obj, TOP_KEYS, file, 'the top level');
  const config = structuredClone(DEFAULT_CONFIG);
  if (obj.rules !== undefined) {
    const r = record(obj.rules, file, 'rules');
    for (const key of Object.keys(r)) {
      const meta = rules.find((m) => m.id.toLowerCase() === key.toLowerCase() || m.name === key);
      if (!meta) throw new ConfigError(`${file}: rules.${key} is not a FlowGuard rule (known: ${rules.map((m) => `${m.id} ${m.name}`).join(', ')})`);
      const v = r[key];
      if (typeof v !== 'string' || !(SETTINGS as readonly string[]).includes(v)) throw new ConfigError(`${file}: rules.${key} must be one of ${SETTINGS.join(', ')}`);
      config.rules[meta.id] = v as RuleSetting;
    }
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore)) throw new ConfigError(`${file}: ignore must be a list`);
    config.ignore = obj.ignore.map((item, i) => ignoreEntry(item, `${file}: ignore[${i}]`, rules));
  }
  if (obj.release !== undefined) {
    const r = record(obj.release, file, 'release');
    unknownKeys(r, ['branches', 'artifacts'], file, 'release');
    if (r.branches !== undefined) config.release.branches = stringList(r.branches, file, 'release.branches');
    if (r.artifacts !== undefined) config.release.artifacts = stringList(r.artifacts, file, 'release.artifacts');
  }
  if (obj.paths !== undefined) {
    const p = record(obj.paths, file, 'paths');
    unknownKeys(p, ['include', 'exclude'], file, 'paths');
    if (p.include !== undefined) config.paths.include = stringList(p.include, file, 'paths.include');
    if (p.exclude !== undefined) config.paths.exclude = stringList(p.exclude, file, 'paths.exclude');
  }
  if (obj.deploymentSettings !== undefined) config.deploymentSettings = stringList(obj.deploymentSettings, file, 'deploymentSettings');
  return config;
}

function ignoreEntry(item: unknown, where: string, rules: readonly RuleMeta[]): Ignore {
  const o = record(item, where, '');
  unknownKeys(o, ['fingerprint', 'rule', 'solution', 'app', 'flow', 'reason'], where, '');
  for (const k of Object.keys(o)) if (typeof o[k] !== 'string') throw new ConfigError(`${where}.${k} must be a string`);
  const e = o as Record<string, string>;
  if (!e.reason || e.reason.trim() === '') throw new ConfigError(`${where} needs a reason: say why this finding is accepted`);
  if (!e.fingerprint && !e.rule && !e.solution && !e.app && !e.flow) throw new ConfigError(`${where} must name a fingerprint, or a rule and/or a component (solution, app, flow)`);
  if (e.rule && !rules.some((m) => m.id.toLowerCase() === e.rule?.toLowerCase() || m.name === e.rule)) throw new ConfigError(`${where}.rule '${e.rule}' is not a FlowGuard rule`);
  return { ...e, reason: e.reason } as Ignore;
}

function record(v: unknown, file: string, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(`${file}: ${where || 'entry'} must be a mapping`);
  return v as Record<string, unknown>;
}

function unknownKeys(o: Record<string, unknown>, allowed: string[], file: string, where: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new ConfigError(`${file}: unknown key '${k}' in ${where || 'entry'} (allowed: ${allowed.join(', ')})`);
  }
}

function stringList(v: unknown, file: string, where: string): string[] {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) throw new ConfigError(`${file}: ${where} must be a list of strings`);
  return list as string[];
}

/** Applies per-rule settings and ignores; returns the findings that remain and those suppressed with their reasons. */
export function applyConfig(findings: Finding[], config: Config): { kept: Finding[]; suppressed: { finding: Finding; reason: string }[] } {
  const kept: Finding[] = [];
  const suppressed: { finding: Finding; reason: string }[] = [];
  for (const f of findings) {
    const setting = config.rules[f.ruleId];
    if (setting === 'off') continue;
    const finding = setting ? { ...f, severity: setting } : f;
    const ignore = config.ignore.find((i) => ignoreMatches(i, finding));
    if (ignore) suppressed.push({ finding, reason: ignore.reason });
    else kept.push(finding);
  }
  return { kept, suppressed };
}

function ignoreMatches(i: Ignore, f: Finding): boolean {
  if (i.fingerprint && i.fingerprint !== f.fingerprint) return false;
  if (i.rule && i.rule.toLowerCase() !== f.ruleId.toLowerCase() && i.rule !== f.rule) return false;
  if (i.solution && i.solution.toLowerCase() !== f.solution.uniqueName.toLowerCase()) return false;
  if (i.app && ![f.app?.name, f.app?.displayName].some((n) => n?.toLowerCase() === i.app?.toLowerCase())) return false;
  if (i.flow && ![f.flow?.id, f.flow?.name].some((n) => n?.toLowerCase() === i.flow?.toLowerCase())) return false;
  return true;
}

export function isReleaseBranch(branch: string | undefined, config: Config): boolean {
  return branch !== undefined && config.release.branches.some((g) => globToRegExp(g).test(branch));
}

export function pathSelected(path: string, config: Config): boolean {
  if (config.paths.include.length > 0 && !matchesAny(path, config.paths.include)) return false;
  return !matchesAny(path, config.paths.exclude);
}
