// Synthetic inputs: the shapes of Weibo post HTML, written by hand to pin one rule each.
import { describe, expect, it } from 'vitest';
import { MAX_URL } from '../../../../lib/record-keys';
import { linksInHtml, readPostHtml } from '../../../../lib/sites/weibo/text';

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
