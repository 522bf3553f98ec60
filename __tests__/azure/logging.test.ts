import { describe, expect, test } from '@jest/globals';
import { command, complete, escapeCommand, findingIssues, logIssue, plainLine, unescapeCommand, uploadSummary } from '../../src/azure/logging.js';
import { parseArgs } from '../../src/cli/args.js';
import { parseCiArgs } from '../../src/azure/args.js';
import { readAzureEnv, isPullRequestBuild, pullRequestApi, buildUrl } from '../../src/azure/env.js';
import type { Finding } from '../../src/rules/types.js';
import { parseCommands } from './pipeline.js';

describe('logging-command escaping', () => {
  test('%, ;, ], CR and LF are escaped as the agent expects, % first', () => {
    expect(escapeCommand('100%; a]b\r\nc')).toBe('100%AZP25%3B a%5Db%0D%0Ac');
    // Text that already looks escaped survives the round trip.
    for (const s of ['%3B', '%AZP25', 'a;b]c\nd\re%', '##vso[task.complete result=Succeeded]', '']) expect(unescapeCommand(escapeCommand(s))).toBe(s);
  });

  test('a hostile value cannot end the properties or start a second command', () => {
    const line = logIssue('error', 'x\n##vso[task.complete result=Succeeded;]done', { sourcepath: 'a;type=warning].json', linenumber: 1, code: 'FG101' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('##vso[task.logissue type=error;sourcepath=a%3Btype=warning%5D.json;linenumber=1;code=FG101]x%0A##vso[task.complete result=Succeeded%3B%5Ddone');
    const [parsed] = parseCommands([line], 'task.logissue');
    expect(parsed).toEqual({ properties: { type: 'error', sourcepath: 'a;type=warning].json', linenumber: '1', code: 'FG101' }, message: 'x\n##vso[task.complete result=Succeeded;]done' });
  });

  test('the other commands', () => {
    expect(uploadSummary('/agent/_temp/FlowGuard.md')).toBe('##vso[task.uploadsummary]/agent/_temp/FlowGuard.md');
    expect(complete('Failed', 'FlowGuard: 2 finding(s)')).toBe('##vso[task.complete result=Failed;]FlowGuard: 2 finding(s)');
    expect(command('task.setvariable', { variable: 'X', empty: '', missing: undefined }, 'v')).toBe('##vso[task.setvariable variable=X]v');
  });

  test('plain log lines never carry a command', () => {
    expect(plainLine('note: ##vso[task.complete]x\n##[error]y')).toBe('note: # #vso[task.complete]x # #[error]y');
  });

  test('findings become capped issues, worst first; notes are plain lines', () => {
    const f = (ruleId: string, severity: Finding['severity'], file: string): Finding =>
      ({ ruleId, rule: 'r', severity, message: `m ${ruleId}`, errorCodes: [], mitigation: [], location: { file }, solution: { path: 's' } }) as unknown as Finding;
    const { lines, overflow } = findingIssues([f('FG301', 'note', 'n.json'), f('FG403', 'warning', 'w.xml'), f('FG101', 'error', 'e.json')], 2);
    expect(overflow).toBe(1);
    expect(lines[0]).toBe('##vso[task.logissue type=error;sourcepath=e.json;linenumber=1;code=FG101]FG101 r: m FG101');
    expect(lines[1]).toBe('##vso[task.logissue type=warning;sourcepath=w.xml;linenumber=1;code=FG403]FG403 r: m FG403');
    expect(lines[2]).toMatch(/^FlowGuard: 1 more finding\(s\) are not listed/);
    expect(findingIssues([f('FG301', 'note', 'n.json')]).lines).toEqual(['FlowGuard note: n.json: FG301 r: m FG301']);
  });
});

describe('the Azure Pipelines environment', () => {
  const base = {
    TF_BUILD: 'True',
    BUILD_REASON: 'PullRequest',
    SYSTEM_PULLREQUEST_PULLREQUESTID: '17',
    SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/release/2.0',
    SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso',
    SYSTEM_TEAMPROJECT: 'Power Platform',
    BUILD_REPOSITORY_ID: 'abc',
    BUILD_BUILDID: '9',
  };

  test('a pull-request build', () => {
    const e = readAzureEnv(base)!;
    expect(isPullRequestBuild(e)).toBe(true);
    expect(e.targetBranch).toBe('release/2.0');
    expect(e.collectionUri).toBe('https://dev.azure.com/contoso/');
    expect(pullRequestApi(e)).toBe('https://dev.azure.com/contoso/Power%20Platform/_apis/git/repositories/abc/pullRequests/17');
    expect(buildUrl(e)).toBe('https://dev.azure.com/contoso/Power%20Platform/_build/results?buildId=9');
  });

  test('not Azure Pipelines, not a pull request, an unmapped token', () => {
    expect(readAzureEnv({ ...base, TF_BUILD: undefined })).toBeUndefined();
    expect(isPullRequestBuild(readAzureEnv({ ...base, BUILD_REASON: 'IndividualCI' })!)).toBe(false);
    expect(readAzureEnv({ ...base, SYSTEM_ACCESSTOKEN: '$(System.AccessToken)' })!.token).toBeUndefined();
    expect(readAzureEnv({ ...base, SYSTEM_ACCESSTOKEN: 'tok' })!.token).toBe('tok');
  });
});

describe('arguments', () => {
  test('ci defaults and options', () => {
    expect(parseCiArgs([])).toMatchObject({ paths: ['.'], failOn: 'error', comment: 'on-findings', status: true, statusName: 'flowguard', statusGenre: 'flowguard', maxIssues: 10 });
    expect(parseCiArgs(['sol', '--fail-on=warning', '--status-name', 'FlowGuard PR', '--status-genre', 'power-platform', '--no-status', '--comment', 'always', '--max-issues', '3'])).toMatchObject({
      paths: ['sol'],
      failOn: 'warning',
      statusName: 'FlowGuard PR',
      statusGenre: 'power-platform',
      status: false,
      comment: 'always',
      maxIssues: 3,
    });
    expect(() => parseCiArgs(['--comment', 'sometimes'])).toThrow(/--comment must be one of/);
    expect(() => parseCiArgs(['--max-issues', '-1'])).toThrow();
  });

  test('the plain CLI still takes a folder named like anything but ci', () => {
    expect(parseArgs(['./ci']).paths).toEqual(['./ci']);
  });
});
