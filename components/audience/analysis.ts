/**
 * The one analysis of the audience the dashboard's views share (the Audience tab, a post's themes in
 * Posts): the data read live (./load.ts), analysed in a Web Worker, the last result kept for the
 * page's life so switching tabs does not analyse the same comments again. While a newer analysis
 * runs the previous one stays on screen, marked as updating.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AudienceReport } from '@/lib/audience/analyse';
import { useLive } from '../hooks';
import { type AudienceData, fingerprintOf, loadAudience } from './load';
import { analyseInWorker } from './worker-client';

export type Analysis =
  | { state: 'running' }
  | { state: 'failed'; error: string }
  | { state: 'done'; report: AudienceReport; data: AudienceData };

let last: { fingerprint: string; report: AudienceReport } | undefined;

/** The live audience data and its analysis; `updating` while a newer analysis replaces the one shown. */
export function useAudienceAnalysis(): {
  data: AudienceData | undefined;
  analysis: Analysis;
  updating: boolean;
} {
  const data = useLive(loadAudience, []);
  const [analysis, setAnalysis] = useState<Analysis>({ state: 'running' });
  const [updating, setUpdating] = useState(false);
  useEffect(() => {
    if (!data || data.input.comments.length === 0) return;
    const fingerprint = fingerprintOf(data);
    if (last?.fingerprint === fingerprint) {
      setAnalysis({ state: 'done', report: last.report, data });
      setUpdating(false);
      return;
    }
    setUpdating(true);
    const run = analyseInWorker(data.input);
    run.result.then(
      (report) => {
        last = { fingerprint, report };
        setAnalysis({ state: 'done', report, data });
        setUpdating(false);
      },
      (error: Error) => {
        setAnalysis({ state: 'failed', error: error.message });
        setUpdating(false);
      },
    );
    return run.cancel;
  }, [data]);
  return { data, analysis, updating };
}
