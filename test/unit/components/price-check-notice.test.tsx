// @vitest-environment happy-dom
/**
 * What the popup says after checking the saved courses on its tab (components/SavedCourseCheck.tsx),
 * rendered in happy-dom in both languages from the background's answer.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PriceCheckNotice } from '../../../components/SavedCourseCheck';
import type { CheckResult } from '../../../lib/background/check-course';
import type { UiLocale } from '../../../lib/i18n';
import { renderTarget } from './render-target';
import { translator } from './translator';

const SEEN = Date.UTC(2026, 10, 20, 12);
const changed: CheckResult = {
  checked: 31,
  lastSeenAt: SEEN,
  changes: [
    {
      url: 'https://www.udemy.com/course/100-days-of-code/',
      title: '100 Days of Code',
      from: 21.99,
      fromCurrency: 'CAD',
      to: 17.99,
      toCurrency: 'CAD',
      seenAt: SEEN,
    },
  ],
};

const target = renderTarget();
const shown = (locale: UiLocale, result: CheckResult) => {
  render(<PriceCheckNotice tr={translator(locale)} result={result} />, target());
  return target().textContent ?? '';
};

describe("the popup's notice of saved courses on the page", () => {
  it('lists the change since last seen, as a status, in en and zh_CN', () => {
    expect(shown('en', changed)).toBe(
      'Price changed since you last saw it (1)100 Days of Code: CA$21.99 → CA$17.99 (last seen Nov 20, 2026)',
    );
    expect(target().querySelector('[role="status"]')).not.toBeNull();
    expect(shown('zh_CN', changed)).toBe(
      '自上次查看以来价格有变（1 门）100 Days of Code：CA$21.99 → CA$17.99（上次查看：2026年11月20日）',
    );
  });

  it('says the prices held when nothing changed, and nothing at all on a page with no saved course', () => {
    expect(shown('en', { ...changed, changes: [] })).toBe(
      '31 saved course(s) on this page: price unchanged since Nov 20, 2026.',
    );
    expect(shown('en', { checked: 0, changes: [], lastSeenAt: null })).toBe('');
  });
});
