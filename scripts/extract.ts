/**
 * npm run -s extract -- <file> [--url <url the body was fetched from>]
 *
 * Prints the records of a saved response body (JSON), a saved HTML page or a .har file as JSON
 * lines, through the same extractors as live capture. Exit 0 when the input was read (even with no
 * records), non-zero with a one-line reason when it could not be. Public interface (DESIGN.md).
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { extractFile } from '../lib/io/backfill';

function usage(reason: string): never {
  process.stderr.write(
    `extract: ${reason}\nusage: npm run -s extract -- <file.json|file.html|file.har> [--url <url>]\n`,
  );
  process.exit(2);
}

/** happy-dom, as in the unit tests, with scripts off: a saved page's code never runs here. */
function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function main(): void {
  const args = process.argv.slice(2);
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--url') {
      url = args[++i];
      if (!url) usage('--url needs a value');
    } else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) usage('give exactly one file');
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(
      `extract: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`,
    );
    process.exit(1);
  }
  const result = extractFile(text, { fileName: file, url, now: new Date(), parseHtml });
  if (!result.ok) {
    process.stderr.write(`extract: ${result.reason}\n`);
    process.exit(1);
  }
  const out = result.records.map((r) => JSON.stringify(r)).join('\n');
  if (out) process.stdout.write(`${out}\n`);
  for (const f of result.failures) process.stderr.write(`extract: warning: ${f.extractor}: ${f.reason}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(
    `extract: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
