import { describe, expect, it } from '@jest/globals';
import { lookupKey, joinPath, dirname, basename } from '../../src/source/paths.js';

describe('paths', () => {
  it('folds case and backslashes for lookups', () => {
    expect(lookupKey('References\\DataSources.json')).toBe('references/datasources.json');
    expect(lookupKey('Other/Solution.xml')).toBe(lookupKey('other/solution.XML'));
  });
  it('joins and splits', () => {
    expect(joinPath('a', '', 'b', '.')).toBe('a/b');
    expect(dirname('a/b/c.json')).toBe('a/b');
    expect(dirname('c.json')).toBe('');
    expect(basename('a/b/c.json')).toBe('c.json');
  });
});
