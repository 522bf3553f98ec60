// Prints the CHANGELOG.md section of one version: the release notes of its GitHub release.
// Usage: node scripts/release-notes.mjs <version|vX.Y.Z> [CHANGELOG.md]
// Exits 1, naming the problem, when the section is missing, empty or still headed "(unreleased)",
// so a tag cannot be released before its changelog entry is written and dated.
import { readFileSync } from 'node:fs';

export function releaseNotes(changelog, version) {
  const v = version.replace(/^v/, '');
  const lines = changelog.split(/\r?\n/);
  const esc = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = lines.findIndex((l) => new RegExp(`^## \\[?v?${esc}\\]?(\\s|$)`).test(l));
  if (start < 0) throw new Error(`CHANGELOG.md has no "## ${v}" section`);
  if (/unreleased/i.test(lines[start])) throw new Error(`CHANGELOG.md still marks ${v} as unreleased: date the heading ("## ${v} (YYYY-MM-DD)") first`);
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const body = lines.slice(start + 1, end).join('\n').trim();
  if (body === '') throw new Error(`the CHANGELOG.md section of ${v} is empty`);
  return `${body}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
  if (!version) {
    process.stderr.write('usage: node scripts/release-notes.mjs <version> [CHANGELOG.md]\n');
    process.exit(2);
  }
  try {
    process.stdout.write(releaseNotes(readFileSync(file, 'utf8'), version));
  } catch (err) {
    process.stderr.write(`release-notes: ${err.message}\n`);
    process.exit(1);
  }
}
