/** Case-insensitive lookup key for a path: Power Platform tools vary the case of file names (`solution.xml`, `Other/Solution.xml`). */
export function lookupKey(path: string): string {
  return path.replace(/\\/g, '/').toLowerCase();
}

/** Joins path segments with forward slashes, dropping empty ones. */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
