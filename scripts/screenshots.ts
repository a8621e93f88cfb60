/**
 * npm run screenshots — regenerates every image the README shows (docs/screenshots/*.png) from the
 * labelled sample data in headless Chromium. Commit the result.
 */
import { statSync } from 'node:fs';
import { fail, readArgs, usageError } from './cli';
import { hasChineseFont, NO_CHINESE_FONT, openSampleDashboard, writeScreenshots } from './sample-dashboard';

const USAGE = `usage: npm run screenshots [-- --out <dir>]

Builds the extension, loads the labelled sample data in headless Chromium and writes every image the
README shows: each dashboard view, the dark theme, the Chinese campaigns view and the popup.
  --out <dir>  where to write them (default: docs/screenshots, the README's images)
Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and a Chinese font (Debian: fonts-noto-cjk).
Exit 0 when written, 1 when they could not be, 2 on a wrong argument.`;

const { values, positionals } = readArgs('screenshots', USAGE, { out: { type: 'string' } });
if (positionals.length > 0) usageError(`unexpected argument "${positionals[0]}"`);
if (!hasChineseFont()) fail(NO_CHINESE_FONT);

const opened = await openSampleDashboard(true);
try {
  for (const file of await writeScreenshots(opened, values.out ?? 'docs/screenshots'))
    console.log(`${file}  ${(statSync(file).size / 1000).toFixed(0)} kB`);
} finally {
  await opened.context.close();
}
