// @vitest-environment happy-dom
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaptureRecord, ExtractFailure } from '../../../../lib/records';
import { xAdapter } from '../../../../lib/sites/x';
import { ctx, fixtureDocument, fixtureJson } from '../../fixtures';

/** Every captured X fixture, found on disk so a newly copied one cannot be forgotten. */
function fixtures(dir = 'test/fixtures/twitter'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? fixtures(path) : [path.replace('test/fixtures/', '')];
  });
}

/** Files that are not responses or pages: a label map and an upstream README. */
const NOT_CAPTURES = [
  'twitter/MANIFEST.md',
  'twitter/vladkens__twscrape/__meta.json',
  'twitter/mlamp__tweetyoink/README.md',
];

describe('every record from every X fixture satisfies the record contract', () => {
  const files = fixtures().filter((f) => !NOT_CAPTURES.includes(f));

  it('covers all 37 captures', () => {
    expect(files).toHaveLength(37);
  });

  for (const file of files) {
    it(file, () => {
      const c = ctx('https://x.com/');
      const extraction = file.endsWith('.json')
        ? xAdapter.extractJson('file', fixtureJson(file), c)
        : xAdapter.extractDom(fixtureDocument(file), c);
      for (const record of extraction.records) {
        const parsed = CaptureRecord.safeParse(record);
        expect(
          parsed.success,
          `${file}: ${JSON.stringify(record).slice(0, 200)} ${parsed.error?.message}`,
        ).toBe(true);
      }
      for (const failure of extraction.failures) expect(ExtractFailure.safeParse(failure).success).toBe(true);
      // TweetStats holds no post or account; every other capture holds some.
      if (!file.endsWith('TweetStats.json')) expect(extraction.records.length).toBeGreaterThan(0);
      expect(extraction.failures).toEqual([]);
    });
  }
});
