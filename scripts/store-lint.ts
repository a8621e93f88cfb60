/**
 * Which findings of Mozilla's linter (`web-ext lint --output json`, the checks addons.mozilla.org runs
 * on upload) stop a release: every error and every warning, except the one notice the framework
 * brings with it. Preact supports `dangerouslySetInnerHTML` with one assignment in its renderer,
 * `dom.innerHTML = props.__html`; our own code renders text only (DESIGN.md, safety rules), so that
 * exact assignment is the only innerHTML allowed.
 */

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Preact's renderer, minified: `<node>.innerHTML=<props>.__html`. */
const PREACT_INNER_HTML = /^[\w$]+\.innerHTML=[\w$]+\.__html\b/;

/** Whether `warning` is Preact's own innerHTML assignment; `readSource` gives a flagged file's text. */
export function isPreactInnerHtml(warning: LintMessage, readSource: (file: string) => string): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line || !warning.column)
    return false;
  const line = readSource(warning.file).split('\n')[warning.line - 1] ?? '';
  return PREACT_INNER_HTML.test(line.slice(warning.column - 1));
}

/** The findings that stop a release (notices are information and pass). */
export function blockingFindings(report: LintReport, readSource: (file: string) => string): LintMessage[] {
  return [...report.errors, ...report.warnings.filter((w) => !isPreactInnerHtml(w, readSource))];
}

/** One line per finding, as the linter names it. */
export const describeFinding = (m: LintMessage): string =>
  `${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column ?? 0}` : ''})` : ''}`;
