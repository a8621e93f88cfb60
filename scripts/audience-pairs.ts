/**
 * npm run -s audience:pairs -- sample <dir> [--audiences] | merge <dir>
 *
 * Keeps the eval test's judged purity (test/unit/audience/eval.test.ts, "as a reader judges them" and
 * "whole audiences") speaking for the grouping after it changes: `sample` draws pairs from the themes
 * grouping makes now and writes the ones nobody has judged for readers; `merge` adds the readers'
 * verdicts to the judgments file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OTHER } from '../lib/audience/types';
import { prng } from '../lib/sample';
import { AUDIENCES, analyseLabelled, type Draw, drawPairs, LABELLED } from '../test/unit/audience/labelled';
import { fail, readArgs, usageError } from './cli';

const USAGE = `usage: npm run -s audience:pairs -- sample <dir> [--audiences] [--per-half <n>] [--controls <n>] [--seed <n>]
       npm run -s audience:pairs -- merge <dir>

sample  groups each half of the labelled comments (dev and held-out, English and Chinese) as the
        eval test does, draws --per-half pairs (default 150) at random from those put in one theme
        and --controls pairs (default 40) from two different themes, and writes the ones not yet
        judged: <dir>/pairs-en.jsonl and <dir>/pairs-zh.jsonl ({key, a, b}: the two texts, shuffled,
        nothing else) for readers, and <dir>/key.jsonl (the rows each key joins) for merge.
        Readers judge against test/fixtures/audience/GUIDE.md "Judging pairs", from the texts alone,
        and write <dir>/judged-en.jsonl and <dir>/judged-zh.jsonl: {"key": ..., "together": true|false}.
  --audiences  draw from each whole audience (test/unit/audience/labelled.ts AUDIENCES) instead of
        the halves, the pairs that rank first (labelled.ts drawPairs): the eval test's own draw at the
        default sizes, so it writes exactly the pairs the test misses. Other readers then judge the
        same pairs by GUIDE.md "Judging pairs by subject" and write <dir>/subject-en.jsonl and
        <dir>/subject-zh.jsonl, in the same shape.
merge   adds the judged pairs to the judgments file; every key must be judged (both ways for
        --audiences pairs).
  --judgments <file>  the judged pairs to skip (sample) and to add to (merge); default
        test/fixtures/audience/pair-judgments.jsonl, or audience-judgments.jsonl with --audiences
        (merge reads which from <dir>/key.jsonl)
Exit 0 when done, 1 when a file is missing or a key unjudged, 2 on a wrong argument.`;

const fixture = (file: string) =>
  fileURLToPath(new URL(`../test/fixtures/audience/${file}`, import.meta.url));
const LANGS = ['en', 'zh'] as const;
type Kind = 'theme' | 'control';

/** Where a pair's rows are: two labelled rows (`a` < `b`), or two rows of one audience (`i` < `j`). */
type Place = { a: number; b: number } | { set: string; i: number; j: number };
type Keyed = Place & { key: string; kind: Kind };
type Judged = Place & { kind: Kind | 'linked'; together: boolean; sameSubject?: boolean };

const placeId = (p: Place) => ('set' in p ? `${p.set} ${p.i}-${p.j}` : `${p.a}-${p.b}`);

/** Rows grouped together, as the eval test groups them, and how a pair of two of them is stored. */
interface Pool {
  name: string;
  lang: (typeof LANGS)[number];
  texts: string[];
  place: (x: number, y: number) => Place;
  /** The pairs to judge, `perPool` of one theme and `controls` of two. */
  draw: (perPool: number, controls: number, next: () => number) => Draw;
}

/** A random draw, from the shared generator: the halves' pairs were drawn this way. */
function randomDraw(themes: readonly string[], perPool: number, controls: number, next: () => number): Draw {
  const inTheme: [number, number][] = [];
  for (let x = 0; x < themes.length; x++)
    for (let y = x + 1; y < themes.length; y++)
      if (themes[x] !== OTHER && themes[x] === themes[y]) inTheme.push([x, y]);
  const picked = new Set<number>();
  while (picked.size < Math.min(perPool, inTheme.length)) picked.add(Math.floor(next() * inTheme.length));
  const themed = themes.flatMap((t, x) => (t === OTHER ? [] : [x]));
  const apart: [number, number][] = [];
  for (let tries = 0; apart.length < controls && tries < controls * 100; tries++) {
    const x = themed[Math.floor(next() * themed.length)]!;
    const y = themed[Math.floor(next() * themed.length)]!;
    if (themes[x] !== themes[y]) apart.push([x, y]);
  }
  return { theme: [...picked].map((k) => inTheme[k]!), control: apart };
}

function pools(audiences: boolean): Pool[] {
  if (audiences)
    return AUDIENCES.map((a) => {
      const themes = analyseLabelled(a.rows).comments.map((c) => c.theme);
      return {
        name: a.set,
        lang: a.lang,
        texts: a.rows.map((r) => r.text),
        place: (x, y) => ({ set: a.set, i: Math.min(x, y), j: Math.max(x, y) }),
        draw: (perPool, controls) => drawPairs(a.set, themes, perPool, controls),
      };
    });
  return LANGS.flatMap((lang) =>
    (['dev', 'heldout'] as const).map((split) => {
      const rows = LABELLED.filter((r) => r.lang === lang && r.split === split);
      const themes = analyseLabelled(rows).comments.map((c) => c.theme);
      return {
        name: `${lang} ${split}`,
        lang,
        texts: rows.map((r) => r.text),
        draw: (perPool: number, controls: number, next: () => number) =>
          randomDraw(themes, perPool, controls, next),
        place: (x: number, y: number) => {
          const [a, b] = [rows[x]!.n, rows[y]!.n].sort((p, q) => p - q) as [number, number];
          return { a, b };
        },
      };
    }),
  );
}

const jsonLines = (file: string): unknown[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
const writeLines = (file: string, rows: unknown[]) =>
  writeFileSync(file, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));

function sample(
  dir: string,
  from: Pool[],
  judgments: Judged[],
  perPool: number,
  controls: number,
  seed: number,
): void {
  const next = prng(seed);
  const judged = new Set(judgments.map(placeId));
  const byLang: Record<(typeof LANGS)[number], { place: Place; kind: Kind; texts: [string, string] }[]> = {
    en: [],
    zh: [],
  };
  for (const pool of from) {
    const { theme: pairs, control: apart } = pool.draw(perPool, controls, next);
    const drawn = new Set<string>();
    for (const [kind, list] of [
      ['theme', pairs],
      ['control', apart],
    ] as const)
      for (const [x, y] of list) {
        const place = pool.place(x, y);
        if (judged.has(placeId(place)) || drawn.has(placeId(place))) continue;
        drawn.add(placeId(place));
        byLang[pool.lang].push({ place, kind, texts: [pool.texts[x]!, pool.texts[y]!] });
      }
    console.log(
      `${pool.name}: ${pairs.length} pairs drawn from its themes and ${apart.length} controls, ` +
        `${pairs.filter(([x, y]) => judged.has(placeId(pool.place(x, y)))).length} of the drawn already judged`,
    );
  }
  const keys: Keyed[] = [];
  for (const lang of LANGS) {
    const shuffled = byLang[lang]
      .map((p) => ({ p, order: next() }))
      .sort((x, y) => x.order - y.order)
      .map(({ p }, k) => ({ key: `${lang}${k}`, ...p }));
    keys.push(...shuffled.map(({ key, kind, place }) => ({ key, kind, ...place })));
    writeLines(
      join(dir, `pairs-${lang}.jsonl`),
      shuffled.map((p) => ({ key: p.key, a: p.texts[0], b: p.texts[1] })),
    );
  }
  writeLines(join(dir, 'key.jsonl'), keys);
  console.log(`${keys.length} pairs to judge written to ${dir}`);
}

function verdictsOf(dir: string, reading: 'judged' | 'subject'): Map<string, boolean> {
  const verdicts = new Map<string, boolean>();
  for (const lang of LANGS) {
    const file = join(dir, `${reading}-${lang}.jsonl`);
    if (!existsSync(file)) continue;
    for (const row of jsonLines(file) as { key?: unknown; together?: unknown }[])
      if (typeof row.key === 'string' && typeof row.together === 'boolean')
        verdicts.set(row.key, row.together);
  }
  return verdicts;
}

function merge(dir: string, keys: Keyed[], file: string, judgments: Judged[]): void {
  const audiences = keys.some((k) => 'set' in k);
  const together = verdictsOf(dir, 'judged');
  const sameSubject = verdictsOf(dir, 'subject');
  const missing = keys
    .filter((k) => !together.has(k.key) || (audiences && !sameSubject.has(k.key)))
    .map((k) => k.key);
  if (missing.length > 0) fail(`${missing.length} pairs not judged: ${missing.slice(0, 10).join(' ')}`);
  const all = new Map(judgments.map((p) => [placeId(p), p]));
  for (const { key, ...k } of keys)
    all.set(placeId(k), {
      ...k,
      together: together.get(key)!,
      ...(audiences ? { sameSubject: sameSubject.get(key)! } : {}),
    });
  const order = (p: Judged) =>
    'set' in p ? [AUDIENCES.findIndex((a) => a.set === p.set), p.i, p.j] : [p.a, p.b];
  writeLines(
    file,
    [...all.values()].sort((x, y) => {
      const [ox, oy] = [order(x), order(y)];
      return ox[0]! - oy[0]! || ox[1]! - oy[1]! || (ox[2] ?? 0) - (oy[2] ?? 0);
    }),
  );
  console.log(`${keys.length} judged pairs added; ${all.size} in ${file}`);
}

const { values, positionals } = readArgs('audience:pairs', USAGE, {
  judgments: { type: 'string' },
  audiences: { type: 'boolean' },
  'per-half': { type: 'string' },
  controls: { type: 'string' },
  seed: { type: 'string' },
});
const count = (flag: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : usageError(`--${flag} must be a whole number: "${value}"`);
};
const [command, dir, ...rest] = positionals;
if (rest.length > 0 || !dir) usageError('one command and one directory, please');
if (command !== 'sample' && command !== 'merge') usageError(`unknown command "${command}"`);
if (!existsSync(dir)) fail(`${dir} does not exist`);
const keyFile = join(dir, 'key.jsonl');
if (command === 'merge' && !existsSync(keyFile)) fail(`${keyFile} is missing: run sample first`);
const keys = command === 'merge' ? (jsonLines(keyFile) as Keyed[]) : [];
const audiences = command === 'sample' ? values.audiences === true : keys.some((k) => 'set' in k);
const file = values.judgments ?? fixture(audiences ? 'audience-judgments.jsonl' : 'pair-judgments.jsonl');
if (!existsSync(file)) fail(`${file} does not exist`);
const judgments = jsonLines(file) as Judged[];
if (command === 'sample')
  sample(
    dir,
    pools(audiences),
    judgments,
    count('per-half', values['per-half'], 150),
    count('controls', values.controls, 40),
    count('seed', values.seed, 1),
  );
else merge(dir, keys, file, judgments);
