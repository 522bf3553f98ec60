/**
 * Section-aware truncation of Markdown for GitHub's size limits:
 * a comment or review body holds at most 65,536 characters (UTF-16 code units, as GitHub counts),
 * a step's job summary at most 1 MiB (UTF-8 bytes).
 *
 * A section starts at a heading line (`#` … `######`) that is outside any code fence and `<details>` block.
 * Whole sections are kept from the top while they fit, then a notice says how many were left out.
 * Only when not even the first section fits is it cut, at a line boundary (at a character boundary for a
 * single oversized line, never inside a surrogate pair). Any code fence or `<details>` left open by a cut
 * is closed, and the result never exceeds the limit.
 */

export const COMMENT_BODY_LIMIT = 65_536;
export const SUMMARY_BYTE_LIMIT = 1024 * 1024;

/**
 * The text appended after a cut. A string may contain `{n}` (the number of sections not shown in full);
 * a function receives that number and whether the last kept section was cut inside.
 */
export type Notice = string | ((omittedSections: number, cutInsideSection: boolean) => string);

export interface FitResult {
  text: string;
  truncated: boolean;
  /** Sections in the input. Text before the first heading counts as a section. */
  totalSections: number;
  /** Sections shown in full. */
  keptSections: number;
  /** Sections not shown in full (a section cut inside counts as omitted). */
  omittedSections: number;
  /** True when the first section alone was too big and was cut at a line or character boundary. */
  cutInsideSection: boolean;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const defaultCommentNotice: Notice = (n, cut) =>
  cut
    ? `_… this report was cut to fit GitHub's comment limit; the full report (${n} ${plural(n, 'section', 'sections')}) is in the job summary._`
    : `_… ${n} more ${plural(n, 'section is', 'sections are')} in the job summary._`;

export const defaultSummaryNotice: Notice = (n, cut) =>
  cut
    ? `_… this summary was cut to fit the 1 MiB job summary limit; the full report is in the report file._`
    : `_… ${n} more ${plural(n, 'section was', 'sections were')} left out to fit the 1 MiB job summary limit; the full report is in the report file._`;

type Measure = (s: string) => number;
const utf16Length: Measure = (s) => s.length;
/** UTF-8 byte length of a string (lone surrogates count as the 3-byte replacement character, as Buffer does). */
export const utf8Length: Measure = (s) => Buffer.byteLength(s, 'utf8');

/** Markdown body fitted to `limit` UTF-16 code units (GitHub's comment and review body limit). */
export function fitMarkdown(body: string, limit: number = COMMENT_BODY_LIMIT, notice: Notice = defaultCommentNotice): string {
  return fit(body, limit, notice, utf16Length).text;
}

export function fitMarkdownDetailed(
  body: string,
  limit: number = COMMENT_BODY_LIMIT,
  notice: Notice = defaultCommentNotice,
): FitResult {
  return fit(body, limit, notice, utf16Length);
}

/** Markdown fitted to `maxBytes` UTF-8 bytes (the job summary's 1 MiB per step). */
export function fitBytes(body: string, maxBytes: number = SUMMARY_BYTE_LIMIT, notice: Notice = defaultSummaryNotice): string {
  return fit(body, maxBytes, notice, utf8Length).text;
}

export function fitBytesDetailed(
  body: string,
  maxBytes: number = SUMMARY_BYTE_LIMIT,
  notice: Notice = defaultSummaryNotice,
): FitResult {
  return fit(body, maxBytes, notice, utf8Length);
}

// ---------------------------------------------------------------------------------------------
// Structure scanning

interface State {
  fence: { ch: string; len: number } | null;
  details: number;
}

const CLEAN: State = { fence: null, details: 0 };
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

function stripEol(line: string): string {
  return line.replace(/\r?\n$/, '');
}

/** The state after one line (with or without its line ending). */
function step(state: State, line: string): State {
  const content = stripEol(line);
  if (state.fence) {
    const m = FENCE_CLOSE.exec(content);
    if (m && m[1]![0] === state.fence.ch && m[1]!.length >= state.fence.len) return { fence: null, details: state.details };
    return state;
  }
  const open = FENCE_OPEN.exec(content);
  if (open) {
    const marker = open[1]!;
    const ch = marker[0]!;
    // A backtick fence's info string may not contain backticks (CommonMark); otherwise it is inline code.
    if (ch === '~' || !open[2]!.includes('`')) return { fence: { ch, len: marker.length }, details: state.details };
  }
  const text = content.replace(/(`+)[\s\S]*?\1/g, '');
  const opens = (text.match(/<details\b/gi) ?? []).length;
  const closes = (text.match(/<\/details\s*>/gi) ?? []).length;
  if (opens === 0 && closes === 0) return state;
  return { fence: null, details: Math.max(0, state.details + opens - closes) };
}

/** The state after a whole text (exported for tests and callers that build Markdown piecewise). */
export function scanMarkdown(text: string): { openFence: string | null; openDetails: number } {
  let s = CLEAN;
  for (const line of splitLines(text)) s = step(s, line);
  return { openFence: s.fence ? s.fence.ch.repeat(s.fence.len) : null, openDetails: s.details };
}

/** Lines with their line endings; the last may lack one. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function closers(state: State): string {
  let out = '';
  if (state.fence) out += `${state.fence.ch.repeat(state.fence.len)}\n`;
  for (let i = 0; i < state.details; i++) out += '</details>\n';
  return out;
}

function noticeText(notice: Notice, omitted: number, cut: boolean): string {
  return typeof notice === 'function' ? notice(omitted, cut) : notice.replace(/\{n\}/g, String(omitted));
}

/** What follows the kept text: a line break if needed, closers, a blank line and the notice. */
function tail(keptEndsWithNewline: boolean, keptEmpty: boolean, state: State, notice: string): string {
  let t = keptEmpty || keptEndsWithNewline ? '' : '\n';
  t += closers(state);
  if (notice) t += keptEmpty && t === '' ? notice : `\n${notice}`;
  return t;
}

interface Section {
  text: string;
  lines: string[];
}

function sections(body: string): Section[] {
  const out: Section[] = [];
  let state = CLEAN;
  let current: string[] = [];
  for (const line of splitLines(body)) {
    if (current.length > 0 && state.fence === null && state.details === 0 && HEADING.test(stripEol(line))) {
      out.push({ text: current.join(''), lines: current });
      current = [];
    }
    current.push(line);
    state = step(state, line);
  }
  if (current.length > 0) out.push({ text: current.join(''), lines: current });
  return out;
}

function fit(body: string, limit: number, notice: Notice, measure: Measure): FitResult {
  const limitN = Math.max(0, Math.floor(limit));
  const secs = sections(body);
  const total = secs.length;
  if (measure(body) <= limitN) {
    return { text: body, truncated: false, totalSections: total, keptSections: total, omittedSections: 0, cutInsideSection: false };
  }

  // 1. Whole sections from the top.
  let best = 0;
  let bestText = '';
  let used = 0;
  let state = CLEAN;
  let kept = '';
  for (let k = 1; k < total; k++) {
    const sec = secs[k - 1]!;
    used += measure(sec.text);
    for (const line of sec.lines) state = step(state, line);
    kept += sec.text;
    const t = tail(kept.endsWith('\n'), kept === '', state, noticeText(notice, total - k, false));
    if (used + measure(t) > limitN) break;
    best = k;
    bestText = kept + t;
  }
  if (best > 0) {
    return { text: bestText, truncated: true, totalSections: total, keptSections: best, omittedSections: total - best, cutInsideSection: false };
  }

  // 2. Not even the first section fits: cut it at a line boundary, closing what is open.
  const first = secs[0]?.lines ?? [];
  const note = noticeText(notice, total, true);
  let text = '';
  used = 0;
  state = CLEAN;
  kept = '';
  let candidate = tail(false, true, CLEAN, note);
  if (measure(candidate) <= limitN) text = candidate;
  let lineCount = 0;
  for (const line of first) {
    const nextState = step(state, line);
    const nextUsed = used + measure(line);
    const t = tail(line.endsWith('\n'), false, nextState, note);
    if (nextUsed + measure(t) > limitN) break;
    used = nextUsed;
    state = nextState;
    kept += line;
    text = kept + t;
    lineCount++;
  }
  // 3. Not even the first line fits: cut it at a character boundary.
  if (lineCount === 0 && first.length > 0) {
    const line = stripEol(first[0]!);
    const fits = (c: number): string | undefined => {
      const part = line.slice(0, c);
      const out = part + tail(false, part === '', step(CLEAN, part), note);
      return measure(out) <= limitN ? out : undefined;
    };
    let lo = 0;
    let hi = line.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid) !== undefined) lo = mid;
      else hi = mid - 1;
    }
    let c = lo;
    const code = line.charCodeAt(c - 1);
    if (c > 0 && code >= 0xd800 && code <= 0xdbff) c--;
    if (c > 0) text = fits(c) ?? text;
  }
  if (measure(text) > limitN) text = '';
  return { text, truncated: true, totalSections: total, keptSections: 0, omittedSections: total, cutInsideSection: true };
}
