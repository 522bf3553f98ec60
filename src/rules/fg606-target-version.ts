import { makeFinding } from './finding.js';
import { installedSolutions, onHost } from './target-common.js';
import type { Finding, RuleMeta, TargetContext, TargetRule } from './types.js';

const meta: RuleMeta = {
  id: 'FG606',
  name: 'target-version',
  defaultSeverity: 'warning',
  errorCodes: [],
  brief: 'the target already has this version or a newer one',
  summary: 'The target environment has the solution at a version equal to or higher than the exported one.',
  impact:
    'An import of the same version is easy to mistake for a deployed release, and an older version over a newer one is refused or silently keeps the newer components: the changes in this export may never arrive.',
};

/** Compares dotted versions part by part, numbers as numbers ("1.10" > "1.9"; "20260130.2" is a version too). */
export function compareVersions(a: string, b: string): number {
  const pa = a.trim().split('.');
  const pb = b.trim().split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? (x < y ? -1 : x > y ? 1 : 0) : nx - ny;
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

function check(ctx: TargetContext): Finding[] {
  const out: Finding[] = [];
  for (const { solution, installed } of installedSolutions(ctx)) {
    if (!installed.version || !solution.version) continue;
    const c = compareVersions(installed.version, solution.version);
    if (c < 0) continue;
    out.push(
      makeFinding(meta, {
        solution,
        location: solution.origin,
        message: `Solution '${solution.uniqueName}' is installed ${onHost(ctx)} at version ${installed.version}, ${c === 0 ? 'the same as' : 'higher than'} the exported ${solution.version}: ${c === 0 ? 'this release is indistinguishable from the installed one' : 'an older version over a newer one does not deploy as a release'}.`,
        mitigation: [
          `Raise the version of '${solution.uniqueName}' in the development environment above ${installed.version} (Solution → Edit → Version), export again and commit the new export.`,
          'Let the pipeline set the version (e.g. pac solution version, or the build number) so every release is higher than the last.',
        ],
        identity: [ctx.target.host],
      }),
    );
  }
  return out;
}

export const targetVersion: TargetRule = { meta, checkTarget: check };
