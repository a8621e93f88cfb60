/// <reference lib="webworker" />
/**
 * Runs lib/audience's analysis off the UI thread: tagging and grouping 10k comments takes about a
 * second, which on the page would freeze the dashboard.
 */
import { type AudienceInput, analyseAudience } from '@/lib/audience/analyse';
import type { WorkerAnswer } from './worker-client';

self.onmessage = (event: MessageEvent<AudienceInput>) => {
  let answer: WorkerAnswer;
  try {
    answer = { ok: true, report: analyseAudience(event.data) };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
