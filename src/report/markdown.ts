import type { Severity } from '../model/types.js';
import type { Finding } from '../rules/types.js';
import {
  analysisStats,
  callersOf,
  connectionModeLabel,
  errorCodeDocs,
  formulasMayCall,
  indexFlows,
  lookupFlow,
  normalizeFlowId,
  ruleDocsUrl,
  type FlowEntry,
} from './common.js';
import { MAX_CELL_LENGTH, MAX_MESSAGE_LENGTH, codePoints, escapeCell, escapeMarkdown, inlineCode, redactSecrets, escapeMarkdownWithLinks } from './escape.js';
import { SEVERITIES, SEVERITY_STYLE, countPhrase, plural } from './severity.js';
import { compareText, countBySeverity, isNew, sortChanges, sortDiagnostics, sortFindings } from './sort.js';
import type { ChangeJson, Report, RenderContext, SolutionJson } from './types.js';
import { targetMarkdown } from './target-section.js';
import { REPORT_MARKER } from './marker.js';

export { REPORT_MARKER };
/** GitHub rejects issue and pull-request comments over 65,536 characters; keep a margin. */
export const MAX_COMMENT_LENGTH = 65_000;
/** Budget for `$GITHUB_STEP_SUMMARY` (1 MiB per step). */
export const MAX_SUMMARY_LENGTH = 1_000_000;

export interface MarkdownOptions {
  /** Upper bound for the length of the result (UTF-16 code units); default {@link MAX_COMMENT_LENGTH}. */
  maxLength?: number;
  /** Where the full report can be read when this one had to be shortened (e.g. "the job summary"). */
  fullReportHint?: string;
  /** First line of the body; default {@link REPORT_MARKER}. Pass the keyed marker of a keyed sticky comment. */
  marker?: string;
}

/** What a rendering pass includes; later passes drop parts to fit the size budget. */
interface Detail {
  existingBodies: boolean;
  dependencyMap: boolean;
  mitigations: boolean;
  changes: boolean;
  /** At most this many findings are printed in full (new/severity sections first). */
  findingLimit: number;
  diagnosticsLimit: number;
  shortened: boolean;
}

const FULL: Detail = {
  existingBodies: true,
  dependencyMap: true,
  mitigations: true,
  changes: true,
  findingLimit: Number.POSITIVE_INFINITY,
  diagnosticsLimit: 50,
  shortened: false,
};

/**
 * The pull-request comment (and job summary) body.
 *
 * Findings are sorted by severity, solution path, app, flow, rule id and fingerprint
 * ({@link sortFindings}), then grouped: by status when `ctx.compared` (new, fixed, already present),
 * else by severity; inside a section by solution and app (groups in order of their worst finding), then by
 * flow (findings without a flow first, then flows in order of their worst finding).
 * When the text exceeds `options.maxLength`, it drops, in order, the bodies of already-present findings,
 * the dependency map, the how-to-fix steps and the change list, then prints fewer findings, and says so.
 */
export function renderMarkdown(report: Report, ctx: RenderContext, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? MAX_COMMENT_LENGTH;
  const hint = options.fullReportHint ?? 'the job summary and the SARIF and JSON reports';
  const marker = options.marker ?? REPORT_MARKER;
  const passes: Detail[] = [
    FULL,
    { ...FULL, existingBodies: false, shortened: true },
    { ...FULL, existingBodies: false, dependencyMap: false, shortened: true },
    { ...FULL, existingBodies: false, dependencyMap: false, mitigations: false, shortened: true },
    { ...FULL, existingBodies: false, dependencyMap: false, mitigations: false, changes: false, diagnosticsLimit: 10, shortened: true },
  ];
  let last = '';
  for (const detail of passes) {
    last = render(report, ctx, detail, hint, marker);
    if (last.length <= max) return last;
  }
  // Print fewer findings until it fits.
  const base = passes[passes.length - 1] as Detail;
  let limit = report.findings.length;
  while (limit > 0) {
    limit = Math.floor(limit / 2);
    last = render(report, ctx, { ...base, findingLimit: limit, diagnosticsLimit: 0 }, hint, marker);
    if (last.length <= max) return last;
  }
  return last;
}

const BREAK_TABLE_ROWS = 10;
/** The app's share of the first cell; the flow gets the rest. */
const APP_CELL_SHARE = 56;

/** What breaks: as many whole phrases as fit in a cell, then `; +N more`; a first phrase too long is cut. */
function briefsCell(briefs: readonly string[]): string {
  for (let n = briefs.length; n > 1; n--) {
    const text = escapeMarkdown(briefs.slice(0, n).join('; '), MAX_MESSAGE_LENGTH) + (n < briefs.length ? `; \\+${briefs.length - n} more` : '');
    if (codePoints(text) <= MAX_CELL_LENGTH) return text;
  }
  const rest = briefs.length > 1 ? `; \\+${briefs.length - 1} more` : '';
  return escapeCell(briefs[0] ?? '', MAX_CELL_LENGTH - codePoints(rest)) + rest;
}

/** Most error codes a cell lists; the finding below lists them all. */
const CODES_IN_CELL = 2;

/** Error codes as code spans, one a line (the column is as wide as the longest), at most two, then `+N more`. */
function codesCell(codes: readonly string[]): string {
  if (codes.length === 0) return '—';
  const spans = codes.map((c) => inlineCode(c, { table: true, maxLength: 50 }));
  for (let n = Math.min(CODES_IN_CELL, spans.length); n > 0; n--) {
    const text = spans.slice(0, n).join('<br>') + (n < spans.length ? `<br>+${spans.length - n} more` : '');
    if (codePoints(text) <= MAX_CELL_LENGTH) return text;
  }
  return `+${spans.length}`;
}

function render(report: Report, ctx: RenderContext, detail: Detail, hint: string, marker: string): string {
  const r = new Renderer(report, ctx, detail);
  const out: string[] = [marker, `## ${r.verdict()}`, ''];
  if (detail.shortened) {
    out.push(`> [!NOTE]`, `> This comment was shortened to fit GitHub's size limit. The full report is in ${hint}.`, '');
  }
  // The sections first: the table links only to the findings they print.
  const sections = r.findingSections();
  out.push(...r.breakTable());
  out.push(...sections);
  out.push(...targetMarkdown(report, (id) => ctx.rules.find((m) => m.id === id)?.brief));
  if (report.changes && report.changes.length > 0) out.push(...r.changes(report.changes));
  out.push(...r.dependencyMap());
  out.push(...r.diagnostics());
  out.push(...r.footer());
  // Every untrusted string was redacted when escaped; one more pass covers the rest (links, rule metadata).
  return redactSecrets(`${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
}

class Renderer {
  private readonly sorted: Finding[];
  private readonly codeDocs: Map<string, string>;
  private readonly ruleBrief: Map<string, string>;
  private readonly anchors = new Map<Finding, string>();
  private readonly printedAnchors = new Set<Finding>();
  private printed = 0;

  constructor(
    private readonly report: Report,
    private readonly ctx: RenderContext,
    private readonly detail: Detail,
  ) {
    this.sorted = sortFindings(report.findings);
    this.codeDocs = errorCodeDocs(ctx.rules);
    this.ruleBrief = new Map(ctx.rules.filter((r) => r.brief).map((r) => [r.id, r.brief as string]));
    // GitHub's sanitizer keeps `<a name>` (not `id`) and prefixes user-content names with `user-content-`; its
    // script maps `#x` onto `user-content-x`. With the prefix written, the link matches either way (docs/report-format.md).
    const seen = new Map<string, number>();
    for (const f of this.sorted) {
      const base = `user-content-fg-${f.fingerprint.replace(/[^A-Za-z0-9-]/g, '')}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      this.anchors.set(f, n === 1 ? base : `${base}-${n}`);
    }
  }

  private anchorOf(f: Finding): string {
    return this.anchors.get(f) ?? '';
  }

  /** `❌ FlowGuard: 2 errors, 1 warning — 2 apps will break at run time`. */
  verdict(): string {
    const { report, ctx } = this;
    const tool = escapeMarkdown(report.tool.name || 'FlowGuard');
    const considered = ctx.compared ? this.sorted.filter(isNew) : this.sorted;
    const unread = report.diagnostics.length > 0 ? ` · ${plural(report.diagnostics.length, 'file')} could not be read` : '';
    const context: string[] = [];
    if (ctx.compared) {
      const existing = this.sorted.length - considered.length;
      if (existing > 0) context.push(`${existing} already present`);
      const fixed = report.fixed?.length ?? 0;
      if (fixed > 0) context.push(`${fixed} fixed`);
    }
    const contextText = context.length > 0 ? ` (${context.join(', ')})` : '';
    if (considered.length === 0) {
      if (ctx.compared) return `✅ ${tool}: no new integration problems in this pull request${contextText}${unread}`;
      if (report.solutions.length === 0) return `ℹ️ ${tool}: no Power Platform solutions found${unread}`;
      return `✅ ${tool}: no integration problems found in ${plural(report.solutions.length, 'solution')}${unread}`;
    }
    const counts = countBySeverity(considered);
    const worst = SEVERITIES.find((s) => counts[s] > 0) as Severity;
    const breaking = new Set(
      considered.filter((f) => f.severity === 'error' && f.app).map((f) => `${f.solution.path}\u0000${f.app?.name}`),
    ).size;
    const apps = breaking > 0 ? ` — ${plural(breaking, 'app')} will break at run time` : '';
    const phrase = ctx.compared
      ? [countPhrase(countBySeverity(considered.filter((f) => f.status !== 'changed')), 'new '), countPhrase(countBySeverity(considered.filter((f) => f.status === 'changed')), 'changed ')]
          .filter((p) => p !== '')
          .join(', ')
      : countPhrase(countBySeverity(considered));
    return `${SEVERITY_STYLE[worst].icon} ${tool}: ${phrase}${contextText}${apps}${unread}`;
  }

  /**
   * The ten-second table: one row per app → flow → cause (the findings of one rule on one app and flow),
   * errors and warnings first, with what breaks in a few words, the predicted errors and a link down to
   * the finding. Every cell is at most {@link MAX_CELL_LENGTH} characters of Markdown. Call after
   * {@link findingSections}: a row links only to a finding printed in full.
   */
  breakTable(): string[] {
    const considered = (this.ctx.compared ? this.sorted.filter(isNew) : this.sorted).filter((f) => f.app && f.severity !== 'note');
    if (considered.length === 0) return [];
    const causes = groupBy(considered, (f) => [f.solution.path, f.app?.name ?? '', f.flow?.id ?? '', f.ruleId].join('\u0000'));
    const rows = causes.slice(0, BREAK_TABLE_ROWS).map((group) => `| ${this.causeCells(group).join(' | ')} |`);
    const more = causes.length > BREAK_TABLE_ROWS ? [`…and ${plural(causes.length - BREAK_TABLE_ROWS, 'more cause')} below.`, ''] : [];
    return ['| App → flow | What breaks | Predicted error | Finding |', '|---|---|---|---|', ...rows, '', ...more];
  }

  /** The cells of one cause: its findings are sorted, so the first is the worst. */
  private causeCells(group: readonly Finding[]): string[] {
    const first = group[0] as Finding;
    const icon = SEVERITY_STYLE[first.severity].icon;
    const app = escapeCell(first.app?.displayName || first.app?.name || '', APP_CELL_SHARE);
    const used = codePoints(`${icon} ${app} → `);
    const component = first.flow ? `${icon} ${app} → ${escapeCell(first.flow.name || first.flow.id, MAX_CELL_LENGTH - used)}` : `${icon} ${app}`;
    // A change finding's evidence says what breaks, phrase by phrase.
    const phrases = (f: Finding): string[] => {
      const evidence = (f.evidence ?? []).map((e) => e.brief);
      return evidence.length > 0 && evidence.every((b) => b) ? (evidence as string[]) : [f.brief ?? this.ruleBrief.get(f.ruleId) ?? f.rule];
    };
    const unique = [...new Set(group.flatMap(phrases))];
    // Several findings that say the same (one app's several committed URLs): one phrase, counted.
    const briefs = unique.length === 1 && group.length > 1 ? [`${unique[0]} (${group.length} findings)`] : unique;
    const codes = [...new Set(group.flatMap((f) => f.errorCodes))];
    const anchored = group.find((f) => this.printedAnchors.has(f));
    const link = anchored ? `[${escapeMarkdown(anchored.ruleId, 20)}](#${this.anchorOf(anchored)})` : escapeMarkdown(first.ruleId, 20);
    return [component, briefsCell(briefs), codesCell(codes), link];
  }

  findingSections(): string[] {
    const { ctx, report } = this;
    const out: string[] = [];
    if (ctx.compared) {
      const added = this.sorted.filter(isNew);
      const existing = this.sorted.filter((f) => !isNew(f));
      const title = added.some((f) => f.status === 'changed') ? 'New or changed in this pull request' : 'New in this pull request';
      out.push(`### ${title} (${added.length})`, '');
      out.push(...(added.length > 0 ? this.groups(added) : ['No new problems.', '']));
      const fixed = sortFindings(report.fixed ?? []);
      if (fixed.length > 0) {
        out.push(`### Fixed (${fixed.length})`, '');
        for (const f of fixed) out.push(`- ✅ ${this.ruleLabel(f)} — ${this.componentLabel(f)}${escapeMarkdown(f.message, MAX_MESSAGE_LENGTH)}`);
        out.push('');
      }
      if (existing.length > 0) {
        if (this.detail.existingBodies) {
          out.push(`<details><summary>Already present before this pull request (${existing.length})</summary>`, '');
          out.push(...this.groups(existing));
          out.push('</details>', '');
        } else {
          out.push(`${plural(existing.length, 'finding')} already present before this pull request (not shown).`, '');
        }
      }
      return out;
    }
    if (this.sorted.length === 0) return out;
    for (const severity of SEVERITIES) {
      const group = this.sorted.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      out.push(`### ${SEVERITY_STYLE[severity].heading} (${group.length})`, '');
      out.push(...this.groups(group));
    }
    return out;
  }

  /** Findings (already sorted) by solution + app, then flow; groups in order of first appearance. */
  private groups(findings: readonly Finding[]): string[] {
    const out: string[] = [];
    const byApp = groupBy(findings, (f) => [f.solution.path, f.solution.uniqueName, f.app?.name ?? '', f.app?.displayName ?? ''].join('\u0000'));
    let omitted = 0;
    for (const appGroup of byApp) {
      const first = appGroup[0] as Finding;
      const remaining = this.detail.findingLimit - this.printed;
      if (remaining <= 0) {
        omitted += appGroup.length;
        continue;
      }
      // The path tells apart two exports of one solution (managed and unmanaged, zip and unpacked).
      const solution = `${inlineCode(first.solution.uniqueName || first.solution.path)} (${inlineCode(first.solution.path)})`;
      out.push(
        first.app
          ? `#### 📱 ${escapeMarkdown(first.app.displayName || first.app.name)} · solution ${solution}`
          : `#### 📦 Solution ${solution}`,
        '',
      );
      // Findings about the app (or solution) as a whole come first, straight under its heading, so
      // they cannot be read as belonging to the flow above them.
      const byFlow = groupBy(appGroup, (f) => (f.flow ? `${f.flow.id}\u0000${f.flow.name}` : '')).sort(
        (a, b) => Number((a[0] as Finding).flow !== undefined) - Number((b[0] as Finding).flow !== undefined),
      );
      for (const flowGroup of byFlow) {
        const flow = (flowGroup[0] as Finding).flow;
        const shown = flowGroup.slice(0, Math.max(0, this.detail.findingLimit - this.printed));
        omitted += flowGroup.length - shown.length;
        if (shown.length === 0) continue;
        if (flow) out.push(`**⚡ Flow: ${escapeMarkdown(flow.name || flow.id)}** · ${inlineCode(flow.id)}`, '');
        for (const f of shown) out.push(...this.finding(f));
        this.printed += shown.length;
      }
    }
    if (omitted > 0) out.push(`…and ${plural(omitted, 'more finding')} not shown here.`, '');
    return out;
  }

  private finding(f: Finding): string[] {
    const changed = f.status === 'changed' ? ' · changed' : '';
    this.printedAnchors.add(f);
    const anchor = `<a name="${this.anchorOf(f)}"></a>`;
    const lines = [`${anchor}${SEVERITY_STYLE[f.severity]?.icon ?? '•'} ${this.ruleLabel(f)}${changed}: ${escapeMarkdown(f.message, MAX_MESSAGE_LENGTH)}`];
    if (f.previous) lines.push(`Was: ${SEVERITY_STYLE[f.previous.severity]?.icon ?? '•'} ${escapeMarkdown(f.previous.message, MAX_MESSAGE_LENGTH)}`);
    if (f.errorCodes.length > 0) lines.push(`Predicted errors: ${f.errorCodes.map((c) => this.errorCode(c)).join(', ')}`);
    lines.push(`Location: ${locationText(f.location.file, f.location.inner)}`);
    const out = [lines.join('\\\n'), ''];
    // The drift that makes this change break the app, as its evidence (one cause, one entry).
    for (const e of f.evidence ?? []) out.push(`- ${SEVERITY_STYLE[e.severity]?.icon ?? '•'} **${escapeMarkdown(e.ruleId)}** ${escapeMarkdown(e.message, MAX_MESSAGE_LENGTH)}`);
    if ((f.evidence ?? []).length > 0) out.push('');
    if (this.detail.mitigations && f.mitigation.length > 0) {
      out.push('<details><summary>How to fix</summary>', '');
      f.mitigation.forEach((step, i) => out.push(`${i + 1}. ${escapeMarkdownWithLinks(step, MAX_MESSAGE_LENGTH)}`));
      out.push('', '</details>', '');
    }
    return out;
  }

  /** `**FG101** [flow-input-added](docs)`. */
  private ruleLabel(f: Finding): string {
    const id = `**${escapeMarkdown(f.ruleId)}**`;
    const name = escapeMarkdown(f.rule);
    const url = ruleDocsUrl(this.ctx.docsBase, f.ruleId, f.rule);
    return url ? `${id} [${name}](${linkTarget(url)})` : `${id} ${name}`;
  }

  /** `App → Flow: ` prefix for one-line entries. */
  private componentLabel(f: Finding): string {
    const parts: string[] = [];
    if (f.app) parts.push(`📱 ${escapeMarkdown(f.app.displayName || f.app.name)}`);
    if (f.flow) parts.push(`⚡ ${escapeMarkdown(f.flow.name || f.flow.id)}`);
    if (parts.length === 0) parts.push(`📦 ${inlineCode(f.solution.uniqueName || f.solution.path)}`);
    return `${parts.join(' → ')}: `;
  }

  private errorCode(code: string): string {
    const docs = this.codeDocs.get(code);
    return docs ? `[${inlineCode(code)}](${linkTarget(docs)})` : inlineCode(code);
  }

  changes(changes: readonly ChangeJson[]): string[] {
    if (!this.detail.changes) return [`### What changed`, '', `${plural(changes.length, 'change')} (not shown).`, ''];
    const sorted = sortChanges(changes);
    const out = ['### What changed', ''];
    for (const c of sorted) {
      const where = `in ${inlineCode(c.solution)}`;
      const what = escapeMarkdown(c.change);
      if (c.kind === 'flow') {
        const id = c.id ? ` · ${inlineCode(c.id)}` : '';
        const callers = c.id ? callersOf(this.report.solutions, c.id) : [];
        callers.sort((a, b) => compareText(a.app.displayName, b.app.displayName) || compareText(a.solution.path, b.solution.path));
        const calledBy =
          callers.length > 0
            ? `Called by ${callers
                .map((x) => {
                  const other = x.solution.path !== c.solution && x.solution.uniqueName !== c.solution;
                  return `📱 **${escapeMarkdown(x.app.displayName || x.app.name)}**${other ? ` (${inlineCode(x.solution.uniqueName)})` : ''}`;
                })
                .join(', ')}.`
            : 'Not called by any canvas app in these solutions.';
        out.push(`- ⚡ Flow **${escapeMarkdown(c.name)}**${id} ${where} — ${what}. ${calledBy}`);
      } else if (c.kind === 'connectionReference') {
        const from = c.previousName !== undefined ? ` from **${escapeMarkdown(c.previousName)}**` : '';
        out.push(`- 🔌 Connection reference **${escapeMarkdown(c.name)}** ${where} — ${what}${from}.`);
      } else if (c.kind === 'app') {
        out.push(`- 📱 App **${escapeMarkdown(c.name)}** ${where} — ${what}.`);
      } else {
        out.push(`- 📦 Solution **${escapeMarkdown(c.name)}** · ${inlineCode(c.solution)} — ${what}.`);
      }
      for (const d of c.details) out.push(`  - ${escapeMarkdown(d, MAX_MESSAGE_LENGTH)}`);
      if (c.targetNeeds && c.targetNeeds.length > 0) out.push(`  - Every target environment needs: ${c.targetNeeds.map((n) => escapeMarkdown(n, MAX_MESSAGE_LENGTH)).join('; ')}.`);
    }
    out.push('');
    return out;
  }

  dependencyMap(): string[] {
    const solutions = [...this.report.solutions].sort((a, b) => compareText(a.path, b.path) || compareText(a.uniqueName, b.uniqueName));
    const withContent = solutions.filter((s) => s.apps.some((a) => a.calls.length > 0) || s.flows.length > 0);
    if (withContent.length === 0) return [];
    const out = ['### App → flow dependency map', ''];
    if (!this.detail.dependencyMap) {
      out.push('Not shown to save space.', '');
      return out;
    }
    const index = indexFlows(this.report.solutions);
    const called = new Set<string>();
    const tables: string[][] = withContent.map((s) => this.solutionTable(s, index, called));
    withContent.forEach((s, i) => {
      out.push(`**${escapeMarkdown(s.displayName || s.uniqueName)}** · ${inlineCode(s.uniqueName)} · ${inlineCode(s.path)}`, '');
      out.push(...(tables[i] as string[]));
      const uncalled = [...s.flows]
        .filter((f) => !called.has(normalizeFlowId(f.id)))
        .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
      if (uncalled.length > 0) {
        out.push(`Flows no canvas app here calls: ${uncalled.map((f) => `⚡ ${escapeMarkdown(f.name || f.id)}`).join(', ')}.`, '');
      }
    });
    return out;
  }

  private solutionTable(s: SolutionJson, index: Map<string, FlowEntry[]>, called: Set<string>): string[] {
    const apps = [...s.apps].sort((a, b) => compareText(a.displayName, b.displayName) || compareText(a.name, b.name));
    const rows: string[] = [];
    for (const app of apps) {
      const calls = [...app.calls].sort((a, b) => compareText(a.dataSource, b.dataSource) || compareText(a.flowId ?? '', b.flowId ?? ''));
      for (const call of calls) {
        const entry = lookupFlow(index, call.flowId, call.flowSolution);
        if (call.flowId && formulasMayCall(call)) called.add(normalizeFlowId(call.flowId));
        rows.push(
          `| ${[
            escapeMarkdown(app.displayName || app.name),
            inlineCode(call.dataSource, { table: true }),
            flowCell(call.flowId, entry, s),
            bindingCell(call.resolved, call.confidence, call.resolvedBy),
            connectionsCell(entry),
            sitesCell(call.callSites),
          ].join(' | ')} |`,
        );
      }
    }
    if (rows.length === 0) return ['No canvas app in this solution calls a flow.', ''];
    return ['| App | Data source | Flow | Binding | Flow connections | Called from |', '|---|---|---|---|---|---|', ...rows, ''];
  }

  diagnostics(): string[] {
    const diags = sortDiagnostics(this.report.diagnostics);
    if (diags.length === 0) return [];
    const out = [`<details><summary>Files FlowGuard could not fully read (${diags.length})</summary>`, ''];
    const shown = diags.slice(0, this.detail.diagnosticsLimit);
    for (const d of shown) {
      out.push(`- ${SEVERITY_STYLE[d.severity]?.icon ?? '•'} ${locationText(d.file, d.inner)}: ${escapeMarkdown(d.message, MAX_MESSAGE_LENGTH)}`);
    }
    if (shown.length < diags.length) out.push(`- …and ${diags.length - shown.length} more.`);
    out.push('', '</details>', '');
    return out;
  }

  footer(): string[] {
    const counts = countBySeverity(this.sorted);
    const parts = SEVERITIES.map((s) => plural(counts[s], SEVERITY_STYLE[s].singular));
    if (this.ctx.compared) {
      const changed = this.sorted.filter((f) => f.status === 'changed').length;
      parts.push(`${this.sorted.filter((f) => f.status !== 'changed' && isNew(f)).length} new`);
      if (changed > 0) parts.push(`${changed} changed`);
      parts.push(`${this.report.fixed?.length ?? 0} fixed`);
    }
    const ignored = this.report.suppressed?.length ?? 0;
    if (ignored > 0) parts.push(`${ignored} ignored by configuration`);
    const stats = analysisStats(this.report);
    const analysed = `analysed ${plural(stats.solutions, 'solution')}, ${plural(stats.apps, 'canvas app')}, ${plural(stats.flows, 'flow')}`;
    const tool = `${escapeMarkdown(this.report.tool.name || 'FlowGuard')} ${escapeMarkdown(this.report.tool.version)}`;
    return ['---', '', `<sub>${parts.join(' · ')} — ${analysed} — ${tool}</sub>`];
  }
}

function flowCell(flowId: string | null, entry: FlowEntry | undefined, here: SolutionJson): string {
  if (!entry) return flowId ? `not in these solutions<br>${inlineCode(flowId, { table: true })}` : '—';
  const parts = [`⚡ **${escapeMarkdown(entry.flow.name || entry.flow.id)}**`, inlineCode(entry.flow.id, { table: true })];
  if (entry.solution !== here) parts.push(`in ${inlineCode(entry.solution.uniqueName, { table: true })}`);
  if (entry.flow.state === 'off') parts.push('⚠️ turned off');
  return parts.join('<br>');
}

function bindingCell(resolved: boolean, confidence: 'high' | 'low' | null, resolvedBy: string | null): string {
  const by = resolvedBy ? ` by ${inlineCode(resolvedBy, { table: true })}` : '';
  if (!resolved) return '❌ unresolved';
  if (confidence === 'low') return `⚠️ low confidence${by}`;
  return `✅ resolved${by}`;
}

function connectionsCell(entry: FlowEntry | undefined): string {
  if (!entry) return '—';
  const conns = [...entry.flow.connections].sort((a, b) => compareText(a.key, b.key));
  if (conns.length === 0) return 'none';
  return conns.map((c) => inlineCode(`${c.key}: ${connectionModeLabel(c.runtimeSource)}`, { table: true })).join('<br>');
}

/** `` `file` › `inner` ``. */
function sitesCell(sites: { screen: string; control: string; property: string; arguments: number }[] | undefined): string {
  if (!sites) return '—';
  if (sites.length === 0) return 'no formula';
  const shown = sites.slice(0, 4).map((s) => `${s.control === s.screen ? s.screen : `${s.screen} › ${s.control}`}.${s.property} (${s.arguments})`);
  return escapeMarkdown(shown.join(', ') + (sites.length > 4 ? ` +${sites.length - 4}` : ''), 300);
}

function locationText(file: string, inner: string | undefined): string {
  const f = inlineCode(file, { maxLength: 300 });
  return inner ? `${f} › ${inlineCode(inner, { maxLength: 300 })}` : f;
}

/** A link destination that cannot break out of `(...)`: angle-bracketed, with `<`, `>` and spaces encoded. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

/** Groups consecutive-or-not items by key, keeping the order of first appearance. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
