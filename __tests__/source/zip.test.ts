import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { ZipArchive } from '../../src/source/zip.js';
import { InputError } from '../../src/source/limits.js';
import { toZip64 } from '../helpers/zip64.js';

async function build(files: Record<string, string>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { date: new Date(Date.UTC(2024, 0, 1)) });
  return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression }));
}

describe('ZipArchive', () => {
  it('reads deflated and stored entries, folds backslashes and case for lookups', async () => {
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const a = await ZipArchive.open(await build({ 'References\\DataSources.json': '{"a":1}', 'Header.json': 'héllo' }, compression));
      expect(a.names).toEqual(['Header.json', 'References/DataSources.json']);
      expect(Buffer.from(await a.read('references/datasources.JSON')).toString()).toBe('{"a":1}');
      expect(Buffer.from(await a.read('Header.json')).toString()).toBe('héllo');
      expect(a.size('Header.json')).toBe(Buffer.byteLength('héllo'));
    }
  });

  it('opens ZIP64 archives through the general reader', async () => {
    const z64 = toZip64(await build({ 'solution.xml': '<ImportExportXml/>', 'Workflows/a.json': '{}' }));
    const a = await ZipArchive.open(z64);
    expect(a.names).toEqual(['Workflows/a.json', 'solution.xml']);
    expect(Buffer.from(await a.read('solution.xml')).toString()).toBe('<ImportExportXml/>');
  });

  it('refuses encrypted entries, unknown compression and a corrupt directory with clear errors', async () => {
    const zip = await build({ 'a.txt': 'x'.repeat(100) });
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    await expect((await ZipArchive.open(encrypted)).read('a.txt')).rejects.toThrow(/encrypted/);
    const method = Buffer.from(zip);
    method.writeUInt16LE(14, central + 10);
    await expect((await ZipArchive.open(method)).read('a.txt')).rejects.toThrow(/compression method 14/);
    const broken = Buffer.from(zip);
    broken.writeUInt32LE(0, central);
    await expect(ZipArchive.open(broken)).rejects.toThrow(InputError);
    await expect(ZipArchive.open(Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n'))).rejects.toThrow(/Git LFS pointer/);
  });

  it('refuses an entry whose size header lies, without inflating past the cap', async () => {
    const zip = await build({ 'big.json': 'a'.repeat(1_000_000) });
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, central + 24);
    const a = await ZipArchive.open(zip, { maxFileBytes: 1e9, maxEntries: 10, maxEntryBytes: 10_000, maxArchiveBytes: 1e9, maxNesting: 2 });
    await expect(a.read('big.json')).rejects.toThrow(/inflates beyond 10000 bytes/);
  });
});
