import { asArray, parseJson, parseJsonText, prop } from '../source/decode.js';

// Exports write the ApiId in lower case and the ServiceKind as AddinWadl.
const FLOW_MARKERS = ['logicflows', 'AddinWadl'];

const NAME_KEY = '"Name"';
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * The entries of `References/DataSources.json` that may be flows. The file also holds every table
 * and connector definition an app uses, often megabytes: rather than parse it all, find the byte
 * ranges of the `DataSources` array's elements and parse only those that mention a flow marker.
 * Anything unexpected in the layout falls back to parsing the whole file (which then reports
 * invalid JSON properly).
 */
export function flowDataSourceCandidates(bytes: Uint8Array): unknown[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!FLOW_MARKERS.some((m) => buf.includes(m))) return [];
  const ranges = elementRanges(buf);
  if (!ranges) return asArray(prop(parseJson(bytes), 'DataSources'));
  const out: unknown[] = [];
  for (const [start, end] of ranges) {
    const element = buf.subarray(start, end);
    // An element without a Name is no data source at all: parsed so that the reader can name it.
    if (FLOW_MARKERS.some((m) => element.includes(m)) || !element.includes(NAME_KEY)) out.push(parseJsonText(element.toString('utf8')));
  }
  return out;
}

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

/** Byte ranges of the objects two levels down (`{"DataSources": [ {…}, {…} ]}`), or undefined when the file does not have that shape. */
function elementRanges(buf: Buffer): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number;
    if (c === QUOTE) {
      i = stringEnd(buf, i);
      if (i < 0) return undefined;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth === 3) {
        if (c !== OPEN_OBJECT) return undefined;
        start = i;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 3) ranges.push([start, i + 1]);
      depth--;
      if (depth < 0) return undefined;
    }
  }
  return depth === 0 ? ranges : undefined;
}
