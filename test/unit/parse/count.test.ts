import { describe, expect, it } from 'vitest';
import { exactCount, parseCount } from '../../../lib/parse/count';
import { fixtureJson } from '../fixtures';

/** analytics.md §3.4 test vectors: [text, locale, value, approximate, lowerBound]. */
const VECTORS: Array<[string, string, number, boolean, boolean]> = [
  ['1.2K', 'en', 1200, true, false],
  ['3.4M', 'en', 3_400_000, true, false],
  ['1.2B', 'en', 1_200_000_000, true, false],
  ['2.4M views', 'en', 2_400_000, true, false],
  ['1.2m views', 'en-GB', 1_200_000, true, false],
  ['1,234', 'en', 1234, false, false],
  ['1.2万', 'zh-CN', 12_000, true, false],
  ['3.4亿', 'zh-CN', 340_000_000, true, false],
  ['10万+', 'zh-CN', 100_000, true, true],
  ['100万+', 'zh-CN', 1_000_000, true, true],
  ['12万次观看', 'zh-CN', 120_000, true, false],
  ['248万次观看', 'zh-CN', 2_480_000, true, false],
  ['1.2万 回視聴', 'ja', 12_000, true, false],
  ['120万 回視聴', 'ja', 1_200_000, true, false],
  ['1,2 Mio. Aufrufe', 'de', 1_200_000, true, false],
  ['18.567.581 Aufrufe', 'de', 18_567_581, false, false],
  ['13 Millionen Aufrufe', 'de', 13_000_000, true, false],
  ['450 Tsd. Aufrufe', 'de', 450_000, true, false],
  ['1,2\u00a0k vues', 'fr', 1200, true, false],
  ['334 k vues', 'fr', 334_000, true, false],
  ['1,2 M de vues', 'fr', 1_200_000, true, false],
  ['1,2 M de visualizaciones', 'es', 1_200_000, true, false],
  ['334 K visualizaciones', 'es', 334_000, true, false],
  ['1357 M de visualizaciones', 'es', 1_357_000_000, true, false],
  ['334 mil visualizações', 'pt', 334_000, true, false],
  ['2,4 mi de visualizações', 'pt', 2_400_000, true, false],
  ['2,4 Mln di visualizzazioni', 'it', 2_400_000, true, false],
  ['334 тыс. просмотров', 'ru', 334_000, true, false],
  ['1,2 млн просмотров', 'ru', 1_200_000, true, false],
  ['조회수 33만회', 'ko', 330_000, true, false],
  ['觀看次數：33萬次', 'zh-TW', 330_000, true, false],
  ['334 B görüntüleme', 'tr', 334_000, true, false],
  ['2,4 Mn görüntüleme', 'tr', 2_400_000, true, false],
  ['2,4 jt x ditonton', 'id', 2_400_000, true, false],
  ['2 488 417 просмотров', 'ru', 2_488_417, false, false],
  ['１２３', 'ja', 123, false, false],
  ['12 min', 'en', 12, false, false],
  ['1.2K+', 'en', 1200, true, true],
  ['5 m', 'ca', 5000, true, false],
  ['5 M', 'ca', 5_000_000, true, false],
  ['1K\u200f', 'he', 1000, true, false],
  ['2 tr', 'vi', 2_000_000, true, false],
  ['2 T', 'vi', 2_000_000_000, true, false],
  ['1,5 mln.', 'nl', 1_500_000, true, false],
  // issue 3: the strings YouTube shows our users
  ['1.5m views', 'en-GB', 1_500_000, true, false],
  ['12 million views', 'en', 12_000_000, true, false],
  ['220,226,287 views', 'en', 220_226_287, false, false],
  ['18\u00a0Mio. Aufrufe', 'de-DE', 18_000_000, true, false],
  ['7,5 M de visualizaciones', 'es-ES', 7_500_000, true, false],
  ['14 lakh views', 'en-IN', 1_400_000, true, false],
  ['2.2万次观看', 'zh-CN', 22_000, true, false],
  ['1.3亿次观看', 'zh-CN', 130_000_000, true, false],
  ['觀看次數：2.2萬次', 'zh-TW', 22_000, true, false],
  ['收看次數：2.4K 次', 'zh-HK', 2400, true, false],
  ['1.1K crore views', 'en-IN', 11_000_000_000, true, false],
  ['127.696 visualizaciones', 'es-ES', 127_696, false, false],
];

describe('parseCount: analytics.md §3.4 vectors and the YouTube strings of issue 3', () => {
  it.each(VECTORS)('%s (%s) → %d', (text, locale, value, approximate, lowerBound) => {
    expect(parseCount(text, locale)).toEqual({ value, approximate, lowerBound });
  });

  it.each(['赞', 'No views', '', null, undefined])('%s holds no number → null, never 0', (text) => {
    expect(parseCount(text, 'en')).toBeNull();
  });
});

type Samples = Record<string, Record<string, [string, number]>>;

/**
 * The digits YouTube shows, truncated: "1.4M" is 1 400 000 ≤ n < 1 500 000. The step is one unit of
 * the last digit shown, times the suffix.
 */
function displayedStep(text: string, parsedValue: number): number {
  const digits = /(\d[\d.,]*)/.exec(text.normalize('NFKC'))?.[1] ?? '';
  const decimalMark = /[.,](\d{1,2})$/.exec(digits);
  const decimals = decimalMark?.[1]?.length ?? 0;
  const shown = Number(decimals ? digits.replace(/[.,](\d+)$/, '.$1').replace(/[.,](?=.*\.)/g, '') : digits);
  return (parsedValue / shown) * 10 ** -decimals;
}

describe('parseCount: rustypipe large_number_samples (real YouTube view counts, 8 locales)', () => {
  const samples = fixtureJson('youtube/TeamPiped__rustypipe/large_number_samples.excerpt.json') as Samples;
  const rows = Object.entries(samples)
    .filter(([locale]) => locale !== '_note')
    .flatMap(([locale, byMagnitude]) =>
      Object.values(byMagnitude).map(([text, exact]) => ({ locale, text, exact })),
    );

  it('holds the 72 samples of the excerpt', () => expect(rows).toHaveLength(72));

  it.each(rows)('$locale "$text" contains $exact', ({ locale, text, exact }) => {
    const parsed = parseCount(text, locale);
    expect(parsed).not.toBeNull();
    if (!parsed) return;
    if (!parsed.approximate) {
      expect(parsed.value).toBe(exact);
      return;
    }
    const step = displayedStep(text, parsed.value);
    expect(parsed.value).toBeLessThanOrEqual(exact);
    expect(exact).toBeLessThan(parsed.value + step);
  });
});

describe('exactCount', () => {
  it('reads JSON integers and digit strings only', () => {
    expect(exactCount('220226287')).toBe(220_226_287);
    expect(exactCount(42)).toBe(42);
    expect(exactCount('1.2M')).toBeUndefined();
    expect(exactCount(-1)).toBeUndefined();
    expect(exactCount(undefined)).toBeUndefined();
  });
});
