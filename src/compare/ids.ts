/**
 * Platform identifiers — connector API names (`shared_x-5fy-2d…`, whose hex escapes vary in case
 * between a flow and the app that calls it), connection keys, logical names — are case-insensitive
 * (solution-format §8b.2). Compare them through these helpers, never with `===`.
 */
export function idKey(id: string): string {
  return id.toLowerCase();
}

export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Distinct ids in first-seen order, compared case-insensitively. */
export function distinctIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ids) {
    if (seen.has(idKey(id))) continue;
    seen.add(idKey(id));
    out.push(id);
  }
  return out;
}
