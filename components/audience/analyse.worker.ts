/// <reference lib="webworker" />
/**
 * Runs lib/audience's analysis off the UI thread: tagging and grouping 10k comments takes about a
 * second, which on the page would freeze the dashboard.
 */
import { type AudienceInput, analyseAudience } from '@/lib/audience/analyse';
import { answerOf } from '../worker-run';

self.onmessage = async (event: MessageEvent<AudienceInput>) => {
  self.postMessage(await answerOf(analyseAudience, event.data));
};
