/**
 * npm run -s audience:pairs -- sample <dir> | merge <dir>
 *
 * Keeps the eval test's judged purity (test/unit/audience/eval.test.ts, "as a reader judges them")
 * speaking for the grouping after it changes: `sample` draws pairs from the themes grouping makes now
 * and writes the ones nobody has judged for readers; `merge` adds the readers' verdicts to
 * test/fixtures/audience/pair-judgments.jsonl.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OTHER } from '../lib/audience/types';
import { prng } from '../lib/sample';
import { analyseLabelled, LABELLED } from '../test/unit/audience/labelled';
import { fail, readArgs, usageError } from './cli';

const USAGE = `usage: npm run -s audience:pairs -- sample <dir> [--per-half <n>] [--controls <n>] [--seed <n>]
       npm run -s audience:pairs -- merge <dir>

sample  groups each half of the labelled comments (dev and held-out, English and Chinese) as the
        eval test does, draws --per-half pairs (default 150) at random from those put in one theme
        and --controls pairs (default 40) from two different themes, and writes the ones not yet
        judged: <dir>/pairs-en.jsonl and <dir>/pairs-zh.jsonl ({key, a, b}: the two texts, shuffled,
        nothing else) for readers, and <dir>/key.jsonl (the rows each key joins) for merge.
        Readers judge against test/fixtures/audience/GUIDE.md "Judging pairs", from the texts alone,
        and write <dir>/judged-en.jsonl and <dir>/judged-zh.jsonl: {"key": ..., "together": true|false}.
merge   adds the judged pairs to test/fixtures/audience/pair-judgments.jsonl; every key must be judged.
  --judgments <file>  the judged pairs to skip (sample) and to add to (merge); default that file
Exit 0 when done, 1 when a file is missing or a key unjudged, 2 on a wrong argument.`;

const DEFAULT_JUDGMENTS = fileURLToPath(
  new URL('../test/fixtures/audience/pair-judgments.jsonl', import.meta.url),
);
const LANGS = ['en', 'zh'] as const;

interface Judged {
  a: number;
  b: number;
  kind: 'theme' | 'control' | 'linked';
  together: boolean;
}

interface Keyed {
  key: string;
  a: number;
  b: number;
  kind: 'theme' | 'control';
}

const pairId = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const jsonLines = (file: string): unknown[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
const writeLines = (file: string, rows: unknown[]) =>
  writeFileSync(file, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));

function sample(dir: string, judgments: Judged[], perHalf: number, controls: number, seed: number): void {
  const next = prng(seed);
  const judged = new Set(judgments.map((p) => pairId(p.a, p.b)));
  const byLang: Record<(typeof LANGS)[number], Omit<Keyed, 'key'>[]> = { en: [], zh: [] };
  for (const lang of LANGS)
    for (const split of ['dev', 'heldout'] as const) {
      const rows = LABELLED.filter((r) => r.lang === lang && r.split === split);
      const themes = analyseLabelled(rows).comments.map((c) => c.theme);
      const inTheme: [number, number][] = [];
      for (let i = 0; i < rows.length; i++)
        for (let j = i + 1; j < rows.length; j++)
          if (themes[i] !== OTHER && themes[i] === themes[j]) inTheme.push([i, j]);
      const picked = new Set<number>();
      while (picked.size < Math.min(perHalf, inTheme.length)) picked.add(Math.floor(next() * inTheme.length));
      const pairs = [...picked].map((k) => inTheme[k]!);
      const themed = themes.flatMap((t, i) => (t === OTHER ? [] : [i]));
      const apart: [number, number][] = [];
      for (let tries = 0; apart.length < controls && tries < controls * 100; tries++) {
        const i = themed[Math.floor(next() * themed.length)]!;
        const j = themed[Math.floor(next() * themed.length)]!;
        if (themes[i] !== themes[j]) apart.push([i, j]);
      }
      for (const [kind, list] of [
        ['theme', pairs],
        ['control', apart],
      ] as const)
        for (const [i, j] of list) {
          const [a, b] = [rows[i]!.n, rows[j]!.n].sort((x, y) => x - y) as [number, number];
          if (!judged.has(pairId(a, b))) byLang[lang].push({ a, b, kind });
        }
      console.log(
        `${lang} ${split}: ${inTheme.length} pairs in themes now, ${pairs.length} drawn and ${apart.length} controls, ` +
          `${pairs.filter(([i, j]) => judged.has(pairId(rows[i]!.n, rows[j]!.n))).length} of the drawn already judged`,
      );
    }
  const text = new Map(LABELLED.map((r) => [r.n, r.text]));
  const keys: Keyed[] = [];
  for (const lang of LANGS) {
    const shuffled = byLang[lang]
      .map((p) => ({ p, order: next() }))
      .sort((x, y) => x.order - y.order)
      .map(({ p }, k) => ({ key: `${lang}${k}`, ...p }));
    keys.push(...shuffled);
    writeLines(
      join(dir, `pairs-${lang}.jsonl`),
      shuffled.map((p) => ({ key: p.key, a: text.get(p.a), b: text.get(p.b) })),
    );
  }
  writeLines(join(dir, 'key.jsonl'), keys);
  console.log(`${keys.length} pairs to judge written to ${dir}`);
}

function merge(dir: string, file: string, judgments: Judged[]): void {
  const keyFile = join(dir, 'key.jsonl');
  if (!existsSync(keyFile)) fail(`${keyFile} is missing: run sample first`);
  const verdicts = new Map<string, boolean>();
  for (const lang of LANGS) {
    const file = join(dir, `judged-${lang}.jsonl`);
    if (!existsSync(file)) continue;
    for (const row of jsonLines(file) as { key?: unknown; together?: unknown }[])
      if (typeof row.key === 'string' && typeof row.together === 'boolean')
        verdicts.set(row.key, row.together);
  }
  const keys = jsonLines(keyFile) as Keyed[];
  const missing = keys.filter((k) => !verdicts.has(k.key)).map((k) => k.key);
  if (missing.length > 0) fail(`${missing.length} pairs not judged: ${missing.slice(0, 10).join(' ')}`);
  const all = new Map(judgments.map((p) => [pairId(p.a, p.b), p]));
  for (const k of keys)
    all.set(pairId(k.a, k.b), { a: k.a, b: k.b, kind: k.kind, together: verdicts.get(k.key)! });
  writeLines(
    file,
    [...all.values()].sort((x, y) => x.a - y.a || x.b - y.b),
  );
  console.log(`${keys.length} judged pairs added; ${all.size} in ${file}`);
}

const { values, positionals } = readArgs('audience:pairs', USAGE, {
  judgments: { type: 'string' },
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
const file = values.judgments ?? DEFAULT_JUDGMENTS;
if (!existsSync(file)) fail(`${file} does not exist`);
const judgments = jsonLines(file) as Judged[];
if (command === 'sample')
  sample(
    dir,
    judgments,
    count('per-half', values['per-half'], 150),
    count('controls', values.controls, 40),
    count('seed', values.seed, 1),
  );
else merge(dir, file, judgments);
