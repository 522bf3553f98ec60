import type { Solution } from '../model/types.js';

export interface SolutionPair {
  base: Solution | undefined;
  head: Solution | undefined;
  /** How the two were matched. */
  pairedBy: 'path' | 'rename' | 'unique-name' | undefined;
}

/**
 * Pairs the base and head versions of each solution: by path, then by a rename the diff
 * reported, then by unique name and managed flag (file names that carry the version,
 * `Contoso_1_0_0_1_managed.zip` → `Contoso_1_0_0_3_managed.zip`, are one solution upgraded).
 * Without a rename, a managed and an unmanaged export of one solution are different artifacts.
 */
export function pairSolutions(base: readonly Solution[], head: readonly Solution[], renames: ReadonlyMap<string, string> = new Map()): SolutionPair[] {
  const pairs: SolutionPair[] = [];
  const freeBase = new Set(base);
  const byPath = new Map(base.map((s) => [s.path, s]));
  const unpairedHead: Solution[] = [];
  for (const h of head) {
    const previous = renames.get(h.path);
    const samePath = byPath.get(h.path);
    // A rename git detected counts only when it is the same solution (binary similarity can pair strangers).
    const candidate = previous !== undefined ? byPath.get(previous) : undefined;
    const renamed = candidate && candidate.uniqueName.toLowerCase() === h.uniqueName.toLowerCase() ? candidate : undefined;
    const b = samePath && freeBase.has(samePath) ? samePath : renamed && freeBase.has(renamed) ? renamed : undefined;
    if (b) {
      freeBase.delete(b);
      pairs.push({ base: b, head: h, pairedBy: b === samePath ? 'path' : 'rename' });
    } else unpairedHead.push(h);
  }
  const identity = (s: Solution): string => `${s.uniqueName.toLowerCase()}\u0000${s.managed}`;
  for (const h of unpairedHead) {
    const b = [...freeBase].find((x) => identity(x) === identity(h) && x.uniqueName !== '');
    if (b) {
      freeBase.delete(b);
      pairs.push({ base: b, head: h, pairedBy: 'unique-name' });
    } else pairs.push({ base: undefined, head: h, pairedBy: undefined });
  }
  for (const b of freeBase) pairs.push({ base: b, head: undefined, pairedBy: undefined });
  return pairs;
}
