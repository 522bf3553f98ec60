/**
 * The shipped bundles: each is one file beside its licences (no chunk files a loader must find), and
 * `licenses.txt` names every third-party package bundled in it. A split bundle made ncc write the
 * licences of its last chunk only, which dropped most of them; this keeps that from shipping.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/corpus.js';

const bundles: [string, string[]][] = [
  ['dist', ['@actions/core', '@actions/github', 'fast-xml-parser', 'jszip', 'pako', 'yaml']],
  ['dist/cli', ['fast-xml-parser', 'jszip', 'pako', 'yaml']],
];

describe.each(bundles)('%s', (dir, packages) => {
  it('is index.js, licenses.txt and package.json, nothing else', () => {
    const files = readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
    expect(files).toEqual(['index.js', 'licenses.txt', 'package.json']);
  });
  it('names the licence of every bundled package it ships', () => {
    const names = new Set(readFileSync(join(PROJECT_ROOT, dir, 'licenses.txt'), 'utf8').split('\n'));
    expect(packages.filter((p) => !names.has(p))).toEqual([]);
  });
});
