#!/usr/bin/env node
// The floor FlowGuard is benchmarked against, as a whole process: reads every file under the
// given paths and inflates every entry of every zip (nested .msapp / .zip included) with zlib,
// straight from the central directory. Prints the bytes read and inflated. Nothing is parsed.
//   node scripts/floor.mjs <paths…>        (default: .)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from './solution-zip.mjs';

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

/** Inflates every entry of a zip (and of zips inside it); returns the inflated bytes (0 for a file that is no zip). */
function inflateAll(buf) {
  let entries;
  try {
    entries = readZip(buf);
  } catch {
    return 0;
  }
  let total = 0;
  for (const e of entries) {
    const out = e.data();
    total += out.length;
    if (ZIP.test(e.name)) total += inflateAll(out);
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
