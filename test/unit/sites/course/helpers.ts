import { fixtureDocument } from '../../fixtures';

/**
 * Saved pages link stylesheets and iframes that happy-dom would try (and refuse) to load, printing a
 * stack trace each; treat them as loaded so the test output stays readable.
 */
export function quietDocument(path: string): Document {
  const settings = (globalThis as { happyDOM?: { settings: Record<string, unknown> } }).happyDOM?.settings;
  if (settings) {
    settings.handleDisabledFileLoadingAsSuccess = true;
    settings.disableIframePageLoading = true;
    settings.disableJavaScriptEvaluation = true;
  }
  return fixtureDocument(path);
}
