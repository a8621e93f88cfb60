// @vitest-environment happy-dom
/**
 * The Audience tab's two-step read (components/audience/analysis.ts): with more comments stored than
 * the first step reads, the newest FIRST_COMMENTS are analysed and shown first, marked partial, then
 * the whole read replaces them; with fewer, one read. A post's themes wait for the whole read.
 * Rendered in happy-dom over fake-indexeddb; the worker's analysis runs in the test's thread.
 * Synthetic comments (copies of one real Weibo comment, the real capture written by the real write
 * path first).
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Analysis, FIRST_COMMENTS, useAudienceAnalysis } from '../../../components/audience/analysis';
import { analyseAudience } from '../../../lib/audience/analyse';
import { setClock } from '../../../lib/clock';
import { db } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { weiboAdapter } from '../../../lib/sites/weibo';
import { ctx, fixtureJson } from '../fixtures';

/** Each worker started ahead ("warm") and each run, in order. */
let workerCalls: string[] = [];
/** When set, runs answer only once it resolves (a slow worker). */
let answerAfter: Promise<void> | undefined;
vi.mock('../../../components/audience/worker-client', () => ({
  analyseInWorker: (input: Parameters<typeof analyseAudience>[0]) => {
    workerCalls.push(`run ${input.comments.length}`);
    const report = analyseAudience(input);
    return { result: (answerAfter ?? Promise.resolve()).then(() => report), cancel: () => {} };
  },
  warmAnalysis: () => workerCalls.push('warm'),
}));

const URL =
  'https://weibo.com/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&is_show_bulletin=2&is_mix=0&count=10&uid=5525643726&fetch_level=0';
const NOW = Date.UTC(2026, 11, 6, 12);

/** What each render saw: how many comments its shown analysis covers, and whether partly. */
let seen: Array<{ comments: number; partial: boolean }> = [];
function Probe({ staged }: { staged: boolean }) {
  const { analysis } = useAudienceAnalysis(staged);
  const done = analysis as Extract<Analysis, { state: 'done' }>;
  if (analysis.state === 'done')
    seen.push({ comments: done.data.input.comments.length, partial: done.data.partial });
  return null;
}
const settle = async (until: () => boolean) => {
  for (let i = 0; i < 500 && !until(); i++) await new Promise((r) => setTimeout(r, 10));
};

let container: HTMLElement;
beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  const extraction = weiboAdapter.extractJson(
    weiboAdapter.endpointOf(URL)!,
    fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
    ctx(URL),
  );
  await applyBatch(db(), { batchId: 'weibo-comments-1', records: extraction.records, failures: [] }, NOW);
  setClock(NOW);
  container = document.createElement('div');
  seen = [];
  workerCalls = [];
  answerAfter = undefined;
});
afterEach(() => {
  render(null, container);
  setClock();
});

/** `shift`: other times than the other cases', so no analysis kept from them answers. */
async function storeMore(count: number, shift = 0) {
  const stored = (await db().comments.toArray())[0]!;
  await db().comments.bulkPut(
    Array.from({ length: count }, (_, i) => ({
      ...stored,
      id: `synthetic-${i}`,
      createdAt: new Date(NOW - shift - i * 1000).toISOString(),
    })),
  );
}

describe('useAudienceAnalysis', () => {
  it('shows the newest comments first, then all of them, when more are stored than the first read', async () => {
    await storeMore(FIRST_COMMENTS);
    render(<Probe staged />, container);
    await settle(() => seen.some((s) => !s.partial));
    expect(seen[0]).toEqual({ comments: FIRST_COMMENTS, partial: true });
    expect(seen.at(-1)).toEqual({ comments: FIRST_COMMENTS + 7, partial: false });
    // Each run's worker was started before its comments were read: at the view's start, and with
    // the first step's run for the whole one.
    expect(workerCalls).toEqual(['warm', `run ${FIRST_COMMENTS}`, 'warm', `run ${FIRST_COMMENTS + 7}`]);
  });

  it('reads all the comments only once the first ones are shown', async () => {
    await storeMore(FIRST_COMMENTS, 500);
    let answer = () => {};
    answerAfter = new Promise((resolve) => {
      answer = resolve;
    });
    render(<Probe staged />, container);
    await settle(() => workerCalls.length >= 2);
    // Time enough for the whole read, had it started with the first analysis.
    await new Promise((r) => setTimeout(r, 500));
    expect(workerCalls).toEqual(['warm', `run ${FIRST_COMMENTS}`, 'warm']);
    expect(seen).toEqual([]);
    answer();
    await settle(() => seen.some((s) => !s.partial));
    expect(seen[0]).toEqual({ comments: FIRST_COMMENTS, partial: true });
    expect(workerCalls.at(-1)).toBe(`run ${FIRST_COMMENTS + 7}`);
  });

  it('reads once when the first read holds every comment', async () => {
    render(<Probe staged />, container);
    await settle(() => seen.length > 0);
    expect(seen).toEqual([{ comments: 7, partial: false }]);
    expect(workerCalls).toEqual(['warm', 'run 7']);
  });

  it('a post’s themes wait for the whole read', async () => {
    await storeMore(FIRST_COMMENTS);
    render(<Probe staged={false} />, container);
    await settle(() => seen.length > 0);
    expect(seen.every((s) => s.comments === FIRST_COMMENTS + 7 && !s.partial)).toBe(true);
  });
});
