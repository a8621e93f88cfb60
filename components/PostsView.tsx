import { Dexie } from 'dexie';
import { useState } from 'preact/hooks';
import { db, type StoredPost } from '@/lib/db/schema';
import { PLATFORMS, type Platform } from '@/lib/records';
import { formatCount, formatDateTime, isApprox, safeHref } from './format';
import { type Translator, useLive } from './hooks';

const PAGE = 200;
const METRIC_COLUMNS = [
  ['views', 'colViews'],
  ['likes', 'colLikes'],
  ['reposts', 'colReposts'],
  ['quotes', 'colQuotes'],
  ['comments', 'colComments'],
  ['bookmarks', 'colBookmarks'],
] as const;

async function recentPosts(platform: Platform | 'all', limit: number): Promise<StoredPost[]> {
  const posts = db().posts;
  if (platform === 'all') return posts.orderBy('lastSeenAt').reverse().limit(limit).toArray();
  return posts
    .where('[platform+lastSeenAt]')
    .between([platform, Dexie.minKey], [platform, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

export function PostsView({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const posts = useLive(() => recentPosts(platform, limit), [platform, limit]);
  const total = useLive(() => db().posts.count(), []);
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? posts?.filter(
        (p) =>
          p.text.toLowerCase().includes(needle) ||
          p.authorHandle.toLowerCase().includes(needle) ||
          p.authorName.toLowerCase().includes(needle),
      )
    : posts;
  return (
    <div class="view">
      <div class="toolbar">
        <label>
          {t('filterPlatform')}{' '}
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform | 'all')}>
            <option value="all">{t('filterAll')}</option>
            {PLATFORMS.map((p) => (
              <option value={p} key={p}>
                {t(`platform_${p}`)}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          placeholder={t('filterSearch')}
          aria-label={t('filterSearch')}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        {total !== undefined && <span class="muted">{t('shownOf', shown?.length ?? 0, total)}</span>}
      </div>
      {shown === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{t('emptyPosts')}</p>
      ) : (
        <table class="data" data-testid="posts-table">
          <thead>
            <tr>
              <th scope="col">{t('colPlatform')}</th>
              <th scope="col">{t('colPost')}</th>
              <th scope="col">{t('colAuthor')}</th>
              <th scope="col">{t('colPosted')}</th>
              {METRIC_COLUMNS.map(([, label]) => (
                <th scope="col" class="num" key={label}>
                  {t(label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((post) => (
              <tr key={`${post.platform}:${post.id}`} data-post-id={post.id}>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {posts && posts.length === limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          +{PAGE}
        </button>
      )}
    </div>
  );
}
