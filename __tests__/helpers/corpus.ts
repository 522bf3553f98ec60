import { describe, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Real solution exports shared with CI at ../shared/corpus; never copied into the project. */
export const CORPUS = process.env.FLOWGUARD_CORPUS ?? resolve(PROJECT_ROOT, '..', 'shared', 'corpus');

export const corpusAvailable = existsSync(join(CORPUS, 'MANIFEST.md'));

/** `describe` when the corpus is present; otherwise skips, loudly. */
export function describeCorpus(name: string, fn: () => void): void {
  if (!corpusAvailable) {
    process.stderr.write(`\n*** SKIPPED '${name}': the real-export corpus is not at ${CORPUS} (set FLOWGUARD_CORPUS). ***\n\n`);
    // The suite body is not run: it may read the corpus while it declares its tests.
    describe(name, () => it.skip(`needs the corpus at ${CORPUS}`, () => undefined));
    return;
  }
  describe(name, fn);
}

export interface ManifestRow {
  folder: string;
  layout: string;
  managed: string;
  canvasApps: number;
  flows: number;
  paTriggerFlows: number;
  appFlow: string;
  runtimeSources: string[];
  flowsOff: string[];
  connectionReferences: number;
  respondToPowerApp: number;
}

/** Rows of the table in corpus/MANIFEST.md, written by an independent script: the expected facts. */
export function manifestRows(): ManifestRow[] {
  const text = readFileSync(join(CORPUS, 'MANIFEST.md'), 'utf8');
  const rows: ManifestRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const c = line.split('|').map((s) => s.trim());
    // | folder | repo | path | commit | license | layout | managed | apps | flows | PA | app→flow | runtimeSource | OFF | CR | RespPA | KiB |
    rows.push({
      folder: (c[1] as string).replace(/`/g, ''),
      layout: c[6] as string,
      managed: c[7] as string,
      canvasApps: Number(c[8]),
      flows: Number(c[9]),
      paTriggerFlows: Number(c[10]),
      appFlow: c[11] as string,
      runtimeSources: c[12] === '-' ? [] : (c[12] as string).split(',').map((s) => s.trim()),
      flowsOff: c[13] === '-' ? [] : (c[13] as string).split(',').map((s) => s.trim()),
      connectionReferences: Number(c[14]),
      respondToPowerApp: Number(c[15]),
    });
  }
  return rows;
}
