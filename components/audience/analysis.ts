/**
 * The one analysis of the audience the dashboard's views share (the Audience tab, a post's themes in
 * Posts): the data read live (./load.ts), analysed in a Web Worker, the last results kept for the
 * page's life so switching tabs does not analyse the same comments again. While a newer analysis
 * runs the previous one stays on screen, marked as updating.
 *
 * The Audience tab reads in two steps: the newest FIRST_COMMENTS first, analysed and shown; then
 * the newest 10k are read (1-2 s at 100k stored comments: Chromium walks an index entry by entry),
 * which then replace them. A database holding fewer is read once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AudienceReport } from '@/lib/audience/analyse';
import { useLive } from '../hooks';
import { type AudienceData, fingerprintOf, loadAudience } from './load';
import { analyseInWorker, warmAnalysis } from './worker-client';

export type Analysis =
  | { state: 'running' }
  | { state: 'failed'; error: string }
  | { state: 'done'; report: AudienceReport; data: AudienceData };

/** The comments of the first content: read and grouped in a fraction of a second. */
export const FIRST_COMMENTS = 1000;

/** The latest reports by what they depend on: the first step's and the whole one. */
const kept = new Map<string, AudienceReport>();
const keep = (fingerprint: string, report: AudienceReport) => {
  kept.set(fingerprint, report);
  if (kept.size > 2) kept.delete(kept.keys().next().value!);
};

/**
 * What the view analyses: staged, the newest FIRST_COMMENTS, then all of it once their analysis is
 * shown (`firstShown`, when there are more); otherwise all of it at once. The whole read waits for
 * the first analysis: its 10k rows arrive on the UI thread, where they delayed the first content.
 */
function useAudienceData(staged: boolean, firstShown: boolean): AudienceData | undefined {
  const first = useLive(() => (staged ? loadAudience(FIRST_COMMENTS) : null), [staged]);
  const more = !staged || (!!first?.partial && firstShown);
  const full = useLive(() => (more ? loadAudience() : null), [more]);
  return (more && full) || first || undefined;
}

/**
 * The live audience data and its analysis; `updating` while a newer analysis replaces the one shown.
 * `staged`: show the newest comments' analysis first (the Audience tab); a post's themes wait for all.
 */
export function useAudienceAnalysis(staged = false): {
  data: AudienceData | undefined;
  analysis: Analysis;
  updating: boolean;
} {
  // The worker starts with the view, not once the comments are read (a state's initialiser runs
  // once, in the first render).
  useState(warmAnalysis);
  const [firstShown, setFirstShown] = useState(false);
  const data = useAudienceData(staged, firstShown);
  const [analysis, setAnalysis] = useState<Analysis>({ state: 'running' });
  const [updating, setUpdating] = useState(false);
  useEffect(() => {
    if (!data || data.input.comments.length === 0) return;
    const fingerprint = fingerprintOf(data);
    const report = kept.get(fingerprint);
    if (report) {
      setAnalysis({ state: 'done', report, data });
      setUpdating(false);
      if (data.partial) setFirstShown(true);
      return;
    }
    setUpdating(true);
    const run = analyseInWorker(data.input);
    // The whole read follows a first step: its worker starts while that read runs.
    if (data.partial) warmAnalysis();
    run.result.then(
      (report) => {
        keep(fingerprint, report);
        setAnalysis({ state: 'done', report, data });
        setUpdating(false);
        if (data.partial) setFirstShown(true);
      },
      (error: Error) => {
        setAnalysis({ state: 'failed', error: error.message });
        setUpdating(false);
        if (data.partial) setFirstShown(true);
      },
    );
    return run.cancel;
  }, [data]);
  return { data, analysis, updating };
}
