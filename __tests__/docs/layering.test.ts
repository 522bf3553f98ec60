/**
 * The layers of docs/architecture.md, enforced: a folder of src/ imports only from the folders below it.
 * Host-neutral report logic (fitting, the marker, the gate) lives in report/, so no host imports another.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/corpus.js';

const SRC = join(PROJECT_ROOT, 'src');

/** What each folder may import from (besides itself and node/npm modules). */
const ALLOWED: Record<string, readonly string[]> = {
  source: [],
  formula: ['source'],
  model: ['source', 'formula'],
  compare: ['model'],
  rules: ['model', 'compare'],
  report: ['model', 'compare', 'rules', 'version'],
  change: ['model', 'compare', 'rules', 'report'],
  config: ['source', 'model', 'rules'],
  github: ['model', 'rules', 'report'],
  // The opt-in target check: reads the environment (its own I/O) and runs the target rules over it.
  target: ['source', 'model', 'compare', 'rules', 'report', 'config'],
  azure: ['source', 'model', 'rules', 'report', 'config', 'engine', 'target', 'version'],
};

function importsOf(folder: string): { file: string; target: string }[] {
  const out: { file: string; target: string }[] = [];
  for (const name of readdirSync(join(SRC, folder))) {
    if (!/\.(ts|cts)$/.test(name)) continue;
    const text = readFileSync(join(SRC, folder, name), 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\()\s*'\.\.\/([A-Za-z-]+)/g)) out.push({ file: `${folder}/${name}`, target: m[1] as string });
  }
  return out;
}

describe('layering', () => {
  test.each(Object.keys(ALLOWED))('src/%s imports only from the layers below it', (folder) => {
    const allowed = ALLOWED[folder] as readonly string[];
    const wrong = importsOf(folder).filter((i) => !allowed.includes(i.target.replace(/\.js$/, '')));
    expect(wrong).toEqual([]);
  });

  test('the check sees imports (it can fail)', () => {
    expect(importsOf('rules').some((i) => i.target === 'model')).toBe(true);
  });
});
