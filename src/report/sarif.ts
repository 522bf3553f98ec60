import type { Severity } from '../model/types.js';
import type { Finding, RuleMeta } from '../rules/types.js';
import { repoRelativeUri, ruleDocsUrl } from './common.js';
import { MAX_MESSAGE_LENGTH, escapeMarkdown, inlineCode, redactSecrets, stripControlKeepNewlines, truncate } from './escape.js';
import { SEVERITY_STYLE } from './severity.js';
import { compareText, sortDiagnostics, sortFindings } from './sort.js';
import type { Report, RenderContext } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** Key of our entry in `result.partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'flowguard/v1';

type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
  logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; errorCodes: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  /** The call sites in the app's formulas, for findings about a call. */
  relatedLocations?: (SarifLocation & { id: number; message: SarifMessage })[];
  partialFingerprints: Record<string, string>;
  baselineState?: 'new' | 'unchanged' | 'updated';
  properties: {
    errorCodes: string[];
    solution: string;
    app?: { name: string; displayName: string };
    flow?: { id: string; name: string };
    status?: 'new' | 'existing' | 'changed';
    innerPath?: string;
  };
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  properties?: { innerPath: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; version: string; semanticVersion?: string; informationUri?: string; rules: SarifRule[] } };
      invocations: [{ executionSuccessful: true; toolExecutionNotifications: SarifNotification[] }];
      results: SarifResult[];
      /** The target environment the run checked (report.target), when it was asked for. */
      properties?: { target: unknown };
    },
  ];
}

/** Tags from the id band (see {@link RuleMeta.id}). */
const BAND_TAGS: Record<string, string> = {
  '1': 'signature-drift',
  '2': 'flow-runtime',
  '3': 'connections',
  '4': 'solution-lifecycle',
  '5': 'security',
  '6': 'target-environment',
};

function level(severity: Severity): SarifLevel {
  return SEVERITY_STYLE[severity]?.sarif ?? 'warning';
}

/** Plain text for SARIF `message.text`: redacted, control characters (except newlines) removed, capped. */
function sarifText(text: string, max = MAX_MESSAGE_LENGTH): string {
  return truncate(stripControlKeepNewlines(redactSecrets(text)), max);
}

function isAbsoluteUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\/[^\s]+$/i.test(url);
}

/** `https://github.com/o/r` from a docs base inside that repository. */
function informationUri(docsBase: string): string | undefined {
  const m = /^https:\/\/github\.com\/[^/\s]+\/[^/\s]+/i.exec(docsBase);
  return m ? m[0] : undefined;
}

function ruleTags(rule: RuleMeta): string[] {
  const band = /^FG(\d)\d\d$/i.exec(rule.id)?.[1];
  const tags = ['power-platform'];
  if (band && BAND_TAGS[band]) tags.push(BAND_TAGS[band] as string);
  return tags;
}

function sarifRule(rule: RuleMeta, docsBase: string): SarifRule {
  const url = ruleDocsUrl(docsBase, rule.id, rule.name);
  const helpUri = isAbsoluteUrl(url) ? url : undefined;
  const codesText = rule.errorCodes.map((c) => (c.docs ? `${c.code} (${c.docs})` : c.code)).join(', ');
  const codesMd = rule.errorCodes
    .map((c) => (isAbsoluteUrl(c.docs) ? `[${inlineCode(c.code)}](${c.docs})` : inlineCode(c.code)))
    .join(', ');
  const text = [rule.summary, rule.impact];
  const markdown = [escapeMarkdown(rule.summary, MAX_MESSAGE_LENGTH), escapeMarkdown(rule.impact, MAX_MESSAGE_LENGTH)];
  if (rule.errorCodes.length > 0) {
    text.push(`Predicted errors: ${codesText}.`);
    markdown.push(`**Predicted errors:** ${codesMd}`);
  }
  if (url) {
    text.push(`How to fix it, and when it is safe to ignore: ${url}`);
    markdown.push(`How to fix it, and when it is safe to ignore: [${escapeMarkdown(`${rule.id} ${rule.name}`)}](${url})`);
  }
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: sarifText(rule.summary) },
    fullDescription: { text: sarifText(rule.impact) },
    help: { text: sarifText(text.join('\n\n'), 10_000), markdown: redactSecrets(markdown.join('\n\n')) },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: level(rule.defaultSeverity) },
    properties: { tags: ruleTags(rule), errorCodes: rule.errorCodes.map((c) => c.code) },
  };
}

/** A rule a finding names but the catalogue lacks (should not happen): described from the finding. */
function placeholderRule(f: Finding): RuleMeta {
  return {
    id: f.ruleId,
    name: f.rule,
    defaultSeverity: f.severity,
    errorCodes: f.errorCodes.map((code) => ({ code, docs: '' })),
    summary: `${f.ruleId} ${f.rule}.`,
    impact: `${f.ruleId} ${f.rule}.`,
  };
}

function location(file: string, inner: string | undefined): SarifLocation {
  // GitHub code scanning needs a region to place an alert (sarif-sdk rule GH1003); findings are
  // about whole files, so they point at the first line.
  const loc: SarifLocation = { physicalLocation: { artifactLocation: { uri: repoRelativeUri(file) }, region: { startLine: 1 } } };
  if (inner) {
    const clean = sarifText(inner, 1000);
    loc.logicalLocations = [{ name: clean.slice(clean.lastIndexOf('/') + 1), fullyQualifiedName: clean, kind: 'resource' }];
  }
  return loc;
}

/**
 * SARIF 2.1.0 for code scanning: one run; `tool.driver.rules` holds every rule of `ctx.rules` sorted
 * by id (plus any rule a finding names that the catalogue lacks); results in {@link sortFindings} order
 * with `partialFingerprints['flowguard/v1']`; diagnostics as tool execution notifications.
 * Fixed findings are not results (code scanning closes their alerts when they are absent).
 */
export function renderSarif(report: Report, ctx: RenderContext): SarifLog {
  const findings = sortFindings(report.findings);
  const catalogue = [...ctx.rules];
  const known = new Set(catalogue.map((r) => r.id));
  for (const f of findings) {
    if (!known.has(f.ruleId)) {
      catalogue.push(placeholderRule(f));
      known.add(f.ruleId);
    }
  }
  catalogue.sort((a, b) => compareText(a.id, b.id));
  const rules = catalogue.map((r) => sarifRule(r, ctx.docsBase));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const results: SarifResult[] = findings.map((f) => {
    const result: SarifResult = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) as number,
      level: level(f.severity),
      message: { text: sarifText(f.message) },
      locations: [location(f.location.file, f.location.inner)],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: { errorCodes: [...f.errorCodes], solution: f.solution.uniqueName },
    };
    if (ctx.compared) result.baselineState = f.status === 'existing' ? 'unchanged' : f.status === 'changed' ? 'updated' : 'new';
    if (f.app) result.properties.app = { name: f.app.name, displayName: f.app.displayName };
    if (f.flow) result.properties.flow = { id: f.flow.id, name: f.flow.name };
    if (f.status) result.properties.status = f.status;
    if (f.location.inner) result.properties.innerPath = f.location.inner;
    const sites = (f.sites ?? []).filter((s) => s.location);
    if (sites.length > 0) {
      result.relatedLocations = sites.map((s, i) => ({
        id: i,
        ...location(s.location?.file ?? f.location.file, s.location?.inner),
        message: { text: sarifText(`${s.screen} › ${s.control}.${s.property}`) },
      }));
    }
    return result;
  });

  const notifications: SarifNotification[] = sortDiagnostics(report.diagnostics).map((d) => {
    const n: SarifNotification = {
      level: level(d.severity),
      message: { text: sarifText(d.message) },
      // A target-check diagnostic is about the environment, not a repository file: it has no location.
      locations: /^https?:\/\//i.test(d.file) ? [] : [location(d.file, d.inner)],
    };
    if (d.inner) n.properties = { innerPath: d.inner };
    return n;
  });

  const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(report.tool.version);
  const info = informationUri(ctx.docsBase);
  const driver: SarifLog['runs'][0]['tool']['driver'] = {
    name: 'FlowGuard',
    version: report.tool.version,
    ...(semver ? { semanticVersion: report.tool.version } : {}),
    ...(info ? { informationUri: info } : {}),
    rules,
  };

  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
        ...(report.target ? { properties: { target: report.target } } : {}),
      },
    ],
  };
  return redactDeep(log);
}

/** {@link renderSarif} as 2-space JSON with a trailing newline. */
export function renderSarifJson(report: Report, ctx: RenderContext): string {
  return `${JSON.stringify(renderSarif(report, ctx), null, 2)}\n`;
}

/** A copy with {@link redactSecrets} applied to every string value. */
function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}
