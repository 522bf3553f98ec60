/** Compiles a glob (`*` within a path segment, `**` across segments, `?` one character) to a RegExp over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** True when `path` or one of its parent folders matches one of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const res = globs.map(globToRegExp);
  const parts = path.split('/');
  for (let i = parts.length; i > 0; i--) {
    const prefix = parts.slice(0, i).join('/');
    if (res.some((r) => r.test(prefix))) return true;
  }
  return false;
}
