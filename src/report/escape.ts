/**
 * Escaping for text that comes from pull-request content (solution, app, flow and data-source names,
 * file paths, messages that quote them) before a reporter prints it.
 *
 * Every function here is pure and applies {@link redactSecrets} first, so a caller cannot forget it.
 */

/** Default cap for a name printed in Markdown (code points, before escaping). */
export const DEFAULT_MAX_NAME_LENGTH = 200;
/** Cap for longer free text (finding messages, mitigation steps). */
export const MAX_MESSAGE_LENGTH = 2000;

const ELLIPSIS = '…';
const ZWSP = '\u200b';

/**
 * `sig=<value>` as found in SAS-signed URLs such as a flow's `workFlowCallbackUri`
 * (also when percent-encoded as `sig%3D`, or JSON-escaped). The value runs to the next URL or text delimiter.
 */
const SIG_PARAM = /(^|[^A-Za-z0-9_]|\\u0026|%26)(sig(?:=|%3D))[^&\s#"'<>\\)\]]+/gi;
/** An Azure subscription segment, optionally followed by its resource group. */
const AZURE_RESOURCE_ID =
  /\/subscriptions\/[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}(\/resourceGroups\/[^/\s?#"'<>\\]+)?/gi;

/**
 * Replaces secrets that pull-request content may carry:
 * the `sig=` signature of SAS URLs (flow callback URLs work as bearer tokens) and the subscription id
 * and resource-group name of Azure resource ids.
 * Idempotent: redacting twice gives the same text.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(SIG_PARAM, (_m, before: string, key: string) => `${before}${key}REDACTED`)
    .replace(AZURE_RESOURCE_ID, (_m, rg: string | undefined) => {
      if (rg === undefined) return '/subscriptions/REDACTED';
      const segment = rg.slice(1, rg.indexOf('/', 1));
      return `/subscriptions/REDACTED/${segment}/REDACTED`;
    });
}

/**
 * C0 and C1 controls, DEL, bidirectional overrides and isolates (they can make text read differently
 * from what it is), and the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

/** Turns line breaks and tabs into spaces, drops other control and bidi characters, and collapses runs of spaces. */
export function stripControl(text: string): string {
  return text
    .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Like {@link stripControl} but keeps `\n` (normalising `\r\n`), for multi-line plain text such as annotation messages. */
export function stripControlKeepNewlines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL_EXCEPT_NEWLINE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Cuts text to `max` code points (never splitting a surrogate pair), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  if (max <= 0) return '';
  return points.slice(0, max - 1).join('') + ELLIPSIS;
}

/** Redacts, strips control characters and caps: the plain-text form of an untrusted string, on one line. */
export function plainText(text: string, maxLength: number = MAX_MESSAGE_LENGTH): string {
  return truncate(stripControl(redactSecrets(text)), maxLength);
}

/**
 * Breaks GitHub's autolinks in text: `@user` / `@org/team` mentions and `#123` / `GH-123` issue
 * references get a zero-width space so they neither notify anyone nor link to an issue.
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}

const MARKDOWN_META = /[\\`*_{}[\]()#+\-.!|~]/g;

/**
 * Escapes untrusted text for Markdown (GitHub-flavoured, inline context): redacts secrets, strips
 * control characters and newlines, caps the length, neutralises mentions and issue references,
 * backslash-escapes Markdown punctuation (including `|`, so it is safe in a table cell) and encodes
 * `&`, `<` and `>` as HTML entities.
 *
 * Not for HTML blocks (backslash escapes are not processed there): use {@link escapeHtml}.
 */
export function escapeMarkdown(text: string, maxLength: number = DEFAULT_MAX_NAME_LENGTH): string {
  const clean = neutralizeMentions(plainText(text, maxLength));
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_META, (c) => `\\${c}`);
}

/** The most characters (code points of Markdown source) a cell of the comment's first table holds. */
export const MAX_CELL_LENGTH = 120;

/** Length in code points, as cells are measured. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * {@link escapeMarkdown} for a table cell of at most `max` code points of Markdown source. Longer text is
 * cut before it is escaped, so a cut never falls inside an escape sequence or entity: at the last word
 * boundary that fits (in the second half of what fits), else at a code point, then an ellipsis.
 */
export function escapeCell(text: string, max: number = MAX_CELL_LENGTH): string {
  const clean = plainText(text, MAX_MESSAGE_LENGTH);
  const full = escapeMarkdown(clean, MAX_MESSAGE_LENGTH);
  if (codePoints(full) <= max) return full;
  if (max <= 0) return '';
  const points = Array.from(clean);
  const fits = (n: number): boolean => codePoints(escapeMarkdown(points.slice(0, n).join(''), MAX_MESSAGE_LENGTH)) + 1 <= max;
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const space = points.lastIndexOf(' ', lo);
  const cut = space > lo / 2 && space <= lo ? space : lo;
  const head = points.slice(0, cut).join('').replace(/[\s,;:]+$/, '');
  return `${escapeMarkdown(head, MAX_MESSAGE_LENGTH)}${ELLIPSIS}`;
}

/** Escapes untrusted text for HTML element content (no Markdown processing happens there). */
export function escapeHtml(text: string, maxLength: number = DEFAULT_MAX_NAME_LENGTH): string {
  return neutralizeMentions(plainText(text, maxLength))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Escapes untrusted text for a double- or single-quoted HTML attribute value. */
export function escapeHtmlAttr(text: string, maxLength: number = DEFAULT_MAX_NAME_LENGTH): string {
  return plainText(text, maxLength)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;');
}

export interface InlineCodeOptions {
  maxLength?: number;
  /** Escape `|` as `\|`: GitHub splits table cells on pipes even inside code spans. */
  table?: boolean;
}

/**
 * A Markdown code span holding untrusted text verbatim: the fence is one backtick longer than the
 * longest backtick run inside, and the content is padded with spaces when it starts or ends with a
 * backtick (CommonMark strips one space on each side). Code spans are not linked by GitHub, so
 * mentions need no neutralising here.
 */
export function inlineCode(text: string, options: InlineCodeOptions = {}): string {
  let content = plainText(text, options.maxLength ?? DEFAULT_MAX_NAME_LENGTH);
  if (options.table) content = content.replace(/\|/g, '\\|');
  if (content === '') return '` `';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' '));
  return pad ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

/** Links FlowGuard itself cites (Microsoft Learn); only these are turned into links in Markdown. */
const TRUSTED_LINK = /https:\/\/learn\.microsoft\.com\/[A-Za-z0-9/#._~%-]+/g;

/** {@link escapeMarkdown}, except that Microsoft Learn URLs stay clickable autolinks. */
export function escapeMarkdownWithLinks(text: string, maxLength: number = DEFAULT_MAX_NAME_LENGTH): string {
  const clean = plainText(text, maxLength);
  let out = '';
  let last = 0;
  for (const m of clean.matchAll(TRUSTED_LINK)) {
    const url = m[0].replace(/[.]+$/, '');
    out += escapeSegment(clean.slice(last, m.index), maxLength) + `<${url}>`;
    last = (m.index ?? 0) + url.length;
  }
  return out + escapeSegment(clean.slice(last), maxLength);
}

/** escapeMarkdown for a piece of a line: the spaces at its ends are part of the line and stay. */
function escapeSegment(seg: string, maxLength: number): string {
  const lead = /^\s*/.exec(seg)?.[0] ?? '';
  const trail = seg.length > lead.length ? (/\s*$/.exec(seg)?.[0] ?? '') : '';
  return lead + escapeMarkdown(seg, maxLength) + trail;
}
