import { Dexie } from 'dexie';
import { useMemo, useRef, useState } from 'preact/hooks';
import { db, type StoredPost } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { engagements, velocity } from '@/lib/metrics/engagement';
import { type Platform, POST_FORMATS } from '@/lib/record-keys';
import type { PostSales } from '@/lib/sales/report';
import { PostThemesPanel } from './audience/PostThemesPanel';
import { Chart } from './Chart';
import { DetailPanel } from './DetailPanel';
import { Empty } from './Empty';
import { formatCount, formatDateTime, isApprox, safeHref } from './format';
import { type Translator, useLive } from './hooks';
import { PlatformOptions } from './Options';
import { formatFixed } from './overview';
import { exactText, inferredText, PostSalesDetail } from './PostSales';
import { isNoFilter, NO_FILTER, type Ownership, type PostFilter, postMatcher } from './post-filter';
import { accountsWithRole, postHistory, postsOf, roleIndex } from './queries';
import { useSales } from './sales';
import { send } from './send';
import { useVirtualRows } from './virtual';

/** Rows read per query: the newest this many; filters on them run in memory (≤ 100 ms per change). */
const LIMIT = 1000;
/**
 * Rows read first, enough to fill the table's 65vh on a 1440p screen while the rest arrive (when the
 * order allows). Every one is laid out before the change paints: 60 rows of new text took 40 ms.
 */
const FIRST_ROWS = 30;
const ROW_HEIGHT = 34;
const METRIC_COLUMNS = [
  ['views', 'colViews'],
  ['likes', 'colLikes'],
  ['reposts', 'colReposts'],
  ['quotes', 'colQuotes'],
  ['comments', 'colComments'],
  ['bookmarks', 'colBookmarks'],
] as const;

type SortKey = 'lastSeen' | 'posted';

/** Posts as an index returns them, and which table order that is (none: per-account lists). */
interface BasePosts {
  key: string;
  posts: StoredPost[];
  order: SortKey | null;
}

/** The indexed part of a filter: platform and posting dates, or the accounts of one role. */
async function basePosts(
  platform: Platform | 'all',
  ownership: Ownership,
  from: string,
  to: string,
  limit: number,
): Promise<Omit<BasePosts, 'key'>> {
  const posts = db().posts;
  if (ownership === 'mine' || ownership === 'competitor') {
    const accounts = (await accountsWithRole(ownership)).filter(
      (a) => platform === 'all' || a.platform === platform,
    );
    return { posts: await postsOf(accounts, limit), order: null };
  }
  if (from || to) {
    const lo = from || Dexie.minKey;
    const hi = to ? `${to}T23:59:59.999Z` : Dexie.maxKey;
    const range =
      platform === 'all'
        ? posts.where('createdAt').between(lo, hi, true, true)
        : posts.where('[platform+createdAt]').between([platform, lo], [platform, hi], true, true);
    return { posts: await range.reverse().limit(limit).toArray(), order: 'posted' };
  }
  const recent =
    platform === 'all'
      ? posts.orderBy('lastSeenAt')
      : posts.where('[platform+lastSeenAt]').between([platform, Dexie.minKey], [platform, Dexie.maxKey]);
  return { posts: await recent.reverse().limit(limit).toArray(), order: 'lastSeen' };
}

/** ISO 8601 times order correctly as plain strings; localeCompare would cost a collator call each. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SORTS: Record<SortKey, (a: StoredPost, b: StoredPost) => number> = {
  posted: (a, b) => compareText(b.createdAt ?? '', a.createdAt ?? '') || b.lastSeenAt - a.lastSeenAt,
  lastSeen: (a, b) => b.lastSeenAt - a.lastSeenAt || compareText(b.createdAt ?? '', a.createdAt ?? ''),
};

export function PostsView({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const [filter, setFilter] = useState<PostFilter>(NO_FILTER);
  const [selected, setSelected] = useState<StoredPost | null>(null);
  const update = (patch: Partial<PostFilter>) => setFilter({ ...filter, ...patch });
  const clearFilters = () => {
    setPlatform('all');
    setFilter(NO_FILTER);
  };
  const [sort, setSort] = useState<SortKey>('lastSeen');
  const key = `${platform}|${filter.ownership}|${filter.from}|${filter.to}`;
  const read = (limit: number) => async (): Promise<BasePosts> => ({
    key,
    ...(await basePosts(platform, filter.ownership, filter.from, filter.to, limit)),
  });
  const deps = [platform, filter.ownership, filter.from, filter.to];
  // The first rows come first: when the index returns them in the table's order, they are the
  // table's top rows and show while the rest load (a filter change paints in one short read).
  const first = useLive(read(FIRST_ROWS), deps);
  // Read after the first rows, not beside them: IndexedDB would interleave the two cursors.
  const firstIn = first?.key === key;
  const all = useLive(firstIn ? read(LIMIT) : () => undefined, [...deps, firstIn]);
  const base = all?.key === key ? all : first?.key === key && first.order === sort ? first : undefined;
  const roles = useLive(roleIndex, []);
  // Orders imported: each own post's exact orders and net revenue, the inferred tier on hover.
  const sales = useSales();
  const perPost = sales && sales.orders > 0 ? sales.perPost : null;
  const shown = useMemo(() => {
    if (!base || !roles) return undefined;
    const matching = base.posts.filter(postMatcher(filter, roles));
    return base.order === sort ? matching : matching.sort(SORTS[sort]);
  }, [base, roles, filter, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualRows(shown?.length ?? 0, scroller, ROW_HEIGHT);
  return (
    <div class="view">
      <div class="toolbar">
        <label>
          {t('filterPlatform')}{' '}
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform | 'all')}>
            <option value="all">{t('filterAll')}</option>
            <PlatformOptions tr={tr} />
          </select>
        </label>
        <label>
          {t('filterOwnership')}{' '}
          <select
            value={filter.ownership}
            data-testid="filter-ownership"
            onChange={(e) => update({ ownership: e.currentTarget.value as Ownership })}
          >
            <option value="all">{t('filterAll')}</option>
            <option value="mine">{t('roleMine')}</option>
            <option value="competitor">{t('roleCompetitor')}</option>
            <option value="other">{t('roleNone')}</option>
          </select>
        </label>
        <label>
          {t('filterFormat')}{' '}
          <select value={filter.format} onChange={(e) => update({ format: e.currentTarget.value })}>
            <option value="all">{t('filterAll')}</option>
            {POST_FORMATS.map((f) => (
              <option value={f} key={f}>
                {t(`format_${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterFrom')}{' '}
          <input type="date" value={filter.from} onChange={(e) => update({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t('filterTo')}{' '}
          <input type="date" value={filter.to} onChange={(e) => update({ to: e.currentTarget.value })} />
        </label>
        <input
          type="search"
          placeholder={t('filterSearch')}
          aria-label={t('filterSearch')}
          value={filter.text}
          onInput={(e) => update({ text: e.currentTarget.value })}
        />
        <label>
          {t('sortBy')}{' '}
          <select
            value={sort}
            data-testid="posts-sort"
            onChange={(e) => setSort(e.currentTarget.value as SortKey)}
          >
            <option value="lastSeen">{t('colLastSeen')}</option>
            <option value="posted">{t('colPosted')}</option>
          </select>
        </label>
        {all?.key === key && shown && (
          <span class="muted" data-testid="posts-shown">
            {t('postsShown', shown.length)}
          </span>
        )}
        {all?.key === key && all.posts.length >= LIMIT && (
          <span class="muted">{t('postsLimited', LIMIT)}</span>
        )}
      </div>
      {shown === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : shown.length === 0 ? (
        platform === 'all' && isNoFilter(filter) ? (
          <Empty go={{ view: 'data', label: t('emptyOpenData') }} testId="posts-empty">
            {t('emptyPosts')}
          </Empty>
        ) : (
          <Empty action={{ label: t('emptyClearFilters'), run: clearFilters }} testId="posts-empty">
            {t('emptyPostsFiltered')}
          </Empty>
        )
      ) : (
        <div
          class="scroller"
          ref={scroller}
          style={{ paddingTop: rows.padTop, paddingBottom: rows.padBottom }}
        >
          <table class="data virtual" data-testid="posts-table" aria-rowcount={shown.length + 1}>
            <thead>
              <tr>
                <th scope="col" class="col-platform">
                  {t('colPlatform')}
                </th>
                <th scope="col">{t('colPost')}</th>
                <th scope="col" class="col-author">
                  {t('colAuthor')}
                </th>
                <th scope="col" class="col-time">
                  {t('colPosted')}
                </th>
                {METRIC_COLUMNS.map(([, label]) => (
                  <th scope="col" class="num" key={label}>
                    {t(label)}
                  </th>
                ))}
                {perPost && (
                  <th scope="col" class="col-sales">
                    {t('salesColumn')}
                  </th>
                )}
                <th scope="col" class="col-action">
                  <span class="visually-hidden">{t('postHistory')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(rows.start, rows.end).map((post, i) => (
                <tr
                  key={`${post.platform}:${post.id}`}
                  data-post-id={post.id}
                  aria-rowindex={rows.start + i + 2}
                  class={selected?.id === post.id && selected.platform === post.platform ? 'selected' : ''}
                >
                  <td>{t(`platform_${post.platform}`)}</td>
                  <td class="text">
                    <a href={safeHref(post.url)} target="_blank" rel="noopener noreferrer">
                      {post.text.slice(0, 120) || post.id}
                    </a>
                  </td>
                  <td>{post.authorHandle || post.authorName}</td>
                  <td>{formatDateTime(post.createdAt, tag, post.createdAtApprox)}</td>
                  {METRIC_COLUMNS.map(([key]) => (
                    <td class="num" data-metric={key} key={key}>
                      {formatCount(post.metrics[key], tag, isApprox(post.approx, key))}
                    </td>
                  ))}
                  {perPost && (
                    <td
                      class="num"
                      data-sales
                      title={inferredText(perPost.get(`${post.platform}:${post.id}`), tr) ?? undefined}
                    >
                      {exactText(perPost.get(`${post.platform}:${post.id}`), tag)}
                    </td>
                  )}
                  <td>
                    <button
                      type="button"
                      class="small"
                      aria-label={`${t('postHistory')}: ${post.text.slice(0, 40) || post.id}`}
                      onClick={() => setSelected(post)}
                    >
                      ↗
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <PostHistory
          post={selected}
          tr={tr}
          sales={perPost ? { of: perPost.get(`${selected.platform}:${selected.id}`) } : null}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}

function PostHistory({
  post,
  tr,
  sales,
  onClose,
}: {
  post: StoredPost;
  tr: Translator;
  /** Present once orders are imported (`of` is undefined for a post that sold nothing). */
  sales: { of: PostSales | undefined } | null;
  onClose: () => void;
}) {
  const { t, tag } = tr;
  // The post is read again inside the live query: its latest counts are part of its history.
  const history = useLive(async () => {
    const latest = await db().posts.get([post.platform, post.id]);
    return latest ? postHistory(latest) : [];
  }, [post.platform, post.id]);
  const chart = useMemo(() => {
    if (!history) return null;
    return [
      history.map((s) => s.at / 1000),
      history.map((s) => s.m.views ?? null),
      history.map((s) => engagements(s.m)),
    ];
  }, [history]);
  const speed = useMemo(
    () =>
      history
        ? velocity(
            post.createdAt,
            history.map((s) => ({ at: s.at, metrics: s.m })),
          )
        : null,
    [history, post.createdAt],
  );
  const why = (reason: string | undefined) =>
    reason ? t(`velocity_${reason.replaceAll('-', '_')}` as MessageKey) : '';
  return (
    <DetailPanel
      openKey={`${post.platform}:${post.id}`}
      titleId="post-history-title"
      testId="post-history"
      title={`${t('postHistory')}: ${post.text.slice(0, 60) || post.id}`}
      closeLabel={t('close')}
      onClose={onClose}
      actions={
        <button
          type="button"
          class="danger"
          data-testid="delete-post"
          onClick={() => {
            if (!confirm(`${t('deletePost')}?`)) return;
            void send({ type: 'post.delete', platform: post.platform, id: post.id }).then(onClose);
          }}
        >
          {t('deletePost')}
        </button>
      }
    >
      {history === undefined || !chart || !speed ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : history.length === 0 ? (
        <Empty>{t('emptyHistory')}</Empty>
      ) : (
        <>
          <dl class="kpis">
            <div>
              <dt>{t('velocity24h')}</dt>
              <dd data-kpi="v24">{formatFixed(speed.first24h.perHour, tag, 1)}</dd>
              <dd class="muted small">{why(speed.first24h.reason)}</dd>
            </div>
            <div>
              <dt>{t('velocity7d')}</dt>
              <dd data-kpi="v7d">{formatFixed(speed.first7d.perHour, tag, 1)}</dd>
              <dd class="muted small">{why(speed.first7d.reason)}</dd>
            </div>
            <div>
              <dt>{t('snapshotCount')}</dt>
              <dd>{formatCount(history.length, tag)}</dd>
            </div>
          </dl>
          <Chart
            tr={tr}
            label={t('postHistory')}
            empty={t('emptyOneSnapshot')}
            data={chart}
            series={[{ label: t('colViews') }, { label: t('kpiEngagements'), right: true, color: 1 }]}
          />
        </>
      )}
      {sales && <PostSalesDetail sales={sales.of} tr={tr} />}
      <PostThemesPanel post={post} tr={tr} />
    </DetailPanel>
  );
}
