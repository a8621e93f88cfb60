import { formatMoney } from '@/lib/metrics';
import type { PostSales, SalesReport } from '@/lib/sales/report';
import { formatCount } from './format';
import type { Translator } from './hooks';
import { formatFixed, formatPercent } from './overview';

/** "2 · $88.00 + ¥199.00": exact orders and net revenue, each currency on its own; "—" without any. */
export function exactText(sales: PostSales | undefined, tag: string): string {
  if (!sales || sales.exact.orders === 0) return '—';
  const money = sales.exact.revenue.map((m) => formatMoney(m, tag)).join(' + ');
  return `${formatCount(sales.exact.orders, tag)} · ${money}`;
}

/** "74% of net revenue is tagged ($122.40 of $166.20)", for one currency of the report's `tagged`. */
export function taggedShareText(c: SalesReport['tagged'][number], tr: Translator): string {
  const { t, tag } = tr;
  return t(
    'salesTaggedShare',
    formatPercent(c.share, tag, 0),
    formatMoney({ minor: c.tagged, currency: c.currency }, tag),
    formatMoney({ minor: c.total, currency: c.currency }, tag),
  );
}

/** The inferred tier in words: probability and range, or "not distinguishable"; null when not tested. */
export function inferredText(sales: PostSales | undefined, tr: Translator): string | null {
  const inferred = sales?.inferred;
  if (!inferred) return null;
  const { t, tag } = tr;
  const hours = formatCount(inferred.windowHours, tag);
  return inferred.verdict === 'added-orders'
    ? t(
        'salesInferredAdded',
        formatPercent(inferred.pAny, tag, 1),
        formatFixed(inferred.low, tag, 1),
        formatFixed(inferred.high, tag, 1),
        hours,
      )
    : t('salesInferredNone', hours);
}

/** What posting suggestions rank by, with how many exact orders there are and how many are needed. */
export function rankByText(rankBy: SalesReport['rankBy'], tr: Translator): string {
  return rankBy.by === 'orders'
    ? tr.t('salesRankByOrders', rankBy.orders, rankBy.posts)
    : tr.t('salesRankByEngagement', rankBy.orders, rankBy.posts, rankBy.needed.orders, rankBy.needed.posts);
}

/** The post's sales in its detail panel: the exact ledger, then the inferred tier, never added together. */
export function PostSalesDetail({ sales, tr }: { sales: PostSales | undefined; tr: Translator }) {
  const { t, tag } = tr;
  const inferred = inferredText(sales, tr);
  return (
    <section aria-labelledby="post-sales-title" data-testid="post-sales">
      <h3 id="post-sales-title">{t('salesPostTitle')}</h3>
      <dl class="kpis">
        <div>
          <dt>{t('salesExactOrders')}</dt>
          <dd data-kpi="orders">{formatCount(sales?.exact.orders ?? 0, tag)}</dd>
        </div>
        <div>
          <dt>{t('salesNetRevenue')}</dt>
          <dd data-kpi="revenue">
            {sales?.exact.revenue.length
              ? sales.exact.revenue.map((m) => formatMoney(m, tag)).join(' + ')
              : '—'}
          </dd>
        </div>
      </dl>
      <p class="muted small" data-testid="post-sales-inferred">
        {inferred ?? t('salesInferredUntested')}
      </p>
    </section>
  );
}
