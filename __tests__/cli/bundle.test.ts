/**
 * The shipped bundles: each is one file beside its licences (no chunk files a loader must find), and
 * `licenses.txt` names every third-party package bundled in it. A split bundle made ncc write the
 * licences of its last chunk only, which dropped most of them; this keeps that from shipping.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/corpus.js';

const bundles: [string, string[], string[]][] = [
  ['dist', ['@actions/core', '@actions/github', 'fast-xml-parser', 'jszip', 'pako', 'yaml'], ['index.js', 'licenses.txt', 'package.json']],
  ['dist/cli', ['fast-xml-parser', 'jszip', 'pako', 'yaml'], ['index.js', 'licenses.txt', 'package.json']],
  // The Azure SDK's credentials for the opt-in target check, loaded by path only when it runs.
  ['dist/azure-identity', ['@azure/identity', '@azure/msal-node', '@azure/core-rest-pipeline'], ['index.cjs', 'licenses.txt']],
];

describe.each(bundles)('%s', (dir, packages, expected) => {
  it(`is ${expected.join(', ')}, nothing else`, () => {
    const files = readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
    expect(files).toEqual(expected);
  });
  it('names the licence of every bundled package it ships', () => {
    const names = new Set(readFileSync(join(PROJECT_ROOT, dir, 'licenses.txt'), 'utf8').split('\n'));
    expect(packages.filter((p) => !names.has(p))).toEqual([]);
  });
});

describe('the offline bundles', () => {
  it('do not contain the Azure SDK: it is read from dist/azure-identity only when the target check runs', () => {
    for (const file of ['dist/index.js', 'dist/cli/index.js']) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      expect({ file, msal: text.includes('@azure/msal-node') || text.includes('ClientSecretCredential:') }).toEqual({ file, msal: false });
    }
  });
});
