/** Pure reporters: a {@link Report} in, text or plain data out. No I/O; same input, same bytes. */
export { MAX_ANNOTATIONS, toAnnotations, type Annotation, type AnnotationSet } from './annotations.js';
export {
  escapeHtml,
  escapeHtmlAttr,
  escapeMarkdown,
  inlineCode,
  plainText,
  redactSecrets,
  stripControl,
  type InlineCodeOptions,
} from './escape.js';
export { REPORT_SHAPE, renderJson, stableStringify, type JsonShape, type StableStringifyOptions } from './json.js';
export { MAX_COMMENT_LENGTH, MAX_SUMMARY_LENGTH, REPORT_MARKER, renderMarkdown, type MarkdownOptions } from './markdown.js';
export { FINGERPRINT_KEY, SARIF_SCHEMA, renderSarif, renderSarifJson, type SarifLog } from './sarif.js';
export { SEVERITIES, SEVERITY_STYLE } from './severity.js';
export { compareFindings, sortDiagnostics, sortFindings } from './sort.js';
export { renderText } from './text.js';
export type { Report, RenderContext } from './types.js';
