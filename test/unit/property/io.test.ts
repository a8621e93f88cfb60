// @vitest-environment happy-dom
/**
 * Property tests of backfill and backup import (issue 7): extractFile reads any text (truncated
 * fixtures, HAR files with hostile entries) without throwing and returns only contract records;
 * parseBackup refuses, and never throws on, anything that is not a valid backup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../lib/db/schema';
import { type BackfillResult, extractFile } from '../../../lib/io/backfill';
import { BACKUP_FORMAT, parseBackup } from '../../../lib/io/backup';
import { TABLE_NAMES } from '../../../lib/io/backup-schema';
import { fixtureText } from '../fixtures';
import { assertFailure, assertRecord, guardPrototypes, noThrow } from './contract';
import { hostile, materialize, mutate, mutations, protoObject, runs } from './hostile';
import { editText, hostileText, textEdits } from './html';

const TIMEOUT = 60_000;
const NOW = new Date('2026-11-27T12:00:00Z');
const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

guardPrototypes();

function checkBackfill(result: BackfillResult, where: string): void {
  if (!result.ok) {
    expect(typeof result.reason, where).toBe('string');
    return;
  }
  expect(Number.isSafeInteger(result.entries) && result.entries >= 0, where).toBe(true);
  for (const r of result.records) assertRecord(r, where);
  for (const f of result.failures) expect(() => assertFailure(f, '', where)).not.toThrow();
  for (const f of result.failures) expect(f.extractor, where).toMatch(/^(x|youtube|weibo|course)\./);
}

const run = (text: string, url: string | undefined, where: string) =>
  checkBackfill(
    noThrow(where, () => extractFile(text, { url, now: NOW, parseHtml })),
    where,
  );

/** Saved files a user might import, with the URL they came from. */
const FILES: Array<[string, string]> = [
  [
    'twitter/trevorhobenshield__twitter-api-client/example_responses.md__TweetDetail.json',
    'https://x.com/i/api/graphql/h/TweetDetail',
  ],
  ['twitter/huginn__huginn/one_tweet.json', 'https://api.twitter.com/1.1/statuses/show.json'],
  [
    'weibo/cirplan__weiboBackup/README.md__getIndex_107603_sample.json',
    'https://m.weibo.cn/api/container/getIndex?containerid=1',
  ],
  [
    'youtube/iv-org__mocks/scheduled_live_PBD-Podcast.player.json',
    'https://www.youtube.com/youtubei/v1/player',
  ],
  ['courses/coursera-dl__coursera-dl/matrix-002-about.json', 'https://www.coursera.org/api/x'],
  ['synthetic/courses/jsonld-graph.html', 'https://www.udemy.com/course/x/'],
  ['synthetic/x/profile-shell.html', 'https://x.com/user'],
  [
    'weibo/dataabc__weiboSpider/ca5f2a555e8d62f728c66fa90afb2d54d19f8c898e164204a61bdf03.html',
    'https://weibo.cn/u/1669879400',
  ],
];

const anyUrl = (fallback: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<string | undefined>(fallback) },
    fc.constantFrom<string | undefined>(
      undefined,
      '',
      'javascript:alert(1)',
      'https://evil.example/',
      'not a url',
    ),
    fc.webUrl(),
  );

describe('extractFile', () => {
  it('a page that is neither one course nor a list, whose own URL is of any length, fails in the contract’s shape', () => {
    // The property below found it (seed 1128953686): the failure quoted the page's whole URL.
    const source = fixtureText('synthetic/courses/jsonld-graph.html');
    const edits = [
      { at: 980121, op: 'delete', text: '', len: 59 },
      { at: 0, op: 'digits', text: 'W'.repeat(3000), len: 0 },
    ] as const;
    run(editText(source, [...edits]), undefined, 'extractFile(edited jsonld-graph.html, long URL)');
  });

  it(
    'any text, JSON of any shape, with or without a URL',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
            hostileText().map((t) => `<html>${t}</html>`),
            fc.constantFrom(
              '\uFEFF',
              '{',
              '[',
              '<',
              '<!doctype html>',
              '{"log":{"entries":"x"}}',
              '{"log":{"entries":[null,1,{}]}}',
            ),
          ),
          anyUrl('https://x.com/i/api/graphql/h/UserTweets'),
          (text, url) => run(text, url, 'extractFile(any text)'),
        ),
        { numRuns: runs(200) },
      );
    },
    TIMEOUT,
  );

  it.each(FILES)(
    'truncated and edited %s',
    (file, url) => {
      const source = fixtureText(file);
      fc.assert(
        fc.property(textEdits(), anyUrl(url), (edits, u) =>
          run(editText(source, edits), u, `extractFile(edited ${file})`),
        ),
        { numRuns: runs(15) },
      );
    },
    TIMEOUT,
  );

  it(
    'HAR files whose entries carry hostile URLs, MIME types, encodings and mutated bodies',
    () => {
      const bodies = FILES.map(([file, url]) => [fixtureText(file), url] as const);
      const entry = fc.record({
        pick: fc.nat(bodies.length - 1),
        url: fc.oneof(fc.constant(undefined), fc.webUrl(), hostile().map(materialize)),
        mime: fc.oneof(
          fc.constantFrom('application/json', 'text/html', 'text/plain'),
          hostile().map(materialize),
        ),
        encoding: fc.constantFrom(undefined, 'base64', 'gzip', 'base64'),
        edits: mutations(3),
        textEdits: fc.option(textEdits()),
      });
      fc.assert(
        fc.property(fc.array(entry, { maxLength: 4 }), fc.boolean(), (entries, garbage) => {
          // A 10 000-level body overflows JSON.stringify itself: no HAR could carry it, so it is discarded.
          const har = () => ({
            log: {
              entries: entries.map((e) => {
                const [source, realUrl] = bodies[e.pick] as readonly [string, string];
                let text = source.trimStart().startsWith('{')
                  ? (JSON.stringify(mutate(JSON.parse(source), e.edits)) ?? 'null')
                  : source;
                if (e.textEdits) text = editText(text, e.textEdits);
                if (e.encoding === 'base64') {
                  text = garbage
                    ? `${text.slice(0, 10)}!!not base64`
                    : Buffer.from(text, 'utf8').toString('base64');
                }
                return {
                  request: { url: e.url === undefined ? realUrl : e.url },
                  response: { content: { text, mimeType: e.mime, encoding: e.encoding } },
                };
              }),
            },
          });
          let text: string;
          try {
            text = JSON.stringify(har());
          } catch {
            return fc.pre(false);
          }
          run(text, undefined, 'extractFile(HAR)');
        }),
        { numRuns: runs(40) },
      );
    },
    TIMEOUT,
  );
});

describe('parseBackup', () => {
  const header = `{"format":"${BACKUP_FORMAT}","schemaVersion":${SCHEMA_VERSION},"exportedAt":"2026-11-27T12:00:00.000Z"`;

  it(
    'accepts an empty backup and refuses a truncated one (sanity)',
    () => {
      expect(parseBackup(`${header},"tables":{}}`)).toMatchObject({ ok: true, rows: 0 });
      expect(parseBackup(`${header},"tables":{`).ok).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'prototype keys as table names are refused, never looked up on Object',
    () => {
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
        for (const rows of ['[]', '[1]', '[{}]', '{}']) {
          const result = noThrow('parseBackup', () => parseBackup(`${header},"tables":{"${name}":${rows}}}`));
          expect(result.ok, `${name}: ${rows}`).toBe(false);
        }
      }
    },
    TIMEOUT,
  );

  it(
    'never throws; accepts only known tables of valid rows',
    () => {
      const tableName = fc.oneof(
        fc.constantFrom(...TABLE_NAMES),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'nope'),
        fc.string({ maxLength: 8 }),
      );
      const row = fc.oneof(hostile().map(materialize), fc.constant(protoObject()));
      const doc = fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        fc
          .tuple(
            fc.oneof(fc.constant(BACKUP_FORMAT), hostile().map(materialize)),
            fc.oneof(
              fc.constant(SCHEMA_VERSION),
              fc.constantFrom(0, -1, 1.5, SCHEMA_VERSION + 1, '1', null, 1e308),
            ),
            fc.dictionary(tableName, fc.oneof(fc.array(row, { maxLength: 3 }), row), { maxKeys: 3 }),
          )
          .map(([format, schemaVersion, tables]) => {
            try {
              return JSON.stringify({ format, schemaVersion, tables });
            } catch {
              return '{';
            }
          }),
      );
      fc.assert(
        fc.property(doc, fc.nat(), fc.boolean(), (text, cut, truncate) => {
          const input = truncate ? text.slice(0, cut % (text.length + 1)) : text;
          const result = noThrow('parseBackup', () => parseBackup(input));
          if (!result.ok) {
            expect(typeof result.reason).toBe('string');
            return;
          }
          const names = Object.keys(result.tables);
          for (const name of names) expect(TABLE_NAMES as readonly string[]).toContain(name);
          expect(Object.getPrototypeOf(result.tables)).toBe(Object.prototype);
          expect(result.rows).toBe(
            names.reduce((n, name) => n + (result.tables[name as never] as unknown[]).length, 0),
          );
        }),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );
});
