#!/usr/bin/env node
// The floor FlowGuard is benchmarked against, as a whole process: reads every file under the
// given paths and inflates every entry of every zip (nested .msapp / .zip included) with zlib,
// straight from the central directory. Prints the bytes read and inflated. Nothing is parsed.
//   node scripts/floor.mjs <paths…>        (default: .)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ZIP = /\.(zip|msapp)$/i;

function files(path, out = []) {
  if (!statSync(path).isDirectory()) {
    out.push(path);
    return out;
  }
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const p = join(path, e.name);
    if (e.isDirectory()) files(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Inflates every entry of a zip (and of zips inside it); returns the inflated bytes. */
function inflateAll(buf) {
  let total = 0;
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return 0;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + csize);
    const out = method === 8 ? inflateRawSync(data) : data;
    total += out.length;
    if (ZIP.test(name)) total += inflateAll(out);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return total;
}

const paths = process.argv.slice(2);
let disk = 0;
let inflated = 0;
let count = 0;
for (const root of paths.length > 0 ? paths : ['.']) {
  for (const f of files(root)) {
    const buf = readFileSync(f);
    count++;
    disk += buf.length;
    inflated += ZIP.test(f) ? inflateAll(buf) : buf.length;
  }
}
console.log(JSON.stringify({ files: count, diskBytes: disk, inflatedBytes: inflated }));
