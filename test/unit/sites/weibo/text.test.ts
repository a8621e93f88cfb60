// Synthetic inputs: the shapes of Weibo post HTML, written by hand to pin one rule each.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_URL } from '../../../../lib/record-keys';
import { linksInHtml, readPostHtml, tidy } from '../../../../lib/sites/weibo/text';

describe('weibo post HTML links keep within the record contract', () => {
  const long = `https://example.com/${'a'.repeat(MAX_URL)}`;
  const html = `看 <a href="${long}">长链接</a> 和 <a href="https://example.com/ok">短链接</a>`;

  it('an href longer than the URL cap is no link (found by the mutated-page property test)', () => {
    expect(readPostHtml(html).links).toEqual(['https://example.com/ok']);
    expect(linksInHtml(html)).toEqual(['https://example.com/ok']);
  });

  it('a sinaurl redirect is capped on its target, not its wrapper', () => {
    const wrapped = `<a href="https://weibo.cn/sinaurl?u=${encodeURIComponent(long)}">x</a>`;
    expect(readPostHtml(wrapped).links).toEqual([]);
    const fits = `https://example.com/${'a'.repeat(MAX_URL - 40)}`;
    const wrappedFits = `<a href="https://weibo.cn/sinaurl?u=${encodeURIComponent(fits)}">x</a>`;
    expect(readPostHtml(wrappedFits).links).toEqual([fits]);
  });
});

describe('weibo post text', () => {
  it('loses the spaces that end each line, and nothing else', () => {
    expect(readPostHtml('第一行 \u00a0\t<br />第二行\t<br>  第三行  ').text).toBe('第一行\n第二行\n  第三行');
    expect(readPostHtml('a  b\u3000\nc').text).toBe('a  b\u3000\nc');
  });

  it('tidies as the regex it replaces did, on any mix of spaces, breaks and text', () => {
    const piece = fc.constantFrom(' ', '\t', '\u00a0', '\n', '\u3000', 'a', '中');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tidy(text)).toBe(text.replace(/[ \t\u00a0]+\n/g, '\n').trim());
      }),
      { numRuns: 500 },
    );
  });

  it('reads a long run of spaces in linear time (found hanging the mutated-body property test)', () => {
    const spaces = ' '.repeat(200_000);
    const started = performance.now();
    expect(readPostHtml(`a${spaces}b\nc`).text).toBe(`a${spaces}b\nc`);
    expect(readPostHtml(`a${spaces}`).text).toBe('a');
    // Quadratic, the first of these took minutes; linear, it takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
