// Benchmark: FlowGuard's full analysis of a folder against the raw inflate floor
// (reading every file and inflating every entry of every zip, nested zips included, with zlib).
// Usage: node scripts/bench.mjs [path] [runs]   (build first: npm run package)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = process.argv[2] ?? '../shared/corpus';
const runs = Number(process.argv[3] ?? 5);

function files(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

/** Inflates every entry of a zip (and of zips inside it) straight from the central directory. */
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
    if (/\.(msapp|zip)$/i.test(name)) total += inflateAll(Buffer.from(out));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return total;
}

function floor() {
  const t = process.hrtime.bigint();
  let bytes = 0;
  for (const f of files(root)) {
    const buf = readFileSync(f);
    bytes += /\.(zip|msapp)$/i.test(f) ? inflateAll(buf) : buf.length;
  }
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, bytes };
}

function flowguard() {
  const t = process.hrtime.bigint();
  execFileSync('node', ['dist/cli/index.js', root, '--format', 'json', '--output', '/dev/null']);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function node() {
  const t = process.hrtime.bigint();
  execFileSync('node', ['-e', '0']);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = [], g = [], n = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const r = floor();
  f.push(r.ms);
  bytes = r.bytes;
  g.push(flowguard());
  n.push(node());
}
const size = files(root).reduce((s, p) => s + statSync(p).size, 0);
console.log(`input: ${(size / 1048576).toFixed(1)} MiB on disk, ${(bytes / 1048576).toFixed(1)} MiB inflated`);
console.log(`raw inflate floor (in-process): ${median(f).toFixed(0)} ms`);
console.log(`flowguard CLI (whole process):  ${median(g).toFixed(0)} ms, of which node start-up ~${median(n).toFixed(0)} ms`);
console.log(`ratio (CLI minus start-up) / floor: ${((median(g) - median(n)) / median(f)).toFixed(2)}`);
