import { useMemo } from 'preact/hooks';
import { now } from '@/lib/clock';
import { type AccountSnapshot, type DailyRollup, db } from '@/lib/db/schema';
import { followerGrowth } from '@/lib/metrics/engagement';
import { PLATFORMS, type Platform } from '@/lib/record-keys';
import { Chart, dayToChartX } from './Chart';
import { Empty } from './Empty';
import { formatCount } from './format';
import { type Translator, useLive } from './hooks';
import { dayBefore, formatPercent, platformKpis } from './overview';
import { PostsSold } from './PostsSold';
import { accountHistory, accountsWithRole, postsOf, rollupsSince, timeZoneSetting } from './queries';

/** Own posts read per account for the KPIs: bounded so a huge account cannot blow the 1 s budget. */
const POSTS_PER_ACCOUNT = 1000;
const TREND_DAYS = 30;

async function loadOverview() {
  const [timeZone, own] = await Promise.all([timeZoneSetting(), accountsWithRole('mine')]);
  const firstDay = dayBefore(now(), TREND_DAYS);
  const [posts, histories, rollups, postCounts] = await Promise.all([
    postsOf(own, POSTS_PER_ACCOUNT),
    Promise.all(own.map((a) => accountHistory(a.platform, a.id))),
    Promise.all(PLATFORMS.map((p) => rollupsSince(p, firstDay))),
    // Kept on write: counting an index range walks it in Chromium (lib/db/author-totals.ts).
    db().authorTotals.bulkGet(own.map((a) => [a.platform, a.id] as [Platform, string])),
  ]);
  const ownPostCount = new Map<Platform, number>();
  own.forEach((a, i) => {
    ownPostCount.set(a.platform, (ownPostCount.get(a.platform) ?? 0) + (postCounts[i]?.posts ?? 0));
  });

  const snapshots = new Map<string, AccountSnapshot[]>(
    own.map((a, i) => [`${a.platform}:${a.id}`, histories[i]!]),
  );
  const rollupsBy = new Map<Platform, DailyRollup[]>(PLATFORMS.map((p, i) => [p, rollups[i]!]));
  return { timeZone, own, posts, snapshots, rollupsBy, ownPostCount };
}

export function OverviewView({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const data = useLive(loadOverview, []);
  const platforms = useMemo(() => {
    if (!data) return [];
    return PLATFORMS.filter(
      (p) => data.own.some((a) => a.platform === p) || (data.rollupsBy.get(p)?.length ?? 0) > 0,
    ).map((p) => ({
      kpis: platformKpis(p, data.own, data.posts, data.snapshots, data.timeZone),
      ownPosts: data.ownPostCount.get(p) ?? 0,
      trend: trendOf(data.rollupsBy.get(p) ?? []),
      followers: followerSeries(
        data.own
          .filter((a) => a.platform === p)
          .map((a) => data.snapshots.get(`${a.platform}:${a.id}`) ?? []),
        data.timeZone,
      ),
    }));
  }, [data]);
  if (data === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (platforms.length === 0)
    return (
      <Empty go={{ view: 'data', label: t('emptyOpenData') }} testId="overview-empty">
        {t('emptyOverview')}
      </Empty>
    );
  // Captures of other people's posts are no KPI of yours: nothing to chart until an account is yours.
  if (data.own.length === 0)
    return (
      <Empty go={{ view: 'accounts', label: t('emptyOpenAccounts') }} testId="overview-empty">
        {t('emptyNoOwnPosts')} {t('overviewNoOwn')}
      </Empty>
    );
  return (
    <div class="view" data-testid="overview">
      <PostsSold tr={tr} />
      {platforms.map(({ kpis, ownPosts, trend, followers }) => (
        <section
          class="card"
          key={kpis.platform}
          aria-labelledby={`ov-${kpis.platform}`}
          data-platform={kpis.platform}
        >
          <h2 id={`ov-${kpis.platform}`}>{t(`platform_${kpis.platform as Platform}`)}</h2>
          <dl class="kpis wide">
            <div>
              <dt>{t('kpiOwnPosts')}</dt>
              <dd data-kpi="ownPosts">{formatCount(ownPosts, tag)}</dd>
              {ownPosts > kpis.ownPosts && (
                <dd class="muted small">{t('kpiLatestPosts', formatCount(kpis.ownPosts, tag))}</dd>
              )}
            </div>
            <div>
              <dt>{t('colViews')}</dt>
              <dd data-kpi="views">{formatCount(kpis.views, tag)}</dd>
            </div>
            <div>
              <dt>{t('kpiEngagements')}</dt>
              <dd data-kpi="engagements">{formatCount(kpis.engagements, tag)}</dd>
            </div>
            <div>
              <dt>{t('kpiEngagementRate')}</dt>
              <dd data-kpi="rate">{formatPercent(kpis.rate?.value, tag, 2)}</dd>
              {kpis.rate && (
                <dd class="muted small">
                  {t(kpis.rate.denominator === 'views' ? 'rateByViews' : 'rateByFollowers', kpis.rate.posts)}
                </dd>
              )}
            </div>
            <div>
              <dt>{t('colFollowers')}</dt>
              <dd data-kpi="followers">{formatCount(kpis.followers, tag)}</dd>
              <dd class="muted small">
                {kpis.followerChange === null
                  ? t('followerGrowthUnknown')
                  : t(
                      'followerGrowthValue',
                      `${kpis.followerChange >= 0 ? '+' : ''}${formatCount(kpis.followerChange, tag)}`,
                      formatCount(Math.round((kpis.followerPerDay ?? 0) * 10) / 10, tag),
                    )}
              </dd>
            </div>
          </dl>
          <div class="charts">
            <Chart
              tr={tr}
              days
              label={t('trendGainsLabel', t(`platform_${kpis.platform as Platform}`))}
              empty={t('trendEmpty', TREND_DAYS)}
              data={trend}
              series={[
                { label: t('trendViewGain') },
                { label: t('trendEngagementGain'), right: true, color: 1 },
              ]}
            />
            <Chart
              tr={tr}
              days
              label={t('followerChartLabel', t(`platform_${kpis.platform as Platform}`))}
              empty={t('growthNotEnough')}
              data={followers}
              series={[{ label: t('colFollowers'), color: 2 }]}
            />
          </div>
        </section>
      ))}
    </div>
  );
}

/** [days, view gain, engagement gain] from the rollups, days in order. */
function trendOf(rollups: readonly DailyRollup[]): Array<Array<number | null>> {
  const sorted = [...rollups].sort((a, b) => (a.day < b.day ? -1 : 1));
  return [
    sorted.map((r) => dayToChartX(r.day)),
    sorted.map((r) => r.viewGain),
    sorted.map((r) => r.engagementGain),
  ];
}

/** The platform's own followers summed per day, over days where every account was observed or carried forward. */
function followerSeries(histories: ReadonlyArray<readonly AccountSnapshot[]>, timeZone: string) {
  const perAccount = histories.map((h) => followerGrowth(h, timeZone).days);
  const days = [...new Set(perAccount.flatMap((d) => d.map((x) => x.day)))].sort();
  const sums = days.map((day) => {
    let total: number | null = 0;
    for (const series of perAccount) {
      // Carry the last known count forward: profiles are not visited every day.
      const last = series.filter((d) => d.day <= day).pop();
      if (!last) {
        total = null;
        break;
      }
      total += last.followers;
    }
    return total;
  });
  return [days.map(dayToChartX), sums];
}
