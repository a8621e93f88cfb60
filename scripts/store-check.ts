/**
 * npm run store:check — are the store packages ready to upload? Builds both (`npm run zip`), lints the
 * Firefox build with Mozilla's linter as addons.mozilla.org does on upload, and checks the zips: the
 * Chrome and Firefox packages, and the sources zip AMO asks for, which must hold only files git tracks
 * (zip.excludeSources in wxt.config.ts keeps build output, reports and screenshots out).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { fail, readArgs, usageError } from './cli';
import { blockingFindings, describeFinding, isPreactInnerHtml, type LintReport } from './store-lint';

/** Pinned: web-ext pins addons-linter and its rules exactly, so a version is a fixed set of checks. */
const WEB_EXT = 'web-ext@10.7.0';
const OUT = '.output';
const FIREFOX_BUILD = join(OUT, 'firefox-mv3');

const USAGE = `usage: npm run store:check

Builds the Chrome and Firefox packages (npm run zip), runs Mozilla's linter (${WEB_EXT} lint) on the
Firefox build and checks the zips. Fails on any linter error or warning except Preact's own innerHTML
assignment (its dangerouslySetInnerHTML support), on a missing zip, and on a file in the sources zip
that git does not track.
Exit 0 when the packages are ready, 1 when not, 2 on a wrong argument.`;

function run(command: string, args: string[]): void {
  const done = spawnSync(command, args, { stdio: 'inherit' });
  if (done.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${done.status ?? done.signal})`);
}

function lintFirefoxBuild(): LintReport {
  const lint = spawnSync(
    'npx',
    ['--yes', WEB_EXT, 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
  );
  try {
    return JSON.parse(lint.stdout) as LintReport;
  } catch {
    return fail(`web-ext lint printed no report (exit ${lint.status}): ${lint.stderr.trim().split('\n')[0]}`);
  }
}

/**
 * Entries of the sources zip that git does not track (build output, reports, stray files), or null
 * outside a git checkout, where there is nothing to compare with.
 */
async function untrackedSources(zipPath: string): Promise<string[] | null> {
  const files = spawnSync('git', ['ls-files', '-z'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (files.status !== 0) return null;
  const tracked = new Set(files.stdout.split('\0'));
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  return Object.values(zip.files)
    .filter((entry) => !entry.dir && !tracked.has(entry.name))
    .map((entry) => entry.name);
}

const kB = (path: string) => `${(statSync(path).size / 1000).toFixed(1)} kB`;

async function main(): Promise<void> {
  const { positionals } = readArgs('store:check', USAGE, {});
  if (positionals.length > 0) usageError(`unexpected argument "${positionals[0]}"`);
  run('npm', ['run', '-s', 'zip']);

  const problems: string[] = [];
  const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as {
    name: string;
    version: string;
  };
  const zips = ['chrome', 'firefox', 'sources'].map((kind) => join(OUT, `${name}-${version}-${kind}.zip`));
  for (const zip of zips) {
    if (existsSync(zip)) console.log(`${zip}: ${kB(zip)}`);
    else problems.push(`missing ${zip}`);
  }
  const sources = zips[2]!;
  const strays = existsSync(sources) ? await untrackedSources(sources) : [];
  if (strays === null) console.log(`not a git checkout: ${sources} not compared with the tracked files`);
  for (const stray of strays ?? [])
    problems.push(
      `${sources} holds ${stray}, which git does not track (commit it, or leave it out in zip.excludeSources)`,
    );

  const report = lintFirefoxBuild();
  const readSource = (file: string) => readFileSync(join(FIREFOX_BUILD, file), 'utf8');
  const blocking = blockingFindings(report, readSource);
  const allowed = report.warnings.filter((w) => isPreactInnerHtml(w, readSource));
  console.log(
    `${WEB_EXT} lint ${FIREFOX_BUILD}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
  );
  for (const w of allowed) console.log(`  allowed (Preact's dangerouslySetInnerHTML): ${describeFinding(w)}`);
  for (const n of report.notices) console.log(`  notice: ${describeFinding(n)}`);
  problems.push(...blocking.map(describeFinding));

  if (problems.length > 0) fail(`not ready for the stores:\n  ${problems.join('\n  ')}`);
  console.log('Store packages ready.');
}

await main();
