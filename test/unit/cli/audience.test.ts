import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT } from '../../../lib/io/backup';
import { LABELLED } from '../audience/labelled';
import { ROOT, runCli } from './run';

const audience = (...args: string[]) => runCli('scripts/audience.ts', args);

const dir = mkdtempSync(join(tmpdir(), 'cp-audience-'));

/**
 * Synthetic record files wrapping real comment texts (the labelled Bilibili rows): contract-shaped
 * comment records as `extract` prints them, plus one X reply and the post it answers.
 */
const rows = () => LABELLED.filter((r) => r.source.startsWith('bilibili:'));

function recordsFile(): string {
  const lines = rows().map((r, i) =>
    JSON.stringify({
      kind: 'comment',
      platform: 'weibo',
      id: `c${r.n}`,
      postId: `p${i % 3}`,
      parentId: r.sideThread ? 'c-parent' : null,
      authorId: `u${i % 90}`,
      authorHandle: `h${i % 90}`,
      authorName: `n${i % 90}`,
      text: r.text,
      createdAt: '2026-11-20T12:00:00+08:00',
      createdAtApprox: false,
      metrics: { likes: i },
      metricsExact: true,
    }),
  );
  lines.push(
    JSON.stringify({
      kind: 'post',
      platform: 'x',
      id: 'x1',
      authorId: 'me',
      authorHandle: 'me',
      text: 'New course out',
      createdAt: null,
    }),
    JSON.stringify({
      kind: 'post',
      platform: 'x',
      id: 'x2',
      authorId: 'u7',
      authorHandle: 'h7',
      text: '@me Is there a student discount?',
      createdAt: null,
      replyTo: 'x1',
      conversationId: 'x1',
    }),
    'not json',
  );
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('npm run -s audience (the public CLI)', { timeout: 180_000 }, () => {
  it('prints the tags and theme of every comment and the themes with label, size, people and examples', async () => {
    const { code, stdout } = await audience(
      recordsFile(),
      '--now',
      '2026-12-01T00:00:00Z',
      '--tz',
      'Asia/Shanghai',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.comments).toHaveLength(rows().length + 1);
    const byId = new Map(out.comments.map((c: { id: string }) => [c.id, c]));
    // Real comments whose labels the guide gives: "哪里看全集？" asks; "来个全套的呗" requests; the X reply is a comment.
    expect(byId.get('c356')).toMatchObject({ tags: ['question'] });
    expect(byId.get('c271')).toMatchObject({ tags: ['request'], theme: 'more-content' });
    expect(byId.get('x2')).toMatchObject({ tags: ['question'] });
    for (const c of out.comments)
      for (const t of c.tags) expect(['question', 'problem', 'request']).toContain(t);
    expect(out.comments.filter((c: { theme: string }) => c.theme === 'other').length).toBeGreaterThan(
      rows().length / 2,
    );
    const more = out.themes.find((t: { id: string }) => t.id === 'more-content');
    expect(more.size).toBeGreaterThanOrEqual(2);
    expect(more.people).toBeLessThanOrEqual(more.size);
    expect(typeof more.label).toBe('string');
    expect(more.examples.length).toBeGreaterThan(0);
    expect(Object.keys(out)).toEqual(['comments', 'themes']);
  });

  it('--full prints the whole report (profile, ideas, competitors)', async () => {
    const { code, stdout } = await audience(
      recordsFile(),
      '--now',
      '2026-12-01T00:00:00Z',
      '--tz',
      'UTC',
      '--full',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    // 90 authors in turn, and the X reply's author is one of them.
    expect(out.profile.commenters).toBe(90);
    expect(out.themes[0].weekly).toHaveLength(8);
    expect(Array.isArray(out.ideas)).toBe(true);
    expect(out.competitors.comments).toEqual([]);
  });

  it('reads a CoursePulse backup (a backup without comments has none)', async () => {
    const v2 = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/synthetic/db/v2.json'), 'utf8'));
    const file = join(dir, 'backup.json');
    writeFileSync(file, JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: 2, tables: v2.tables }));
    const { code, stdout } = await audience(file, '--now', '2026-12-01T00:00:00Z');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ comments: [], themes: [] });
  });

  it('applies the theme edits a backup carries, as the Audience view does', async () => {
    const records = readFileSync(recordsFile(), 'utf8')
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const backup = (themeEdits: unknown[]) => {
      const file = join(dir, `edited-${themeEdits.length}.json`);
      const rowsOf = (kind: string) =>
        records
          .filter((r) => r.kind === kind)
          .map(({ kind: _, ...row }) => ({ ...row, metricsAt: 1, firstSeenAt: 1, lastSeenAt: 1 }));
      writeFileSync(
        file,
        JSON.stringify({
          format: BACKUP_FORMAT,
          schemaVersion: 6,
          tables: { comments: rowsOf('comment'), themeEdits },
        }),
      );
      return file;
    };
    const plain = JSON.parse((await audience(backup([]), '--now', '2026-12-01T00:00:00Z')).stdout);
    const [first, second] = plain.themes as { id: string; label: string; size: number }[];
    expect(first && second).toBeTruthy();
    const edited = await audience(
      backup([
        { theme: first!.id, label: '改过的名字', updatedAt: 1 },
        { theme: second!.id, mergedInto: first!.id, updatedAt: 2 },
      ]),
      '--now',
      '2026-12-01T00:00:00Z',
    );
    expect(edited.code).toBe(0);
    const out = JSON.parse(edited.stdout) as typeof plain;
    const renamed = out.themes.find((t: { id: string }) => t.id === first!.id)!;
    expect(renamed.label).toBe('改过的名字');
    expect(renamed.size).toBe(first!.size + second!.size);
    expect(out.themes.some((t: { id: string }) => t.id === second!.id)).toBe(false);
    expect(out.comments.some((c: { theme: string }) => c.theme === second!.id)).toBe(false);
  });

  it('answers --help with the usage and exit 0, a wrong argument with exit 2, an unreadable file with exit 1', async () => {
    const help = await audience('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run -s audience/);
    expect((await audience('--bogus', 'x')).code).toBe(2);
    expect((await audience()).code).toBe(2);
    expect((await audience(recordsFile(), '--tz', 'Mars/Olympus')).code).toBe(2);
    const missing = await audience(join(dir, 'missing.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, `{"format":"${BACKUP_FORMAT}","schemaVersion":2,"tables":{"posts":[{"id":1}]}}`);
    const bad = await audience(damaged);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/posts row 1/);
  });
});
