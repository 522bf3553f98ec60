/**
 * Azure Pipelines logging commands: `##vso[area.action key=value;key=value]message`, one per line on
 * standard output. Property values and the message are escaped as the agent expects (it unescapes both):
 * `%` → `%AZP25`, `;` → `%3B`, `\r` → `%0D`, `\n` → `%0A`, `]` → `%5D`. `%` goes first, so an input that
 * already looks escaped survives the round trip.
 */
import type { Finding } from '../rules/types.js';
import { toAnnotations, MAX_ANNOTATIONS } from '../report/annotations.js';

const ESCAPES: readonly [RegExp, string][] = [
  [/%/g, '%AZP25'],
  [/;/g, '%3B'],
  [/\r/g, '%0D'],
  [/\n/g, '%0A'],
  [/]/g, '%5D'],
];

/** Escapes a property value or message of a logging command. */
export function escapeCommand(text: string): string {
  let out = text;
  for (const [re, to] of ESCAPES) out = out.replace(re, to);
  return out;
}

/** Undoes {@link escapeCommand} (for tests and for reading logs). */
export function unescapeCommand(text: string): string {
  return text.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%AZP25/g, '%');
}

/** One logging command line, without the line ending. Property names are trusted; empty values are left out. */
export function command(name: string, properties: Record<string, string | number | undefined>, message = ''): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeCommand(String(v))}`)
    .join(';');
  return `##vso[${name}${props ? ` ${props}` : ''}]${escapeCommand(message)}`;
}

/**
 * A line for the log that the agent will not read as a command: the agent looks for `##vso[` (and `##[`)
 * anywhere in a line, so untrusted text must not carry one; line breaks become spaces.
 */
export function plainLine(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/##(vso)?\[/gi, (m) => `# ${m.slice(1)}`);
}

export interface IssueOptions {
  sourcepath?: string;
  linenumber?: number;
  code?: string;
}

export function logIssue(type: 'error' | 'warning', message: string, o: IssueOptions = {}): string {
  return command('task.logissue', { type, sourcepath: o.sourcepath, linenumber: o.linenumber, code: o.code }, message);
}

export function uploadSummary(file: string): string {
  return command('task.uploadsummary', {}, file);
}

export function complete(result: 'Succeeded' | 'SucceededWithIssues' | 'Failed', message: string): string {
  // `result=Failed;` with the trailing `;`, as the documentation writes it.
  return `##vso[task.complete result=${result};]${escapeCommand(message)}`;
}

export function setVariable(name: string, value: string | number): string {
  return command('task.setvariable', { variable: name }, String(value));
}

export interface IssueLines {
  /** `task.logissue` lines for errors and warnings; notes (Azure has no notice level) as plain log lines. */
  lines: string[];
  /** Findings left out by the cap. */
  overflow: number;
}

/**
 * The findings as issues of the build, worst first and capped like GitHub annotations, each on its file
 * (`linenumber=1`: FlowGuard reports files, not lines). Message texts come from {@link toAnnotations}:
 * plain, redacted, with the path inside an archive and the first fix step.
 */
export function findingIssues(findings: readonly Finding[], max: number = MAX_ANNOTATIONS): IssueLines {
  const { annotations, overflow } = toAnnotations(findings, max);
  const lines = annotations.map((a) => {
    const text = `${a.title}: ${a.message}`;
    if (a.level === 'notice') return plainLine(`FlowGuard note: ${a.file}: ${text}`);
    const ruleId = /^(FG\d{3})\b/.exec(a.title)?.[1];
    return logIssue(a.level, text, { sourcepath: a.file, linenumber: 1, ...(ruleId ? { code: ruleId } : {}) });
  });
  if (overflow > 0) lines.push(`FlowGuard: ${overflow} more finding(s) are not listed as issues; see the FlowGuard build summary.`);
  return { lines, overflow };
}
