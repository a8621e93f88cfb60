/**
 * npm run -s audience:pairs: pairs drawn from today's themes for readers (texts only, none already
 * judged), and the readers' verdicts merged into the judgments file, every pair once.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, analyseLabelled, drawPairs } from '../audience/labelled';
import { ROOT, runCli } from './run';

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

describe('npm run -s audience:pairs', () => {
  it('writes unjudged pairs of one theme for readers, then merges their verdicts once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-pairs-'));
    const judgments = join(dir, 'judgments.jsonl');
    copyFileSync(join(ROOT, 'test/fixtures/audience/pair-judgments.jsonl'), judgments);
    const before = lines(judgments);
    const judged = new Set(before.map((p) => `${p.a}-${p.b}`));

    const args = ['--judgments', judgments, '--per-half', '4', '--controls', '1', '--seed', '5'];
    const sampled = await runCli('scripts/audience-pairs.ts', ['sample', dir, ...args]);
    expect(sampled.code).toBe(0);
    const keys = lines(join(dir, 'key.jsonl'));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(4 * (4 + 1));
    for (const k of keys) {
      expect(k.a).toBeLessThan(k.b);
      expect(judged.has(`${k.a}-${k.b}`)).toBe(false);
    }
    const forReaders = [...lines(join(dir, 'pairs-en.jsonl')), ...lines(join(dir, 'pairs-zh.jsonl'))];
    expect(forReaders.map((p) => p.key).sort()).toEqual(keys.map((k) => k.key).sort());
    for (const p of forReaders) {
      expect(Object.keys(p).sort()).toEqual(['a', 'b', 'key']);
      expect(typeof p.a).toBe('string');
    }

    const unjudged = await runCli('scripts/audience-pairs.ts', ['merge', dir, '--judgments', judgments]);
    expect(unjudged.code).toBe(1);
    expect(unjudged.stderr).toMatch(/pairs not judged/);

    for (const lang of ['en', 'zh'])
      writeFileSync(
        join(dir, `judged-${lang}.jsonl`),
        lines(join(dir, `pairs-${lang}.jsonl`))
          .map((p, i) => `${JSON.stringify({ key: p.key, together: i % 2 === 0 })}\n`)
          .join(''),
      );
    const merged = await runCli('scripts/audience-pairs.ts', ['merge', dir, '--judgments', judgments]);
    expect(merged.code).toBe(0);
    const after = lines(judgments);
    expect(after).toHaveLength(before.length + keys.length);
    expect(new Set(after.map((p) => `${p.a}-${p.b}`)).size).toBe(after.length);
    const added = after.filter((p) => !judged.has(`${p.a}-${p.b}`));
    expect(added.filter((p) => p.kind === 'control').length).toBe(
      keys.filter((k) => k.kind === 'control').length,
    );
    expect(added.every((p) => typeof p.together === 'boolean')).toBe(true);
  }, 120_000);

  it('with --audiences, writes the unjudged pairs of the eval test draw and merges both readings into its own file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-pairs-'));
    const judgments = join(dir, 'audience-judgments.jsonl');
    // One audience as if never judged: its draw is what sample must write, and nothing of the others'.
    const etcd = AUDIENCES.find((a) => a.set === 'geektime:etcd实战课')!;
    const stored = lines(join(ROOT, 'test/fixtures/audience/audience-judgments.jsonl'));
    writeFileSync(
      judgments,
      stored
        .filter((p) => p.set !== etcd.set)
        .map((p) => `${JSON.stringify(p)}\n`)
        .join(''),
    );
    const before = lines(judgments);
    const id = (p: { set: string; i: number; j: number }) => `${p.set} ${p.i}-${p.j}`;
    const judged = new Set(before.map(id));

    const args = ['--audiences', '--judgments', judgments, '--per-half', '3', '--controls', '1'];
    const sampled = await runCli('scripts/audience-pairs.ts', ['sample', dir, ...args]);
    expect(sampled.code).toBe(0);
    expect(sampled.stdout).toMatch(
      /geektime:etcd实战课: 3 pairs drawn from its themes and 1 controls, 0 of the drawn already judged/,
    );
    const keys = lines(join(dir, 'key.jsonl'));
    const draw = drawPairs(
      etcd.set,
      analyseLabelled(etcd.rows).comments.map((c) => c.theme),
      3,
      1,
    );
    const drawn = [
      ...draw.theme.map(([i, j]) => ({ set: etcd.set, i, j, kind: 'theme' })),
      ...draw.control.map(([i, j]) => ({ set: etcd.set, i, j, kind: 'control' })),
    ];
    expect(keys.map(({ key: _, ...k }) => k)).toEqual(expect.arrayContaining(drawn));
    expect(keys).toHaveLength(drawn.length);
    for (const k of keys) expect(judged.has(id(k))).toBe(false);

    const answer = (reading: string, value: (i: number) => boolean) => {
      for (const lang of ['en', 'zh'])
        writeFileSync(
          join(dir, `${reading}-${lang}.jsonl`),
          lines(join(dir, `pairs-${lang}.jsonl`))
            .map((p, i) => `${JSON.stringify({ key: p.key, together: value(i) })}\n`)
            .join(''),
        );
    };
    answer('judged', (i) => i % 2 === 0);
    // One reading is not enough: the other readers have not judged by subject yet.
    const half = await runCli('scripts/audience-pairs.ts', ['merge', dir, '--judgments', judgments]);
    expect(half.code).toBe(1);
    expect(half.stderr).toMatch(/pairs not judged/);
    answer('subject', () => true);
    const merged = await runCli('scripts/audience-pairs.ts', ['merge', dir, '--judgments', judgments]);
    expect(merged.code).toBe(0);
    const after = lines(judgments);
    expect(after).toHaveLength(before.length + keys.length);
    expect(new Set(after.map(id)).size).toBe(after.length);
    const added = after.filter((p) => !judged.has(id(p)));
    expect(added.every((p) => p.sameSubject === true && typeof p.together === 'boolean')).toBe(true);
  }, 120_000);

  it('refuses an unknown command with the usage and exit 2', async () => {
    const wrong = await runCli('scripts/audience-pairs.ts', ['judge', tmpdir()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /^audience:pairs: unknown command "judge"\nusage: npm run -s audience:pairs/,
    );
  }, 60_000);
});
