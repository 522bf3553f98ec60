import { componentsChanged } from '../compare/signature.js';
import { makeFinding } from './finding.js';
import type { ChangeContext, ChangeRule, Finding, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG403',
  name: 'version-not-bumped',
  defaultSeverity: 'warning',
  errorCodes: [],
  summary: "This change alters a solution's components but keeps its version number.",
  impact:
    'An environment that already has this version may treat the import as nothing new: a managed upgrade of the same version can be skipped or refused, so the changed flows and apps never arrive, and nobody can tell the two builds apart afterwards.',
  brief: 'components changed, version not bumped',
};

const UNVERSIONED = new Set(['', '0.0.0.0']);

function checkChange(ctx: ChangeContext): Finding[] {
  const out: Finding[] = [];
  for (const { base, head } of ctx.pairs) {
    if (!base || !head || base.version !== head.version || UNVERSIONED.has(head.version)) continue;
    const changed = componentsChanged(base, head);
    if (changed.length === 0) continue;
    out.push(
      makeFinding(meta, {
        solution: head,
        location: head.origin,
        message: `Solution '${head.uniqueName}' still has version ${head.version}, but this change alters it: ${changed.join('; ')}.`,
        mitigation: [
          `Raise the version of '${head.uniqueName}' in the development environment (Solution > Settings, or pac solution version --strategy ...) before exporting, e.g. to ${bump(head.version)}.`,
          'Export again and commit the new export with its new version.',
        ],
        identity: [head.version],
      }),
    );
  }
  return out;
}

function bump(version: string): string {
  const parts = version.split('.');
  const last = Number(parts[parts.length - 1]);
  if (!Number.isFinite(last)) return `${version}.1`;
  parts[parts.length - 1] = String(last + 1);
  return parts.join('.');
}

export const versionNotBumped: ChangeRule = { meta, checkChange };
