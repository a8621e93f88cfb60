// npm start: build the extension and open Chromium with it loaded, the dashboard showing the
// labelled sample data. With no display (or --headless) it runs headless and writes screenshots.
import { resolve } from 'node:path';
import { readArgs, usageError } from './cli';
import { hasChineseFont, NO_CHINESE_FONT, openSampleDashboard, writeScreenshots } from './sample-dashboard';

const USAGE = `usage: npm start [-- --headless]

Builds the extension and opens Chromium with it loaded, the dashboard showing labelled sample data.
With no display (or --headless) it runs headless and writes screenshots of every dashboard view and
the popup to screenshots/ instead.
Needs Chromium at /usr/bin/chromium (Debian: apt-get install -y chromium) or CHROMIUM_PATH.
Exit 0 when done, 1 when Chromium cannot be started, 2 on a wrong argument.`;

const { values, positionals } = readArgs('start', USAGE, { headless: { type: 'boolean' } });
if (positionals.length > 0) usageError(`unexpected argument "${positionals[0]}"`);
const headless = values.headless === true || !process.env.DISPLAY;

if (headless) {
  console.log(
    process.env.DISPLAY
      ? 'Running headless (--headless).'
      : 'No display found: running headless and writing screenshots instead of opening a window.',
  );
  if (!hasChineseFont()) console.warn(NO_CHINESE_FONT);
}
const opened = await openSampleDashboard(headless, headless ? '' : resolve('.chromium-profile'));

if (headless) {
  await writeScreenshots(opened, 'screenshots');
  console.log(`Screenshots written to ${resolve('screenshots')} (dashboard-*.png, popup.png).`);
  await opened.context.close();
} else {
  console.log(
    'Chromium is open with CoursePulse loaded and sample data in the dashboard. Close the window to stop.',
  );
  await new Promise((done) => opened.context.on('close', done));
}
