/**
 * Every command line answers like one (scripts/cli.ts): `--help` prints the usage on stdout and exits
 * 0 without doing any work; an unknown option prints the reason and the usage on stderr and exits 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** npm script → the script it runs and how its usage line starts. */
const CLIS = {
  extract: ['scripts/extract.ts', 'usage: npm run -s extract -- '],
  report: ['scripts/report.ts', 'usage: npm run -s report -- '],
  bench: ['scripts/bench.ts', 'usage: npm run bench '],
  start: ['scripts/start.ts', 'usage: npm start '],
  screenshots: ['scripts/screenshots.ts', 'usage: npm run screenshots '],
  'store:check': ['scripts/store-check.ts', 'usage: npm run store:check'],
  'audience:pairs': ['scripts/audience-pairs.ts', 'usage: npm run -s audience:pairs -- '],
} as const;

/** Runs a CLI to its end; the tests run side by side, as each spends most of its time starting up. */
const run = (script: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [TSX, script, ...args],
      { cwd: ROOT, encoding: 'utf8', env },
      (error, stdout, stderr) =>
        done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });

describe.concurrent.each(Object.entries(CLIS))('npm run %s', (name, [script, usage]) => {
  it('--help: the usage on stdout, nothing on stderr, exit 0', async () => {
    const help = await run(script, ['--help']);
    expect(help.stderr).toBe('');
    expect(help.stdout.startsWith(usage)).toBe(true);
    expect(help.status).toBe(0);
  }, 120_000);

  it('an unknown option: the reason and the usage on stderr, nothing on stdout, exit 2', async () => {
    const wrong = await run(script, ['--no-such-option']);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(new RegExp(`^${name}: .*--no-such-option`));
    expect(wrong.stderr).toContain(usage);
    expect(wrong.status).toBe(2);
  }, 120_000);
});

describe('npm run screenshots', () => {
  it('refuses to run without a Chinese font, which would show Chinese as empty boxes', async () => {
    // fontconfig with no fonts at all: what a machine without fonts-noto-cjk offers for Chinese.
    const noFonts = join(mkdtempSync(join(tmpdir(), 'cp-fonts-')), 'fonts.conf');
    writeFileSync(noFonts, '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
    const refused = await run(CLIS.screenshots[0], [], { ...process.env, FONTCONFIG_FILE: noFonts });
    expect(refused.stderr).toMatch(/^screenshots: No Chinese font found .*fonts-noto-cjk/);
    expect(refused.stdout).toBe('');
    expect(refused.status).toBe(1);
  }, 120_000);
});
