/**
 * The "site changed" diagnostic: a key skeleton with no values, and the failure the content script
 * reports when a known endpoint's data yields no records. Inputs are the REAL twscrape UserTweets
 * response and a copy of it whose keys are renamed (./renamed-response.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  diagnosticText,
  endpointPath,
  keySkeleton,
  MIN_DATA_CHARS,
  UNREAD_REASON,
  unreadResponse,
} from '../../lib/diagnostic';
import { MAX_SKELETON_CHARS } from '../../lib/record-keys';
import { ExtractFailure } from '../../lib/records';
import { xAdapter } from '../../lib/sites/x';
import { ctx } from './fixtures';
import {
  REAL_USER_TWEETS as REAL_TEXT,
  renamedUserTweets,
  USER_TWEETS_URL as URL_,
} from './renamed-response';

/** Every string and number of a body, and every key that is not a plain field name. */
function valuesOf(body: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(body)) for (const v of body) valuesOf(v, into);
  else if (typeof body === 'object' && body !== null) {
    for (const [k, v] of Object.entries(body)) {
      if (/\d{5}/.test(k)) into.add(k);
      valuesOf(v, into);
    }
  } else if (typeof body === 'string' || typeof body === 'number') into.add(String(body));
  return into;
}

function keysOf(body: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(body)) for (const v of body) keysOf(v, into);
  else if (typeof body === 'object' && body !== null) {
    for (const [k, v] of Object.entries(body)) {
      if (!/\d{5}/.test(k)) into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

/** Every key and leaf of a rendered skeleton. */
function tokensOf(skeleton: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(skeleton)) for (const v of skeleton) tokensOf(v, into);
  else if (typeof skeleton === 'object' && skeleton !== null) {
    for (const [k, v] of Object.entries(skeleton)) {
      into.add(k);
      tokensOf(v, into);
    }
  } else into.add(String(skeleton));
  return into;
}

describe('keySkeleton', () => {
  const real = JSON.parse(REAL_TEXT);

  it('keeps keys and value types: the top of the real UserTweets response', () => {
    const skeleton = JSON.parse(keySkeleton(real));
    expect(Object.keys(skeleton)).toEqual(['data']);
    const user = skeleton.data.user.result;
    expect(user.__typename).toBe('string');
    const instructions = user.timeline.timeline.instructions[0];
    expect(instructions.type).toBe('string');
    // Timeline entries of every kind (tweets, cursors, modules) merge into one item shape.
    const entry = instructions.entries[0];
    expect(entry).toMatchObject({ entryId: 'string', sortIndex: 'string' });
    const tweet = entry.content.itemContent.tweet_results.result;
    expect(tweet).toMatchObject({ __typename: 'string', rest_id: 'string' });
    expect(tweet.legacy).toMatchObject({
      favorite_count: 'number',
      full_text: 'string',
      bookmarked: 'boolean',
    });
  });

  it('privacy: no string, number or id of the real response appears in the skeleton', () => {
    const text = keySkeleton(real);
    const tokens = tokensOf(JSON.parse(text));
    // A value that is also a field name of the response ("user", "description") is a key, not data.
    const values = valuesOf(real);
    for (const key of keysOf(real)) values.delete(key);
    const typeNames = new Set(['string', 'number', 'boolean', 'null', '…']);
    const leaked = [...values].filter((v) => tokens.has(v) && !typeNames.has(v));
    expect(leaked).toEqual([]);
    // Nor inside a token: ids, handles, text and URLs of eight characters or more.
    const long = [...values].filter((v) => v.length >= 8 && text.includes(v));
    expect(long).toEqual([]);
    for (const sample of ['2244994945', 'XDevelopers', '2019881223666233717', 'https://']) {
      expect(REAL_TEXT).toContain(sample);
      expect(text).not.toContain(sample);
    }
  });

  it('keys that are data (ids used as map keys) merge into one "<key>"', () => {
    const skeleton = JSON.parse(
      keySkeleton({ tweets: { '1658421690001502208': { id: 1 }, '2077': { x: true } } }),
    );
    expect(skeleton).toEqual({ tweets: { '<key>': { id: 'number', x: 'boolean' } } });
  });

  it('is deterministic: the same shape in another key order gives the same text', () => {
    const reordered = JSON.parse(REAL_TEXT, function (this: unknown, _key, value) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).reverse());
    });
    expect(keySkeleton(reordered)).toBe(keySkeleton(real));
    expect(keySkeleton(real)).toBe(keySkeleton(JSON.parse(REAL_TEXT)));
  });

  it('merges array items, lists mixed forms, and caps depth and size', () => {
    expect(JSON.parse(keySkeleton([{ a: 1 }, { b: 'x' }, { a: null }]))).toEqual([
      { a: 'null|number', b: 'string' },
    ]);
    expect(JSON.parse(keySkeleton({ v: [[], 3] }))).toEqual({ v: [{ '<one of>': [[], 'number'] }] });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200; i++) deep = { k: deep };
    expect(keySkeleton(deep)).toContain('…');
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field_${i}`, i]));
    const text = keySkeleton(wide);
    expect(text.length).toBeLessThanOrEqual(MAX_SKELETON_CHARS);
    expect(text).toContain('…');
    expect(keySkeleton(real).length).toBeLessThanOrEqual(MAX_SKELETON_CHARS);
  });
});

describe('endpointPath', () => {
  it('keeps the path, drops query and fragment, masks numeric segments', () => {
    expect(endpointPath(URL_)).toBe('/i/api/graphql/V7H0Ap3_Hh2FyS75OCDO3Q/UserTweets');
    expect(endpointPath('https://api.x.com/2/users/2244994945/tweets?max_results=5#x')).toBe(
      '/2/users/:id/tweets',
    );
    expect(endpointPath('/ajax/statuses/mymblog?uid=1669879400&page=1')).toBe('/ajax/statuses/mymblog');
  });
});

describe('a real response whose keys are renamed (the site changed)', () => {
  const text = renamedUserTweets();
  const body = JSON.parse(text);
  const extraction = xAdapter.extractJson('UserTweets', body, ctx(URL_));

  it('yields no records and no failure from the extractor itself: the silent case', () => {
    expect(
      xAdapter.extractJson('UserTweets', JSON.parse(REAL_TEXT), ctx(URL_)).records.length,
    ).toBeGreaterThan(40);
    expect(extraction).toEqual({ records: [], failures: [] });
  });

  it('is reported as an explicit failure with the endpoint and a skeleton that shows the new keys', () => {
    const failure = unreadResponse('x.UserTweets', URL_, body, text.length);
    expect(failure).toMatchObject({
      extractor: 'x.UserTweets',
      reason: UNREAD_REASON,
      endpoint: '/i/api/graphql/V7H0Ap3_Hh2FyS75OCDO3Q/UserTweets',
    });
    expect(ExtractFailure.safeParse(failure).success).toBe(true);
    const skeleton = JSON.parse(failure?.skeleton ?? '{}');
    const entry = skeleton.data.user.result.timeline.timeline.instructions[0].entries[0];
    const tweet = entry.content.itemContent.tweet_results.result;
    expect(tweet).toHaveProperty('restId', 'string');
    expect(tweet).not.toHaveProperty('rest_id');
    expect(tweet.details).toMatchObject({ favorite_count: 'number', full_text: 'string' });
    expect(failure?.skeleton).not.toContain('"legacy"');
  });

  it('a small answer (cursors only, an empty timeline) is not data', () => {
    const empty = {
      data: { user: { result: { __typename: 'User', timeline: { timeline: { instructions: [] } } } } },
    };
    expect(JSON.stringify(empty).length).toBeLessThan(MIN_DATA_CHARS);
    expect(unreadResponse('x.UserTweets', URL_, empty, JSON.stringify(empty).length)).toBeNull();
    // Also after a large unread answer of the same endpoint on the page.
    const known = unreadResponse('x.UserTweets', URL_, body, text.length) ?? undefined;
    expect(unreadResponse('x.UserTweets', URL_, empty, JSON.stringify(empty).length, known)).toBeNull();
  });

  it('a page computes the skeleton once per endpoint: a known failure is reused as is', () => {
    const known = unreadResponse('x.UserTweets', URL_, body, text.length) ?? undefined;
    expect(unreadResponse('x.UserTweets', URL_, { other: [1] }, text.length, known)).toBe(known);
  });

  it('diagnosticText carries the endpoint, the version and the skeleton, and no value', () => {
    const failure = unreadResponse('x.UserTweets', URL_, body, text.length);
    const report = diagnosticText({
      extractor: 'x.UserTweets',
      endpoint: failure?.endpoint ?? '',
      skeleton: failure?.skeleton ?? '',
      version: '0.4.0',
      since: Date.UTC(2026, 11, 6, 15, 0),
    });
    const parsed = JSON.parse(report);
    expect(parsed).toMatchObject({
      extractor: 'x.UserTweets',
      endpoint: '/i/api/graphql/V7H0Ap3_Hh2FyS75OCDO3Q/UserTweets',
      extensionVersion: '0.4.0',
      since: '2026-12-06T15:00:00.000Z',
    });
    expect(JSON.stringify(parsed.skeleton)).toBe(failure?.skeleton);
    expect(report).not.toContain('userId');
    expect(report).not.toContain('2244994945');
  });
});
