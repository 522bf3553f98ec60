/**
 * Corrupted real exports never crash the reader: bytes flipped, archives truncated, entries cut.
 * Each case is seeded, so a failure names a reproducible input. Bounded: a fixed number of cases.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkspace } from '../../src/model/workspace.js';
import { runRules } from '../../src/engine.js';
import { RepoTree } from '../../src/source/tree.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';

const ZIPS = ['pnpapps-rijksmuseum/rijksmuseum.zip', 'pnp-contoso-school/ContosoSchool.zip', 'pnpapps-event-registration-legacy/EventRegistrationApp.zip'];

/** Mulberry32: a small seeded generator, so every corrupted input can be rebuilt from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corrupt(original: Buffer, seed: number): Buffer {
  const rnd = random(seed);
  const b = Buffer.from(original);
  switch (seed % 3) {
    case 0: // flip bytes anywhere (headers, directory, data)
      for (let i = 0; i < 1 + Math.floor(rnd() * 20); i++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      return b;
    case 1: // flip bytes in the last 4 KiB: the central directory and its end record
      for (let i = 0; i < 1 + Math.floor(rnd() * 8); i++) b[b.length - 1 - Math.floor(rnd() * Math.min(4096, b.length))] = Math.floor(rnd() * 256);
      return b;
    default: // cut the file short
      return b.subarray(0, Math.floor(rnd() * b.length));
  }
}

describeCorpus('corrupted exports', () => {
  it.each(ZIPS)('%s: 40 seeded corruptions each give a model or a diagnostic, never a crash', async (zip) => {
    const original = readFileSync(join(CORPUS, zip));
    for (let seed = 1; seed <= 40; seed++) {
      const bytes = corrupt(original, seed);
      const tree = new RepoTree([{ path: 'x.zip', size: bytes.length }], async () => bytes);
      let outcome: string;
      try {
        const ws = await loadWorkspace(tree);
        runRules(ws, { release: false });
        outcome = ws.solutions.length > 0 || ws.diagnostics.length > 0 ? 'ok' : 'silently empty';
        const failed = ws.diagnostics.find((d) => /^rule .* failed/.test(d.message));
        if (failed) outcome = failed.message;
      } catch (err) {
        outcome = `threw ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`;
      }
      // A corrupted zip must either still read or say why not.
      expect({ zip, seed, outcome }).toEqual({ zip, seed, outcome: 'ok' });
    }
  });
});

/** Replaces random nodes of a JSON value with values of other types. */
function scramble(value: unknown, rnd: () => number, rate: number): unknown {
  const swaps: unknown[] = [null, 0, -1, 1e308, '', 'x', true, [], {}, [null], { __proto__: { polluted: 1 } }];
  const walk = (v: unknown): unknown => {
    if (rnd() < rate) return swaps[Math.floor(rnd() * swaps.length)];
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

describe('flow definitions and app records with values of the wrong type', () => {
  it('200 seeded scrambles of the bundled example never crash the reader or the rules', async () => {
    const { listWorkingTree } = await import('../../src/source/folder.js');
    const { PROJECT_ROOT } = await import('../helpers/corpus.js');
    const root = join(PROJECT_ROOT, 'examples', 'contoso-requests');
    const files = await listWorkingTree(root, ['.']);
    const original = new Map(files.map((f) => [f.path, readFileSync(join(root, f.path))]));
    const jsonFiles = [...original.keys()].filter((p) => p.endsWith('.json'));
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = random(seed);
      const copy = new Map(original);
      for (const p of jsonFiles) copy.set(p, Buffer.from(JSON.stringify(scramble(JSON.parse(original.get(p)!.toString('utf8')), rnd, 0.04))));
      const tree = new RepoTree([...copy.entries()].map(([path, b]) => ({ path, size: b.length })), async (p) => copy.get(p) as Buffer);
      let outcome = 'ok';
      try {
        const ws = await loadWorkspace(tree, { hashes: true });
        runRules(ws, { release: false });
        // runRules turns a rule that throws into a diagnostic: that is a crash too.
        const failed = ws.diagnostics.find((d) => /^rule .* failed/.test(d.message));
        if (failed) outcome = failed.message;
      } catch (err) {
        outcome = `threw ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`;
      }
      expect({ seed, outcome }).toEqual({ seed, outcome: 'ok' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
