// Minimal zip reading and writing for the benchmark scripts (generate-solution.mjs, bench.mjs).
// Reading goes straight through the central directory; writing is deterministic: entries in the
// order given, one fixed date, zlib deflate at a fixed level, no extra fields, no data descriptors.
// Entries that are not changed are copied compressed, byte for byte, with their CRC.
import * as zlib from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** 1980-01-01 is the zip epoch; a fixed stamp keeps the output byte-identical run to run. */
const FIXED_TIME = 0; // 00:00:00
const FIXED_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01

let table;
function crc32js(buf) {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = table[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
/** zlib.crc32 exists from Node 20.15 / 22.2; older Node 20 falls back to a table. */
export const crc32 = typeof zlib.crc32 === 'function' ? (buf) => zlib.crc32(buf) >>> 0 : crc32js;

/**
 * The entries of a zip, in central-directory order. Each entry keeps its compressed bytes
 * (`raw`), so it can be written back unchanged; `data()` inflates it.
 */
export function readZip(buf) {
  let eocd = buf.length - 22;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  while (eocd >= stop && buf.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < stop) throw new Error('not a zip archive (no end of central directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new Error('corrupt zip archive (bad central directory entry)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (csize === 0xffffffff || usize === 0xffffffff || local === 0xffffffff) throw new Error('ZIP64 archives are not supported here');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    if (buf.readUInt32LE(local) !== LOCAL) throw new Error(`corrupt zip archive (bad local header for ${name})`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    entries.push({
      name,
      method,
      crc,
      usize,
      raw,
      utf8: (flags & 0x800) !== 0,
      data() {
        if (method === 0) return raw;
        if (method === 8) return zlib.inflateRawSync(raw);
        throw new Error(`entry '${name}' uses compression method ${method}`);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry to write from new bytes (deflated here). */
export function fileEntry(name, data, { utf8 = false } = {}) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return { name, bytes, utf8 };
}

/** An entry copied from `readZip` output under a (possibly new) name, still compressed. */
export function copyEntry(entry, name = entry.name) {
  return { name, copied: entry, utf8: entry.utf8 };
}

/** Writes the entries as one zip; the same entries always give the same bytes. */
export function writeZip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    let method, crc, usize, raw;
    if (e.copied) {
      ({ method, crc, usize, raw } = e.copied);
    } else {
      method = 8;
      crc = crc32(e.bytes);
      usize = e.bytes.length;
      raw = zlib.deflateRawSync(e.bytes, { level: 6 });
    }
    const name = Buffer.from(e.name, e.utf8 ? 'utf8' : 'latin1');
    const flags = e.utf8 ? 0x800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(FIXED_TIME, 10);
    local.writeUInt16LE(FIXED_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(FIXED_TIME, 12);
    cd.writeUInt16LE(FIXED_DATE, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(raw.length, 20);
    cd.writeUInt32LE(usize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, raw);
    central.push(cd, name);
    offset += 30 + name.length + raw.length;
    if (offset > 0xffffffff) throw new Error('archive too large for a non-ZIP64 zip');
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  if (entries.length > 0xffff) throw new Error('too many entries for a non-ZIP64 zip');
  return Buffer.concat([...parts, cdBytes, end]);
}
