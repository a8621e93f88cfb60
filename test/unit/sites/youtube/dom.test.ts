// @vitest-environment happy-dom
/** The rendered-DOM fallback, on a synthetic page (no captured rendered page exists in the fixtures). */
import { describe, expect, it } from 'vitest';
import { MAX_NAME } from '../../../../lib/record-keys';
import { CaptureRecord } from '../../../../lib/records';
import { youtubeAdapter } from '../../../../lib/sites/youtube';
import { ctx, fixtureDocument, fixtureText } from '../../fixtures';
import { agoIso, DAY, NOW, post, posts } from './load';

const YEAR = 365 * DAY;
const MONTH = 30 * DAY;
const url = 'https://www.youtube.com/watch?v=7PIMiDcwNvc';

describe('rendered DOM fallback (synthetic page)', () => {
  const doc = fixtureDocument('synthetic/youtube/rendered-watch.html');
  const e = youtubeAdapter.extractDom(doc, ctx(url, NOW, 'en-GB'));

  it('refuses the stale inline player response and reads the rendered page instead', () => {
    expect(e.failures).toEqual([
      {
        extractor: 'youtube.dom',
        reason: 'stale: ytInitialPlayerResponse describes video 2isYuQZMbdU, the URL 7PIMiDcwNvc',
      },
    ]);
    expect(posts(e).map((p) => p.id)).toEqual([
      '7PIMiDcwNvc',
      'tKOlGCqDowQ',
      'krsBRQbOPQ4',
      'l-X5WbDSH2o',
      'VjwWKFXMgv8',
    ]);
    for (const record of e.records) expect(CaptureRecord.safeParse(record).error).toBeUndefined();
  });

  it('clips a channel link of any length to the handle cap (a property test found one over it)', () => {
    const long = `@${'W'.repeat(300)}`;
    const edited = fixtureText('synthetic/youtube/rendered-watch.html').replaceAll(
      'href="/@',
      `href="/${long}`,
    );
    const page = new DOMParser().parseFromString(edited, 'text/html');
    const clipped = posts(youtubeAdapter.extractDom(page, ctx(url, NOW, 'en-GB')));
    expect(clipped.map((p) => p.authorHandle.length)).toContain(MAX_NAME);
    for (const record of clipped) expect(CaptureRecord.safeParse(record).error).toBeUndefined();
  });

  it('the watched video: likes from the button aria-label, views from the info line', () => {
    expect(post(e, '7PIMiDcwNvc')).toMatchObject({
      text: 'Marzia & Felix - Wedding 19.08.2019',
      authorHandle: '@PewDiePie',
      metrics: { views: 41_613_595, likes: 5_471_574 },
      metricsExact: true,
    });
  });

  it('cards: lockup, classic and Shorts; abbreviated counts approximate, relative dates approximate', () => {
    expect(post(e, 'tKOlGCqDowQ')).toMatchObject({
      authorHandle: '@PewDiePie',
      metrics: { views: 13_000_000 },
      metricsExact: false,
      createdAt: agoIso(2 * YEAR),
      createdAtApprox: true,
    });
    expect(post(e, 'krsBRQbOPQ4')).toMatchObject({
      authorId: 'UCX6OQ3DkcsbYNE6H8uQQuVA',
      metrics: { views: 230_000_000 },
      createdAt: agoIso(8 * MONTH),
    });
    expect(post(e, 'l-X5WbDSH2o')).toMatchObject({
      format: 'short',
      metrics: { views: 895_000 },
      metricsExact: false,
    });
    expect(post(e, 'VjwWKFXMgv8')).toMatchObject({ format: 'live', metrics: {} });
  });

  it('an element the observer queued is read on its own, without the page scripts', () => {
    const card = doc.querySelector('ytd-video-renderer');
    if (!card) throw new Error('fixture lacks the card');
    const one = youtubeAdapter.extractDom(card, ctx(url, NOW, 'en-GB'));
    expect(one.failures).toEqual([]);
    expect(posts(one).map((p) => p.id)).toEqual(['krsBRQbOPQ4']);
  });
});
