import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from '../source/json-bytes.js';
import { asArray, parseJson, parseJsonText, prop } from '../source/decode.js';

// Exports write the ApiId in lower case and the ServiceKind as AddinWadl.
const FLOW_MARKERS = ['logicflows', 'AddinWadl'].map((m) => Buffer.from(m));

const NAME_KEY = Buffer.from('"Name"');

/**
 * The entries of `References/DataSources.json` that may be flows. The file also holds every table
 * and connector definition an app uses, often megabytes (tens, with the connectors' WADL inlined):
 * rather than parse it all, one scan finds the byte ranges of the `DataSources` array's elements and,
 * for each, whether one of its own string fields names a flow (`…/shared_logicflows`, `AddinWadl`)
 * or its `Name` key. Only those elements are parsed. Anything unexpected in the layout falls back to
 * parsing the whole file (which then reports invalid JSON properly).
 */
export function flowDataSourceCandidates(bytes: Uint8Array): unknown[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Native searches first: half the bytes of real apps' DataSources.json belong to apps that call no flow.
  if (!FLOW_MARKERS.some((m) => buf.includes(m))) return [];
  const elements = scanElements(buf);
  if (!elements) return asArray(prop(parseJson(bytes), 'DataSources'));
  // An element without a Name is no data source at all: parsed so that the reader can name it.
  return elements.filter((e) => e.flowMarker || !e.name).map((e) => parseJsonText(buf.toString('utf8', e.start, e.end)));
}

interface ElementScan {
  start: number;
  end: number;
  /** One of the element's own string fields (not nested ones) is a flow marker (see {@link isFlowMarker}). */
  flowMarker: boolean;
  /** The element has its own `"Name"` key. */
  name: boolean;
}

/**
 * Whether the string whose quotes are at `open` and `close` is a flow marker: an ApiId ending in
 * `logicflows` or the ServiceKind `AddinWadl` (letters compared without case). Byte compares only:
 * this runs for every field of every data source.
 */
function isFlowMarker(buf: Buffer, open: number, close: number): boolean {
  return endsWith(buf, open + 1, close, LOGICFLOWS) || (close - open - 1 === ADDIN_WADL.length && endsWith(buf, open + 1, close, ADDIN_WADL));
}

function endsWith(buf: Buffer, start: number, end: number, suffix: Buffer): boolean {
  if (end - start < suffix.length) return false;
  const from = end - suffix.length;
  for (let k = 0; k < suffix.length; k++) if (((buf[from + k] as number) | 0x20) !== (suffix[k] as number)) return false;
  return true;
}

// Lower case: compared with each byte OR 0x20 (ASCII letters only in both).
const LOGICFLOWS = Buffer.from('logicflows');
const ADDIN_WADL = Buffer.from('addinwadl');

/** The index of the quote that closes the string opened at `open`: a quote preceded by an even number of backslashes. Found with native searches, not byte by byte. */
function stringEnd(buf: Buffer, open: number): number {
  let q = buf.indexOf(QUOTE, open + 1);
  while (q >= 0) {
    let slashes = 0;
    while (buf[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q;
    q = buf.indexOf(QUOTE, q + 1);
  }
  return -1;
}

/** The objects two levels down (`{"DataSources": [ {…}, {…} ]}`), or undefined when the file does not have that shape. */
function scanElements(buf: Buffer): ElementScan[] | undefined {
  const out: ElementScan[] = [];
  let depth = 0;
  let current: ElementScan | undefined;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number;
    if (c === QUOTE) {
      const end = stringEnd(buf, i);
      if (end < 0) return undefined;
      if (depth === 3 && current) {
        if (!current.name && end - i === NAME_KEY.length - 1 && buf.compare(NAME_KEY, 0, NAME_KEY.length, i, end + 1) === 0) current.name = true;
        if (!current.flowMarker && isFlowMarker(buf, i, end)) current.flowMarker = true;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth === 3) {
        if (c !== OPEN_OBJECT) return undefined;
        current = { start: i, end: i, flowMarker: false, name: false };
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 3 && current) {
        current.end = i + 1;
        out.push(current);
        current = undefined;
      }
      depth--;
      if (depth < 0) return undefined;
    }
  }
  return depth === 0 ? out : undefined;
}
