import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyConfig, ConfigError, isReleaseBranch, parseConfig, pathSelected, DEFAULT_CONFIG } from '../../src/config/config.js';
import { globToRegExp, matchesAny } from '../../src/config/glob.js';
import { ALL_RULE_META } from '../../src/rules/registry.js';
import type { Finding } from '../../src/rules/types.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';

const parse = (text: string) => parseConfig(text, '.github/flowguard.yml', ALL_RULE_META);

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'FG104',
  rule: 'flow-not-found',
  severity: 'error',
  errorCodes: [],
  message: 'm',
  solution: { uniqueName: 'Core', path: 'a.zip' },
  app: { name: 'cr_app_1', displayName: 'My App' },
  flow: { id: 'f1', name: 'Export' },
  location: { file: 'a.zip' },
  mitigation: [],
  fingerprint: 'abc',
  ...over,
});

describe('configuration file', () => {
  it('parses the documented example in docs/configuration.md', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs/configuration.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] as string;
    const c = parse(yaml);
    expect(c.rules).toEqual({ FG301: 'off', FG202: 'error' });
    expect(c.ignore).toHaveLength(3);
    expect(c.release.branches).toEqual(['release/**', 'main']);
    expect(c.paths.exclude).toEqual(['solutions/archive/**']);
  });
  it.each([
    ['rulez: {}', /unknown key 'rulez'/],
    ['rules: {FG999: off}', /rules.FG999 is not a FlowGuard rule/],
    ['rules: {FG101: loud}', /must be one of error, warning, note, off/],
    ['ignore: [{fingerprint: abc}]', /needs a reason/],
    ['ignore: [{reason: because}]', /must name a fingerprint/],
    ['release: {branch: [main]}', /unknown key 'branch' in release/],
    ['paths: {include: 3}', /paths.include must be a list of strings/],
    ['rules: [', /invalid YAML/],
  ])('%s is refused with a clear message', (text, message) => {
    expect(() => parse(text)).toThrow(ConfigError);
    expect(() => parse(text)).toThrow(message);
  });
  it('an empty file gives the defaults', () => {
    expect(parse('')).toEqual(DEFAULT_CONFIG);
  });
  it('applies severities, off, and ignores with their reasons', () => {
    const c = parse('rules: {flow-not-found: warning, FG301: off}\nignore: [{app: My App, flow: export, reason: shipped elsewhere}]');
    const { kept, suppressed } = applyConfig(
      [finding(), finding({ fingerprint: 'x', app: { name: 'other', displayName: 'Other' } }), finding({ ruleId: 'FG301', rule: 'connection-mode' })],
      c,
    );
    expect(kept.map((f) => [f.ruleId, f.severity, f.app?.name])).toEqual([['FG104', 'warning', 'other']]);
    expect(suppressed.map((s) => s.reason)).toEqual(['shipped elsewhere']);
  });
});

describe('globs', () => {
  it('matches * within a segment and ** across segments', () => {
    expect(globToRegExp('release/*').test('release/1.0')).toBe(true);
    expect(globToRegExp('release/*').test('release/1.0/hotfix')).toBe(false);
    expect(globToRegExp('release/**').test('release/1.0/hotfix')).toBe(true);
    expect(globToRegExp('**/managed/*.zip').test('build/managed/a.zip')).toBe(true);
    expect(globToRegExp('**/managed/*.zip').test('managed/a.zip')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
  it('matches a path by itself or a parent folder', () => {
    expect(matchesAny('solutions/archive/x.zip', ['solutions/archive'])).toBe(true);
    expect(matchesAny('solutions/current/x.zip', ['solutions/archive'])).toBe(false);
  });
  it('decides release branches and selected paths', () => {
    const c = parse('release: {branches: [main, release/**]}\npaths: {include: [solutions/**], exclude: [solutions/old/**]}');
    expect(isReleaseBranch('main', c)).toBe(true);
    expect(isReleaseBranch('feature/main', c)).toBe(false);
    expect(isReleaseBranch(undefined, c)).toBe(false);
    expect(pathSelected('solutions/a.zip', c)).toBe(true);
    expect(pathSelected('solutions/old/a.zip', c)).toBe(false);
    expect(pathSelected('other/a.zip', c)).toBe(false);
  });
});
