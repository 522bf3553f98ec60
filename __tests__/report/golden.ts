import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/**
 * Compares `actual` with `golden/<name>` exactly. With `UPDATE_GOLDEN=1` the file is rewritten
 * instead (read the diff before committing it).
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  if (!existsSync(path)) throw new Error(`Golden file ${path} is missing: run with UPDATE_GOLDEN=1 to create it.`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
