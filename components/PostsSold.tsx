import { formatMoney } from '@/lib/metrics';
import { topPosts } from '@/lib/sales/top';
import { Empty } from './Empty';
import { formatCount, safeHref } from './format';
import type { Translator } from './hooks';
import { inferredText, taggedShareText } from './PostSales';
import { FiguresTable } from './SalesSummary';
import { useSales } from './sales';
import { postOf, type SalesData } from './sales-figures';

/** Posts listed in each tier: the overview is a glance; Campaigns and Posts have everything. */
const TOP_POSTS = 10;

/**
 * "Which posts sold", where the seller looks first: the posts with exact orders and their net revenue
 * (each currency on its own), the share of revenue that is tagged, ROI and ROAS of campaigns with a
 * cost, and the inferred tier in a table of its own, never added to the exact figures.
 */
export function PostsSold({ tr }: { tr: Translator }) {
  const { t } = tr;
  const data = useSales();
  return (
    <section class="card" aria-labelledby="posts-sold-title" data-testid="posts-sold">
      <h2 id="posts-sold-title">{t('salesSoldTitle')}</h2>
      {data === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : data === null || data.orders === 0 ? (
        <Empty go={{ view: 'campaigns', label: t('salesOpenCampaigns') }} testId="posts-sold-empty">
          {t('salesSoldNoOrders')}
        </Empty>
      ) : (
        <SoldFigures data={data} tr={tr} />
      )}
    </section>
  );
}

function SoldFigures({ data, tr }: { data: SalesData; tr: Translator }) {
  const { t, tag } = tr;
  const { report } = data;
  const top = topPosts(report.posts, TOP_POSTS);
  const name = (ref: { platform: 'x' | 'youtube' | 'weibo'; id: string }) => {
    const post = postOf(data, ref);
    const text = post?.text.slice(0, 80) || ref.id;
    return post ? (
      <a href={safeHref(post.url)} target="_blank" rel="noopener noreferrer">
        {text}
      </a>
    ) : (
      text
    );
  };
  const costed = Object.entries(report.perCampaign).filter(([, f]) => f.roi && f.roas);
  return (
    <>
      <p data-testid="posts-sold-tagged">
        {report.tagged.map((c, i) => (
          <span key={c.currency} data-currency={c.currency}>
            {i > 0 && ' · '}
            {taggedShareText(c, tr)}
          </span>
        ))}
      </p>
      {top.exact.length === 0 ? (
        <Empty go={{ view: 'courses', label: t('salesOpenCourses') }} testId="posts-sold-none">
          {t('salesSoldNoneExact', formatCount(data.orders, tag))}
        </Empty>
      ) : (
        <table class="data" data-testid="posts-sold-exact">
          <caption>
            {t('salesSoldExactCaption', formatCount(top.exact.length, tag), formatCount(top.selling, tag))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('colPost')}</th>
              <th scope="col">{t('colPlatform')}</th>
              <th scope="col" class="num">
                {t('salesOrders')}
              </th>
              <th scope="col" class="num">
                {t('salesNetRevenue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {top.exact.map((p) => (
              <tr key={`${p.platform}:${p.id}`} data-post-id={p.id}>
                <th scope="row" class="text">
                  {name(p)}
                </th>
                <td>{t(`platform_${p.platform}`)}</td>
                <td class="num" data-kpi="orders">
                  {formatCount(p.exact.orders, tag)}
                </td>
                <td class="num" data-kpi="revenue">
                  {p.exact.revenue.map((m) => formatMoney(m, tag)).join(' + ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FiguresTable
        tr={tr}
        testId="posts-sold-returns"
        caption={t('salesSoldReturnsCaption')}
        rows={costed.map(([campaign, f]) => [campaign || '—', f])}
        returns
      />
      {top.inferred.length > 0 && (
        <table class="data" data-testid="posts-sold-inferred">
          <caption>{t('salesSoldInferredCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colPost')}</th>
              <th scope="col">{t('colPlatform')}</th>
              <th scope="col">{t('salesSoldInferredColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {top.inferred.map((p) => (
              <tr key={`${p.platform}:${p.id}`} data-post-id={p.id}>
                <th scope="row" class="text">
                  {name(p)}
                </th>
                <td>{t(`platform_${p.platform}`)}</td>
                <td>{inferredText(p, tr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
