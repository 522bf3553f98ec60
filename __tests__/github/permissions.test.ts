import { describe, expect, it } from '@jest/globals';
import { describeFailure, httpErrorInfo, permissionFor, toFailure } from '../../src/github/permissions.js';

describe('describeFailure', () => {
  it('names the missing permission for a 403 on the comment, with the fork hint and what was still written', () => {
    expect(describeFailure(403, 'comment')).toBe(
      'FlowGuard could not post the PR comment: the token lacks `pull-requests: write` (fork pull requests and Dependabot runs get a read-only token). The job summary, annotations and report files were still written.',
    );
  });

  it('names the permission per endpoint', () => {
    expect(describeFailure(403, 'issue-comment')).toContain('`issues: write`');
    expect(describeFailure(403, 'review')).toContain('could not post the PR review');
    expect(describeFailure(403, 'check-run')).toContain('`checks: write`');
    expect(describeFailure(404, 'tree')).toContain('`contents: read`');
    expect(describeFailure(404, 'tree')).toContain('HTTP 404');
    expect(describeFailure(403, 'pull-files')).toContain('`pull-requests: read`');
    // reads failing did not leave the reports written
    expect(describeFailure(403, 'blob')).not.toContain('still written');
    expect(permissionFor('comment')).toBe('pull-requests: write');
  });

  it('tells a rate limit apart from a missing permission', () => {
    const msg = describeFailure(403, 'comment', 'You have exceeded a secondary rate limit.');
    expect(msg).toContain('rate limit');
    expect(msg).not.toContain('lacks');
  });

  it('describes 401, 422 and 5xx without blaming permissions', () => {
    expect(describeFailure(401, 'comment')).toContain('`github-token`');
    expect(describeFailure(422, 'comment', 'Validation Failed')).toContain('GitHub rejected the request (HTTP 422) (GitHub said: Validation Failed)');
    expect(describeFailure(502, 'review')).toContain('HTTP 502');
  });
});

describe('toFailure', () => {
  const httpError = (status: number, message?: string) =>
    Object.assign(new Error('x'), { status, response: { data: message === undefined ? '' : { message } } });

  it('maps 403/404 to a missing permission, but not rate limits or other statuses', () => {
    expect(toFailure(httpError(403, 'Resource not accessible by integration'), 'comment')).toMatchObject({
      action: 'failed',
      status: 403,
      missingPermission: 'pull-requests: write',
      apiMessage: 'Resource not accessible by integration',
    });
    expect(toFailure(httpError(403, 'API rate limit exceeded for installation ID 1.'), 'comment').missingPermission).toBeUndefined();
    expect(toFailure(httpError(500), 'comment').missingPermission).toBeUndefined();
  });

  it('rethrows errors that are not HTTP errors', () => {
    const bug = new TypeError('undefined is not a function');
    expect(() => toFailure(bug, 'comment')).toThrow(bug);
    expect(httpErrorInfo('nope')).toBeUndefined();
  });
});
