import { useMemo, useState } from 'preact/hooks';
import { db, type StoredCourse } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { summarizeCompetitors } from '@/lib/metrics';
import { SLOT_HOURS, slotLabel } from '@/lib/metrics/slots';
import type { Platform } from '@/lib/records';
import { Chart } from './Chart';
import { CompetitorOverview } from './CompetitorOverview';
import { coursesByCompetitor } from './competitor-courses';
import { categoryPositions, pricePositions, type Rank } from './course-position';
import { type CourseSortKey, type CourseStatusFilter, filterCourses, sortCourses } from './course-table';
import { DetailPanel } from './DetailPanel';
import { Empty } from './Empty';
import { formatCount, formatDateTime, priceText, safeHref } from './format';
import { type Translator, useLive } from './hooks';
import { formatFixed, formatPercent } from './overview';
import { accountsWithRole, courseHistory, postsOf, timeZoneSetting } from './queries';
import { send } from './send';
import { TrackedLinkForm } from './TrackedLinkForm';

const COMPETITOR_POSTS_PER_ACCOUNT = 200;
/** Competitors shown with their catalogues; the rest are counted (the table below lists every course). */
const CATALOGUES_SHOWN = 20;
const COLUMNS: Array<[CourseSortKey, MessageKey, boolean]> = [
  ['title', 'colCourse', false],
  ['provider', 'colProvider', false],
  ['price', 'colPrice', true],
  ['students', 'colStudents', true],
  ['rating', 'colRating', true],
  ['lastSeenAt', 'colLastSeen', false],
];

export function CoursesView({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  // The course table is small (what one person saves); a full read is fine here, unlike posts.
  const courses = useLive(() => db().courses.toArray(), []);
  const [status, setStatus] = useState<CourseStatusFilter>('all');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: CourseSortKey; asc: boolean }>({ key: 'lastSeenAt', asc: false });
  const [selected, setSelected] = useState<StoredCourse | null>(null);
  const [linkFor, setLinkFor] = useState<StoredCourse | null>(null);
  const shown = useMemo(
    () => (courses ? sortCourses(filterCourses(courses, status, text), sort.key, sort.asc) : undefined),
    [courses, status, text, sort],
  );
  const positions = useMemo(
    () => (courses ? pricePositions(courses.filter((c) => c.status !== 'dismissed')) : []),
    [courses],
  );
  const categories = useMemo(() => (courses ? categoryPositions(courses) : []), [courses]);
  const rankText = (r: Rank | null) => (r ? t('competitorPositionRank', r.rank, r.of) : '—');
  const byUrl = useMemo(() => new Map((courses ?? []).map((c) => [c.url, c])), [courses]);
  const catalogues = useMemo(() => (courses ? coursesByCompetitor(courses) : []), [courses]);
  const sortBy = (key: CourseSortKey) =>
    setSort(sort.key === key ? { key, asc: !sort.asc } : { key, asc: true });
  return (
    <div class="view">
      {positions.length > 0 && (
        <section class="card" aria-labelledby="course-position" data-testid="price-position">
          <h2 id="course-position">{t('pricePositionTitle')}</h2>
          <ul>
            {positions.map((p) => (
              <li key={p.url}>
                <strong>{byUrl.get(p.url)?.title ?? p.url}</strong>:{' '}
                {p.compared === 0
                  ? t('pricePositionNone', p.currency)
                  : t(
                      'pricePositionText',
                      priceText(p.price, p.currency, tag),
                      p.cheaper,
                      p.compared,
                      priceText(p.median, p.currency, tag),
                      formatPercent(p.percentile, tag, 0),
                    )}
              </li>
            ))}
          </ul>
          {categories.length > 0 && (
            <table class="data" data-testid="category-position">
              <caption>{t('competitorPositionTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colCourse')}</th>
                  <th scope="col">{t('competitorPositionCategory')}</th>
                  <th scope="col">{t('colPrice')}</th>
                  <th scope="col" class="num">
                    {t('colStudents')}
                  </th>
                  <th scope="col" class="num">
                    {t('colRating')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {categories.map((p) => (
                  <tr key={`${p.url}:${p.category}`}>
                    <td class="text">{byUrl.get(p.url)?.title ?? p.url}</td>
                    <td>
                      {p.category} · {p.currency}
                    </td>
                    <td>
                      {t(
                        'competitorPositionPrice',
                        priceText(p.price, p.currency, tag),
                        p.cheaper,
                        p.compared,
                        priceText(p.median, p.currency, tag),
                      )}
                    </td>
                    <td class="num">{rankText(p.students)}</td>
                    <td class="num">{rankText(p.rating)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {catalogues.length > 0 && (
        <section class="card" aria-labelledby="competitor-catalogues" data-testid="competitor-catalogues">
          <h2 id="competitor-catalogues">{t('listingByCompetitorTitle')}</h2>
          {catalogues.slice(0, CATALOGUES_SHOWN).map((group) => (
            <details key={group.competitor}>
              <summary>
                {group.competitor} · {t('listingByCompetitorCount', group.courses.length)}
              </summary>
              <ul>
                {group.courses.map((c) => (
                  <li key={c.url}>
                    {safeHref(c.url) ? (
                      <a href={safeHref(c.url)} target="_blank" rel="noopener noreferrer">
                        {c.title || c.url}
                      </a>
                    ) : (
                      c.title || c.url
                    )}{' '}
                    · {priceText(c.price, c.currency, tag)}
                    {c.listPrice !== undefined && (
                      <>
                        {' '}
                        <s>{priceText(c.listPrice, c.currency, tag)}</s>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          ))}
          {catalogues.length > CATALOGUES_SHOWN && (
            <p class="muted">{t('listingByCompetitorMore', catalogues.length - CATALOGUES_SHOWN)}</p>
          )}
        </section>
      )}
      {courses && <CompetitorOverview courses={courses} tr={tr} />}
      <div class="toolbar">
        <label>
          {t('filterStatus')}{' '}
          <select
            value={status}
            data-testid="course-status-filter"
            onChange={(e) => setStatus(e.currentTarget.value as CourseStatusFilter)}
          >
            {(['all', 'saved', 'sighting', 'link', 'mine', 'dismissed'] as const).map((s) => (
              <option value={s} key={s}>
                {t(s === 'all' ? 'filterAll' : (`courseStatus_${s}` as MessageKey))}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          placeholder={t('filterSearch')}
          aria-label={t('filterSearch')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {shown && courses && <span class="muted">{t('shownOf', shown.length, courses.length)}</span>}
      </div>
      {shown === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{t('emptyCourses')}</p>
      ) : (
        <table class="data" data-testid="courses-table">
          <thead>
            <tr>
              {COLUMNS.map(([key, label, numeric]) => (
                <th
                  scope="col"
                  key={key}
                  class={numeric ? 'num' : ''}
                  aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" class="sort" onClick={() => sortBy(key)}>
                    {t(label)} {sort.key === key ? (sort.asc ? '▲' : '▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('roleMine')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('priceHistory')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.url} data-course-url={c.url}>
                <td class="text">
                  <a href={safeHref(c.url)} target="_blank" rel="noopener noreferrer">
                    {c.title || c.url}
                  </a>
                  {c.instructor && <div class="muted small">{c.instructor}</div>}
                </td>
                <td>{c.provider}</td>
                <td class="num" data-col="price">
                  {priceText(c.price, c.currency, tag)}
                </td>
                <td class="num">{formatCount(c.students, tag)}</td>
                <td class="num">{formatFixed(c.rating, tag, 1)}</td>
                <td>{formatDateTime(c.lastSeenAt, tag)}</td>
                <td>
                  {t(`courseStatus_${c.status}` as MessageKey)}
                  {c.status === 'sighting' && (
                    <span class="actions">
                      {' '}
                      <button
                        type="button"
                        class="small"
                        onClick={() => void send({ type: 'course.status', url: c.url, status: 'saved' })}
                      >
                        {t('courseConfirm')}
                      </button>{' '}
                      <button
                        type="button"
                        class="small"
                        onClick={() => void send({ type: 'course.status', url: c.url, status: 'dismissed' })}
                      >
                        {t('courseDismiss')}
                      </button>
                    </span>
                  )}
                  {c.status === 'dismissed' && (
                    <button
                      type="button"
                      class="small"
                      onClick={() => void send({ type: 'course.status', url: c.url, status: 'saved' })}
                    >
                      {t('courseRestore')}
                    </button>
                  )}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('courseMine')}: ${c.title}`}
                    checked={!!c.mine}
                    onChange={(e) =>
                      void send({ type: 'course.mine', url: c.url, mine: e.currentTarget.checked })
                    }
                  />
                  {c.mine && (
                    <>
                      {' '}
                      <button
                        type="button"
                        class="small"
                        data-testid="tracked-link-open"
                        aria-label={`${t('salesCopyTrackedLink')}: ${c.title}`}
                        onClick={() => setLinkFor(c)}
                      >
                        {t('salesCopyTrackedLink')}
                      </button>
                    </>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    class="small"
                    aria-label={`${t('priceHistory')}: ${c.title}`}
                    onClick={() => setSelected(c)}
                  >
                    ↗
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {linkFor && <TrackedLinkForm course={linkFor} tr={tr} />}
      {selected && <PriceHistory course={selected} tr={tr} onClose={() => setSelected(null)} />}
      <CompetitorContext tr={tr} />
    </div>
  );
}

function PriceHistory({
  course,
  tr,
  onClose,
}: {
  course: StoredCourse;
  tr: Translator;
  onClose: () => void;
}) {
  const { t } = tr;
  const history = useLive(() => courseHistory(course.url), [course.url]);
  const data = useMemo(() => {
    // Only the course's current currency: a price in another currency is not on the same axis.
    const rows = (history ?? []).filter((s) => s.currency === course.currency);
    return [rows.map((s) => s.at / 1000), rows.map((s) => s.price), rows.map((s) => s.students ?? null)];
  }, [history, course.currency]);
  return (
    <DetailPanel
      openKey={course.url}
      titleId="price-history"
      testId="price-history"
      title={`${t('priceHistory')}: ${course.title}`}
      closeLabel={t('close')}
      onClose={onClose}
    >
      {history === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <Chart
          tr={tr}
          label={t('priceHistory')}
          empty={t('priceHistoryEmpty')}
          data={data}
          series={[
            { label: `${t('colPrice')} (${course.currency ?? ''})` },
            { label: t('colStudents'), right: true, color: 1 },
          ]}
        />
      )}
    </DetailPanel>
  );
}

/** Competitors' recent posts and habits: context for pricing and posting, never mixed into own suggestions. */
function CompetitorContext({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const data = useLive(async () => {
    const [accounts, timeZone] = await Promise.all([accountsWithRole('competitor'), timeZoneSetting()]);
    const posts = await postsOf(accounts, COMPETITOR_POSTS_PER_ACCOUNT);
    return { accounts, posts, summaries: summarizeCompetitors(posts, { timeZone, slotHours: SLOT_HOURS }) };
  }, []);
  if (!data) return <p aria-busy="true">{t('loading')}</p>;
  if (data.accounts.length === 0)
    return <Empty go={{ view: 'accounts', label: t('emptyOpenAccounts') }}>{t('emptyCompetitors')}</Empty>;
  const nameOf = new Map(data.accounts.map((a) => [`${a.platform}:${a.id}`, a.name || a.handle]));
  const recent = [...data.posts]
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
    .slice(0, 10);
  return (
    <section class="card" aria-labelledby="competitors" data-testid="competitors">
      <h2 id="competitors">{t('competitorsTitle')}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t('colAuthor')}</th>
            <th scope="col" class="num">
              {t('colPostCount')}
            </th>
            <th scope="col" class="num">
              {t('competitorMedian')}
            </th>
            <th scope="col" class="num">
              {t('competitorPerWeek')}
            </th>
            <th scope="col">{t('competitorSlots')}</th>
            <th scope="col">{t('kind_hashtag')}</th>
          </tr>
        </thead>
        <tbody>
          {data.summaries.map((s) => (
            <tr key={`${s.platform}:${s.authorId}`}>
              <td>
                {t(`platform_${s.platform as Platform}`)} ·{' '}
                {nameOf.get(`${s.platform}:${s.authorId}`) ?? s.authorId}
              </td>
              <td class="num">{formatCount(s.posts, tag)}</td>
              <td class="num">{formatCount(s.medianEngagements, tag)}</td>
              <td class="num">{formatFixed(s.postsPerWeek, tag, 1)}</td>
              <td>
                {s.slots
                  .slice(0, 2)
                  .map((x) => `${slotLabel(x.key, tag)} (${x.n})`)
                  .join(', ')}
              </td>
              <td>
                {s.hashtags
                  .slice(0, 3)
                  .map((h) => `#${h.key}`)
                  .join(' ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('competitorRecent')}</h3>
      <ul class="attached">
        {recent.map((p) => (
          <li key={`${p.platform}:${p.id}`}>
            <a href={safeHref(p.url)} target="_blank" rel="noopener noreferrer">
              {p.text.slice(0, 80) || p.id}
            </a>{' '}
            <span class="muted small">
              {formatDateTime(p.createdAt, tag, p.createdAtApprox)} · 👁 {formatCount(p.metrics.views, tag)} ·
              ♥ {formatCount(p.metrics.likes, tag)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
