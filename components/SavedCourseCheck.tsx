import { useEffect, useState } from 'preact/hooks';
import type { CheckResult } from '@/lib/background/check-course';
import { dateFormat, priceText } from './format';
import type { Translator } from './hooks';
import { send } from './send';

/**
 * The popup's check of the saved courses on its tab (lib/background/check-course.ts): opening the
 * popup grants activeTab, the only way the extension may read a course site's page. Nothing is shown
 * on a page with no saved course.
 */
export function SavedCourseCheck({ tr, tabId }: { tr: Translator; tabId: number }) {
  const [result, setResult] = useState<CheckResult | null>(null);
  useEffect(() => {
    void send({ type: 'course.check', tabId }).then((reply) => {
      if (reply.ok && reply.detail) setResult(reply.detail as CheckResult);
    });
  }, [tabId]);
  return result ? <PriceCheckNotice tr={tr} result={result} /> : null;
}

/** What the check found: the price changes since last seen, else that the prices held. */
export function PriceCheckNotice({ tr, result }: { tr: Translator; result: CheckResult }) {
  const { t, tag } = tr;
  if (result.checked === 0) return null;
  const day = dateFormat(tag, { dateStyle: 'medium' });
  if (result.changes.length === 0)
    return (
      <p class="muted" data-testid="popup-price-unchanged">
        {t(
          'competitorPopupUnchanged',
          result.checked,
          result.lastSeenAt === null ? '—' : day.format(new Date(result.lastSeenAt)),
        )}
      </p>
    );
  return (
    <div role="status" class="notice" data-testid="popup-price-changed">
      <strong>{t('competitorPopupChangedTitle', result.changes.length)}</strong>
      <ul>
        {result.changes.map((c) => (
          <li key={c.url}>
            {t(
              'competitorPopupChanged',
              c.title,
              priceText(c.from, c.fromCurrency, tag),
              priceText(c.to, c.toCurrency, tag),
              day.format(new Date(c.seenAt)),
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
