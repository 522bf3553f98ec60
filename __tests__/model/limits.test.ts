import { describe, expect, it } from '@jest/globals';
import { constants, deflateRawSync } from 'node:zlib';
import { loadWorkspace } from '../../src/model/workspace.js';
import { DEFAULT_LIMITS, InputError, type ReadLimits } from '../../src/source/limits.js';
import { ZipArchive } from '../../src/source/zip.js';
import { memoryTree, msapp, solutionXml, solutionZip, solutionZipFiles, unpackedTree, zipOf, type Content } from '../helpers/solution-builder.js';
import { APP, GET_ORDERS, SUBMIT_ORDER, ordersSpec, solutionAt } from './fixtures.js';

const MiB = 1024 * 1024;

/** Limits small enough that a crafted input crosses them, large enough for the healthy fixture. */
function tiny(over: Partial<ReadLimits> = {}): ReadLimits {
  return { maxFileBytes: 4 * MiB, maxEntries: 50, maxEntryBytes: 256 * 1024, maxArchiveBytes: 2 * MiB, maxNesting: 2, ...over };
}

/**
 * A raw deflate stream of `mib` MiB of zeros, made without ever holding them: one 1 MiB block,
 * sync-flushed so that copies can be concatenated, then an empty final block.
 */
function zerosDeflated(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  return Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
}

interface RawEntry {
  name: string;
  /** Stored bytes (already deflated when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size written in the headers (may lie). */
  declaredSize: number;
}

/** Writes a zip by hand, so that headers can lie about sizes. CRCs are zero (readers must not trust them anyway). */
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(e.data.byteLength, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(e.data.byteLength, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += local.length + name.length + e.data.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

function stored(name: string, content: Content): RawEntry {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data, method: 0, declaredSize: data.byteLength };
}

describe('size limits', () => {
  it('a healthy solution loads under the tiny limits used below', async () => {
    const ws = await loadWorkspace(memoryTree({ 'Orders.zip': await solutionZip(await ordersSpec()) }, tiny()));
    expect(ws.diagnostics).toEqual([]);
    expect(ws.solutions[0]?.apps[0]?.calls.map((c) => c.binding.flowId)).toEqual([GET_ORDERS, SUBMIT_ORDER]);
  });

  it('refuses a repository file over maxFileBytes (a zip, and a flow file of an unpacked tree)', async () => {
    const spec = await ordersSpec();
    const zip = await solutionZip(spec);
    const files = unpackedTree(spec, 'src');
    const flowFile = Object.keys(files).find((n) => n.includes('GetOrders') && n.endsWith('.json')) as string;
    const big = new Uint8Array(zip.byteLength + 10).fill(0x20);
    big.set(new TextEncoder().encode('{"properties": {}}'));
    files[flowFile] = big;
    const limits = tiny({ maxFileBytes: zip.byteLength - 1 });
    const ws = await loadWorkspace(memoryTree({ 'big/Orders.zip': zip, ...files }, limits));
    expect(ws.diagnostics).toEqual([
      { file: 'big/Orders.zip', severity: 'warning', message: expect.stringMatching(/cannot read zip: \d+ bytes; files over \d+ bytes are not read/) },
      { file: flowFile, severity: 'warning', message: expect.stringMatching(/files over \d+ bytes are not read/) },
    ]);
    expect(solutionAt(ws, 'src').flows.map((f) => f.id)).toEqual([SUBMIT_ORDER]);
  });

  it('refuses an entry whose declared size exceeds maxEntryBytes, naming the zip and the entry', async () => {
    const spec = await ordersSpec();
    const files = solutionZipFiles(spec).map(([n, c]): [string, Content] => (n === 'customizations.xml' ? [n, new TextDecoder().decode(c).replace('<Entities />', `<Entities>${' '.repeat(300 * 1024)}</Entities>`)] : [n, c]));
    const ws = await loadWorkspace(memoryTree({ 'big/Orders.zip': await zipOf(files), 'good/Orders.zip': await solutionZip(spec) }, tiny()));
    expect(ws.diagnostics).toEqual([
      { file: 'big/Orders.zip', inner: 'customizations.xml', severity: 'warning', message: expect.stringMatching(/entry 'customizations.xml' declares \d+ bytes uncompressed; the limit is 262144/) },
    ]);
    expect(solutionAt(ws, 'good/Orders.zip').flows).toHaveLength(2);
    // The solution itself is still listed; its flow files are read without their records.
    expect(solutionAt(ws, 'big/Orders.zip').flows.map((f) => f.state)).toEqual(['unknown', 'unknown']);
  });

  it('refuses a zip bomb whose header lies about its size, without inflating it all', async () => {
    const bomb = zerosDeflated(2048); // 2 GiB of zeros in ~2 MiB
    expect(bomb.byteLength).toBeLessThan(8 * MiB);
    const zip = rawZip([
      stored('solution.xml', solutionXml({ uniqueName: 'Bomb' })),
      { name: 'customizations.xml', data: bomb, method: 8, declaredSize: 1000 },
      stored('Workflows/Loose-0A0A0A0A-0000-4000-8000-000000000001.json', '{"properties": {"definition": {"triggers": {"manual": {"type": "Request", "kind": "Button"}}}}}'),
    ]);
    const before = process.memoryUsage();
    const started = Date.now();
    const ws = await loadWorkspace(memoryTree({ 'evil/Bomb.zip': zip, 'good/Orders.zip': await solutionZip(await ordersSpec()) }, tiny({ maxFileBytes: 16 * MiB })));
    const elapsed = Date.now() - started;
    const after = process.memoryUsage();
    expect(ws.diagnostics).toEqual([{ file: 'evil/Bomb.zip', inner: 'customizations.xml', severity: 'warning', message: expect.stringMatching(/inflates beyond 262144 bytes/) }]);
    expect(solutionAt(ws, 'evil/Bomb.zip').uniqueName).toBe('Bomb');
    expect(solutionAt(ws, 'evil/Bomb.zip').flows.map((f) => f.id)).toEqual(['0a0a0a0a-0000-4000-8000-000000000001']);
    expect(solutionAt(ws, 'good/Orders.zip').flows).toHaveLength(2);
    // Inflating 2 GiB takes seconds and the memory to hold it; stopping at the cap takes neither.
    expect(elapsed).toBeLessThan(3000);
    expect(after.arrayBuffers + after.rss - before.arrayBuffers - before.rss).toBeLessThan(512 * MiB);
  });

  it('refuses an entry that inflates to more (or less) than it declares, even under the limit', async () => {
    const text = '{"DataSources": []}';
    const liar = rawZip([stored('solution.xml', solutionXml({ uniqueName: 'Liar' })), { ...stored('customizations.xml', '<ImportExportXml />'), declaredSize: 5 }]);
    const inflated = rawZip([
      stored('solution.xml', solutionXml({ uniqueName: 'Liar2' })),
      { name: 'customizations.xml', data: deflateRawSync(Buffer.from('<ImportExportXml />')), method: 8, declaredSize: 3 },
    ]);
    const ws = await loadWorkspace(memoryTree({ 'a.zip': liar, 'b.zip': inflated, 'c.txt': text }, tiny()));
    expect(ws.diagnostics.map((d) => [d.file, d.inner, /inflates to \d+ bytes but declares \d+/.test(d.message)])).toEqual([
      ['a.zip', 'customizations.xml', true],
      ['b.zip', 'customizations.xml', true],
    ]);
  });

  it('stops at the archive budget shared by a zip and the .msapp inside it', async () => {
    const spec = await ordersSpec();
    const zip = await solutionZip(spec);
    // Measure what reading the healthy zip inflates, then allow a little less.
    const archive = await ZipArchive.open(zip);
    let total = 0;
    for (const n of archive.names) total += archive.size(n) ?? 0;
    const ws = await loadWorkspace(memoryTree({ 'Orders.zip': zip }, tiny({ maxArchiveBytes: total - 1024 })));
    expect(ws.diagnostics.length).toBeGreaterThan(0);
    expect(ws.diagnostics.every((d) => d.file === 'Orders.zip' && /limit is|inflates beyond/.test(d.message))).toBe(true);
  });

  it('refuses an archive with too many entries (a solution zip, and an .msapp inside one)', async () => {
    const spec = await ordersSpec();
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`Assets/Images/${i}.png`, 'x']));
    const crowdedApp = await msapp({ dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS }], extraEntries: many });
    const ws = await loadWorkspace(
      memoryTree(
        {
          'crowded/Orders.zip': await solutionZip({ ...spec, extraFiles: many }),
          'crowded-app/Orders.zip': await solutionZip({ ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: crowdedApp })) }),
          'good/Orders.zip': await solutionZip(spec),
        },
        tiny(),
      ),
    );
    expect(ws.diagnostics).toEqual([
      { file: 'crowded-app/Orders.zip', inner: `CanvasApps/${APP}_DocumentUri.msapp`, severity: 'warning', message: expect.stringMatching(/archive has \d+ entries; the limit is 50/) },
      { file: 'crowded/Orders.zip', severity: 'warning', message: expect.stringMatching(/cannot read zip: archive has \d+ entries; the limit is 50/) },
    ]);
    expect(ws.solutions.map((s) => s.path)).toEqual(['crowded-app/Orders.zip', 'good/Orders.zip']);
    expect(solutionAt(ws, 'crowded-app/Orders.zip').apps[0]?.document).toBe('unreadable');
    expect(solutionAt(ws, 'crowded-app/Orders.zip').flows).toHaveLength(2);
  });

  it('refuses archives nested deeper than maxNesting', async () => {
    const inner = await msapp({ dataSources: [], localConnectionReferences: {} });
    const outer = await msapp({ dataSources: [], localConnectionReferences: {}, extraEntries: { 'Resources/nested.msapp': inner } });
    const solution = await zipOf([['CanvasApps/app.msapp', outer]]);
    const level1 = await ZipArchive.open(solution, DEFAULT_LIMITS);
    const level2 = await level1.openNested('CanvasApps/app.msapp');
    expect(level2.depth).toBe(2);
    expect(level2.names).toContain('Resources/nested.msapp');
    await expect(level2.openNested('Resources\\nested.msapp')).rejects.toThrow(InputError);
    await expect(level2.openNested('Resources/nested.msapp')).rejects.toThrow(/nested deeper than 2 levels/);

    // Through the loader: with maxNesting 1 the .msapp inside a solution zip is refused, the flows are still read.
    const ws = await loadWorkspace(memoryTree({ 'Orders.zip': await solutionZip(await ordersSpec()) }, tiny({ maxNesting: 1 })));
    expect(ws.diagnostics).toEqual([
      { file: 'Orders.zip', inner: `CanvasApps/${APP}_DocumentUri.msapp`, severity: 'warning', message: expect.stringMatching(/nested deeper than 1 levels/) },
    ]);
    expect(ws.solutions[0]?.apps[0]?.document).toBe('unreadable');
    expect(ws.solutions[0]?.flows).toHaveLength(2);
  });
});
