import type JSZip from 'jszip';
import { jszipLib } from './lazy.cjs';
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_LIMITS, InputError, type ReadLimits } from './limits.js';
import { lookupKey } from './paths.js';

/** A budget of inflated bytes shared by an archive and the archives nested in it. */
export interface InflateBudget {
  remaining: number;
}

/** One file of an archive: its declared size, and a bounded way to get its bytes. */
interface Entry {
  name: string;
  uncompressedSize: number;
  inflate(cap: number): Promise<Uint8Array>;
}

/**
 * A zip archive opened for bounded reading. Only the central directory is parsed on open;
 * an entry is inflated when it is read, never beyond the entry and archive limits.
 *
 * The central directory of ordinary archives is read directly from the bytes and entries are
 * inflated by zlib with a hard output cap; archives this reader does not handle (ZIP64,
 * unusual layouts) are opened with jszip instead.
 */
export class ZipArchive {
  private readonly byKey = new Map<string, Entry>();
  readonly names: readonly string[];

  private constructor(
    entries: Entry[],
    private readonly limits: ReadLimits,
    private readonly budget: InflateBudget,
    readonly depth: number,
  ) {
    const names: string[] = [];
    for (const entry of entries) {
      // .msapp archives use backslash separators.
      const name = entry.name.replace(/\\/g, '/');
      if (name.endsWith('/')) continue;
      names.push(name);
      this.byKey.set(lookupKey(name), entry);
    }
    names.sort();
    this.names = names;
  }

  static async open(
    bytes: Uint8Array,
    limits: ReadLimits = DEFAULT_LIMITS,
    depth = 1,
    budget: InflateBudget = { remaining: limits.maxArchiveBytes },
  ): Promise<ZipArchive> {
    if (depth > limits.maxNesting) throw new InputError(`archive nested deeper than ${limits.maxNesting} levels`);
    if (!looksLikeZip(bytes)) throw new InputError(describeNonZip(bytes));
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(buf);
    const count = buf.readUInt16LE(eocd + 10);
    if (count !== 0xffff && count > limits.maxEntries) throw new InputError(`archive has ${count} entries; the limit is ${limits.maxEntries}`);
    const entries = readCentralDirectory(buf, eocd) ?? (await jszipEntries(bytes));
    if (entries.length > limits.maxEntries) throw new InputError(`archive has ${entries.length} entries; the limit is ${limits.maxEntries}`);
    return new ZipArchive(entries, limits, budget, depth);
  }

  has(name: string): boolean {
    return this.byKey.has(lookupKey(name));
  }

  /** Declared uncompressed size of an entry (from the central directory). */
  size(name: string): number | undefined {
    return this.byKey.get(lookupKey(name))?.uncompressedSize;
  }

  async read(name: string): Promise<Uint8Array> {
    const entry = this.byKey.get(lookupKey(name));
    if (!entry) throw new InputError(`no entry '${name}'`);
    const cap = Math.min(this.limits.maxEntryBytes, this.budget.remaining);
    if (entry.uncompressedSize > cap) {
      throw new InputError(`entry '${name}' declares ${entry.uncompressedSize} bytes uncompressed; the limit is ${cap}`);
    }
    const out = await entry.inflate(cap);
    if (out.byteLength !== entry.uncompressedSize) {
      throw new InputError(`entry '${name}' inflates to ${out.byteLength} bytes but declares ${entry.uncompressedSize}`);
    }
    this.budget.remaining -= out.byteLength;
    return out;
  }

  /** Opens an archive stored inside this one, sharing this archive's inflate budget. */
  async openNested(name: string): Promise<ZipArchive> {
    if (this.depth + 1 > this.limits.maxNesting) {
      throw new InputError(`archive '${name}' is nested deeper than ${this.limits.maxNesting} levels`);
    }
    return ZipArchive.open(await this.read(name), this.limits, this.depth + 1, this.budget);
  }
}

// ---- the central directory, read straight from the bytes (APPNOTE.TXT §4.3) ----

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw new InputError('corrupt zip archive (no end of central directory record)');
}

/** The entries of an ordinary archive, or undefined when it needs a general reader (ZIP64). */
function readCentralDirectory(buf: Buffer, eocd: number): Entry[] | undefined {
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) return undefined;
  if (start + size > eocd) throw new InputError('corrupt zip archive (central directory outside the file)');
  const entries: Entry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new InputError('corrupt zip archive (bad central directory entry)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || local === 0xffffffff) return undefined;
    // Bit 11: the name is UTF-8; otherwise it is an 8-bit code page, read byte for byte.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    entries.push(storedEntry(buf, name, { flags, method, compressedSize, uncompressedSize, local }));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

interface EntryHeader {
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  local: number;
}

function storedEntry(buf: Buffer, name: string, h: EntryHeader): Entry {
  return {
    name,
    uncompressedSize: h.uncompressedSize,
    inflate: async (cap) => {
      if (h.flags & 0x1) throw new InputError(`entry '${name}' is encrypted`);
      if (h.local + 30 > buf.length || buf.readUInt32LE(h.local) !== LOCAL) throw new InputError(`entry '${name}' has no valid local header`);
      const start = h.local + 30 + buf.readUInt16LE(h.local + 26) + buf.readUInt16LE(h.local + 28);
      if (start + h.compressedSize > buf.length) throw new InputError(`entry '${name}' runs past the end of the archive`);
      const data = buf.subarray(start, start + h.compressedSize);
      if (h.method === STORED) return data;
      if (h.method === DEFLATED) return inflateCapped(data, h.uncompressedSize, cap, name);
      throw new InputError(`entry '${name}' uses compression method ${h.method}, which FlowGuard does not read`);
    },
  };
}

function inflateCapped(data: Uint8Array, declared: number, cap: number, name: string): Uint8Array {
  try {
    // A hard output cap: a lying size header cannot make zlib allocate more. One chunk of the
    // declared size saves zlib from concatenating many small ones.
    const chunkSize = Math.min(Math.max(declared, 64), 64 * 1024 * 1024);
    return inflateRawSync(data, { maxOutputLength: Math.max(cap, 1), chunkSize });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError(`entry '${name}' inflates beyond ${cap} bytes`);
    throw new InputError(`entry '${name}' cannot be inflated (${(err as Error).message})`);
  }
}

// ---- jszip: the general reader for archives the direct reader leaves alone ----

async function jszipEntries(bytes: Uint8Array): Promise<Entry[]> {
  let zip: JSZip;
  try {
    zip = await jszipLib().loadAsync(bytes, { createFolders: false });
  } catch (err) {
    throw new InputError(`corrupt zip archive (${(err as Error).message})`);
  }
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => ({
      name: f.name,
      // jszip keeps the central-directory facts of a loaded entry in `_data`; it is not in its typings.
      uncompressedSize: (f as unknown as { _data: { uncompressedSize: number } })._data.uncompressedSize,
      inflate: (cap: number) => streamWithCap(f, cap, f.name),
    }));
}

interface JSZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', cb: (err: Error) => void): JSZipStream;
  on(event: 'end', cb: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

function streamWithCap(entry: JSZip.JSZipObject, cap: number, name: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    // jszip's internal stream lets us stop inflating at the cap; it is public API but missing from the typings.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        total += chunk.byteLength;
        if (total > cap) {
          stream.pause();
          reject(new InputError(`entry '${name}' inflates beyond ${cap} bytes`));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (err: Error) => reject(new InputError(`entry '${name}' cannot be read (${err.message})`)))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .resume();
  });
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function describeNonZip(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('utf8');
  if (head.startsWith('version https://git-lfs')) return 'a Git LFS pointer, not the file itself (fetch it with git lfs pull)';
  if (bytes.byteLength === 0) return 'an empty file, not a zip archive';
  return 'not a zip archive';
}
