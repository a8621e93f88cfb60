import type { MessageKey } from '@/lib/i18n';
import { formatMoney, type MetricResult } from '@/lib/metrics';
import type { Money } from '@/lib/metrics/money';
import type { Figures } from '@/lib/sales/attribute';
import { CostCell } from './CostCell';
import { Empty } from './Empty';
import { formatCount, formatDateTime, safeHref } from './format';
import type { Translator } from './hooks';
import { OrdersImport } from './OrdersImport';
import { rankByText, taggedShareText } from './PostSales';
import { SalesConflicts } from './SalesConflicts';
import { useSales } from './sales';
import { postOf, type SalesData } from './sales-figures';

type Row = Figures & { cost?: Money; roi?: MetricResult; roas?: MetricResult };

const money = (list: readonly Money[], tag: string) =>
  list.map((m) => formatMoney(m, tag)).join(' + ') || '—';

/**
 * "Which posts sell": the orders import (kept on this computer), then the exact ledger per site, format
 * and campaign with ROI/ROAS where the campaign has a cost, the share of revenue that is tagged, the
 * orders whose codes name different posts with the seller's choice for each (SalesConflicts), and the
 * tracked links with the post carrying each. Currencies are listed side by side, never summed.
 */
export function SalesSummary({ tr }: { tr: Translator }) {
  const { t } = tr;
  const data = useSales();
  return (
    <section class="card" aria-labelledby="sales-title" data-testid="sales-summary">
      <h2 id="sales-title">{t('salesTitle')}</h2>
      <OrdersImport tr={tr} />
      {data === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : data === null ? (
        <Empty testId="sales-empty">{t('salesEmpty')}</Empty>
      ) : (
        <SalesFigures data={data} tr={tr} />
      )}
    </section>
  );
}

function SalesFigures({ data, tr }: { data: SalesData; tr: Translator }) {
  const { t, tag } = tr;
  const { report } = data;
  const site = (key: string) => (['x', 'youtube', 'weibo'].includes(key) ? t(`platform_${key as 'x'}`) : key);
  const format = (key: string) =>
    key === 'unknown' ? t('salesUnknownFormat') : t(`format_${key}` as MessageKey);
  return (
    <>
      <p data-testid="sales-orders">
        {t('salesOrdersKept', formatCount(data.orders, tag))}
        {report.tagged.map((c) => (
          <span key={c.currency} data-currency={c.currency}>
            {' · '}
            {taggedShareText(c, tr)}
          </span>
        ))}
      </p>
      <SalesConflicts data={data} tr={tr} />
      {report.unboundOrders > 0 && (
        <p class="muted small">{t('salesUnboundOrders', formatCount(report.unboundOrders, tag))}</p>
      )}
      <p class="muted small" data-testid="sales-rank-by">
        {rankByText(report.rankBy, tr)}
      </p>
      <FiguresTable
        tr={tr}
        testId="sales-per-site"
        caption={t('salesPerSite')}
        rows={Object.entries(report.perSite).map(([k, f]) => [site(k), f])}
      />
      <FiguresTable
        tr={tr}
        testId="sales-per-format"
        caption={t('salesPerFormat')}
        rows={Object.entries(report.perFormat).map(([k, f]) => [format(k), f])}
      />
      <FiguresTable
        tr={tr}
        testId="sales-per-campaign"
        caption={t('salesPerCampaign')}
        rows={Object.entries(report.perCampaign).map(([k, f]) => [k || '—', f])}
        returns
      />
      <TrackedLinks data={data} tr={tr} />
    </>
  );
}

export function FiguresTable(props: {
  tr: Translator;
  testId: string;
  caption: string;
  rows: Array<[string, Row]>;
  returns?: boolean;
}) {
  const { t, tag } = props.tr;
  if (props.rows.length === 0) return null;
  return (
    <table class="data" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.caption}</th>
          <th scope="col" class="num">
            {t('salesOrders')}
          </th>
          <th scope="col" class="num">
            {t('salesNetRevenue')}
          </th>
          {props.returns && (
            <>
              <th scope="col" class="num">
                {t('salesCost')}
              </th>
              <th scope="col">ROI</th>
              <th scope="col">ROAS</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(([label, f]) => (
          <tr key={label} data-row={label}>
            <th scope="row">{label}</th>
            <td class="num">{formatCount(f.orders, tag)}</td>
            <td class="num">{money(f.revenue, tag)}</td>
            {props.returns &&
              (f.roi && f.roas ? (
                <>
                  <td class="num">{formatMoney(f.cost, tag)}</td>
                  <CostCell result={f.roi} tr={props.tr} digits={0} kind="percent" />
                  <CostCell result={f.roas} tr={props.tr} digits={2} kind="times" />
                </>
              ) : (
                <td colSpan={3} class="muted small">
                  {t('salesNoCost')}
                </td>
              ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TrackedLinks({ data, tr }: { data: SalesData; tr: Translator }) {
  const { t, tag } = tr;
  if (data.copied.length === 0) return null;
  return (
    <table class="data" data-testid="tracked-links">
      <caption>{t('salesTrackedLinks')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('salesCode')}</th>
          <th scope="col">{t('colCourse')}</th>
          <th scope="col">{t('salesTrackedSite')}</th>
          <th scope="col">{t('salesTrackedCampaign')}</th>
          <th scope="col">{t('salesCoupon')}</th>
          <th scope="col">{t('salesPostedIn')}</th>
        </tr>
      </thead>
      <tbody>
        {data.copied.map((link) => {
          const post = link.binding ? postOf(data, link.binding.post) : undefined;
          return (
            <tr key={link.code} data-code={link.code}>
              <th scope="row">
                <code>{link.code}</code>
              </th>
              <td class="text">{link.courseUrl}</td>
              <td>{t(`platform_${link.platform}`)}</td>
              <td>{link.campaign}</td>
              <td>{link.coupon ?? '—'}</td>
              <td data-testid="tracked-link-post">
                {post ? (
                  <a href={safeHref(post.url)} target="_blank" rel="noopener noreferrer">
                    {post.text.slice(0, 60) || post.id}
                  </a>
                ) : link.binding ? (
                  link.binding.post.id
                ) : (
                  <span class="muted">
                    {t('salesNotSeenPosted')} · {formatDateTime(link.createdAt, tag)}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
