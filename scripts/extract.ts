/**
 * npm run -s extract -- <file> [--url <url the body was fetched from>] [--page <page url>] [--now <ISO time>]
 *
 * Prints the records of a saved response body (JSON), a saved HTML page or a .har file as JSON
 * lines, through the same extractors as live capture. Exit 0 when the input was read (even with no
 * records), non-zero with a one-line reason when it could not be. Public interface (DESIGN.md).
 */
import { readFileSync, statSync } from 'node:fs';
import { extractFile } from '../lib/io/backfill';
import { fail, readArgs, timeArg, usageError } from './cli';

const USAGE = `usage: npm run -s extract -- <file.json|file.html|file.har> [--url <url>] [--page <url>] [--now <ISO time>]

Prints the records (posts, comments, accounts, courses; lib/records.ts) in a saved response body,
saved page or HAR file as JSON lines, through the same extractors as live capture.
  --url <url>   the address the body was fetched from (picks the extractor for a bare JSON body)
  --page <url>  the page the body was seen on: a YouTube comments continuation names its video
                only there (its comments get postId ""  without it); default for a HAR file: its
                own page list
  --now <time>  the observation time that relative dates ("3小时前", "2 days ago") count back
                from; default: the file's modification time
Exit 0 when the input was read (even with no records), 1 when it could not be, 2 on a wrong argument.`;

type ParseHtml = (html: string, url: string) => Document;

/**
 * happy-dom, as in the unit tests, with scripts off: a saved page's code never runs here. It takes
 * half a second to load, so only for a file that can hold a page: not for a JSON body, nor a HAR
 * file without an html entry (the word "html" appears in any page and any entry's mime type).
 */
async function htmlParserFor(text: string): Promise<ParseHtml> {
  const json = /^\uFEFF?\s*[[{]/.test(text);
  if (json && !text.includes('html'))
    return () => {
      throw new Error('a JSON file without html held a page');
    };
  const { Window } = await import('happy-dom');
  return (html, url) => {
    const window = new Window({
      url,
      settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
    });
    return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  };
}

async function main(): Promise<void> {
  const { values, positionals } = readArgs('extract', USAGE, {
    url: { type: 'string' },
    page: { type: 'string' },
    now: { type: 'string' },
  });
  if (positionals.length !== 1) usageError('give exactly one file');
  const file = positionals[0]!;
  const { url, page } = values;
  if (page !== undefined && !/^https?:\/\/\S+$/i.test(page))
    usageError(`--page is not an http(s) URL: "${page}"`);
  let text: string;
  let modified: number;
  try {
    text = readFileSync(file, 'utf8');
    modified = statSync(file).mtimeMs;
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const at = values.now === undefined ? modified : timeArg('--now', values.now);
  const parseHtml = await htmlParserFor(text);
  const result = extractFile(text, { fileName: file, url, pageUrl: page, now: new Date(at), parseHtml });
  if (!result.ok) {
    process.stderr.write(`extract: ${result.reason}\n`);
    process.exit(1);
  }
  const out = result.records.map((r) => JSON.stringify(r)).join('\n');
  if (out) process.stdout.write(`${out}\n`);
  for (const f of result.failures) process.stderr.write(`extract: warning: ${f.extractor}: ${f.reason}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `extract: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
