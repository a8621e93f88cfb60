import { useMemo, useState } from 'preact/hooks';
import { now } from '@/lib/clock';
import type { CourseSnapshot, StoredAccount, StoredCourse, StoredPost } from '@/lib/db/schema';
import type { Platform } from '@/lib/records';
import { Chart } from './Chart';
import {
  accountKey,
  type CatalogueTrends,
  type CompetitorGroup,
  type CompetitorLinks,
  type CourseTrends,
  catalogueTrends,
  competitorGroups,
  courseSeries,
  courseTrends,
  coveredFrom,
  type Posting,
  postingOver,
  priceChanges,
  type Trend,
} from './competitor-overview';
import { Empty } from './Empty';
import { dateFormat, formatCount, priceText, safeHref } from './format';
import { type Translator, useLive } from './hooks';
import { formatFixed, formatPercent } from './overview';
import { accountsWithRole, courseHistory, postsOf, readSetting } from './queries';
import { send } from './send';

/** The newest posts read per account: enough for eight weeks of a daily poster, bounded for big stores. */
const POSTS_PER_ACCOUNT = 200;
const CADENCE_WEEKS = 8;
const ROWS_AT_FIRST = 100;
/** The link select's value for "match by name" (no entry in the links). */
const AUTO = '\u0000auto';

type Group = CompetitorGroup<StoredCourse, StoredAccount>;

/**
 * Competitor overview (issue 16): one competitor at a time, picked from a list, with their courses and
 * prices, the price changes across their catalogue, students and ratings, and their posting beside
 * the user's. Only the picked competitor's snapshots and posts are read.
 */
export function CompetitorOverview({ courses, tr }: { courses: readonly StoredCourse[]; tr: Translator }) {
  const { t } = tr;
  const people = useLive(async () => {
    const [competitors, mine, links] = await Promise.all([
      accountsWithRole('competitor'),
      accountsWithRole('mine'),
      readSetting<CompetitorLinks>('competitorLinks'),
    ]);
    return { competitors, mine, links: links ?? {} };
  }, []);
  const groups = useMemo(
    () => (people ? competitorGroups(courses, people.competitors, people.links) : undefined),
    [courses, people],
  );
  const [picked, setPicked] = useState<string | null>(null);
  if (!people || !groups) return <p aria-busy="true">{t('loading')}</p>;
  const group = groups.find((g) => g.key === picked) ?? groups[0];
  return (
    <section class="card" aria-labelledby="competitor-overview" data-testid="competitor-overview">
      <h2 id="competitor-overview">{t('competitorOverviewTitle')}</h2>
      {!group ? (
        <Empty go={{ view: 'accounts', label: t('emptyOpenAccounts') }} testId="competitor-overview-empty">
          {t('competitorOverviewEmpty')}
        </Empty>
      ) : (
        <>
          <div class="toolbar">
            <label>
              {t('competitorOverviewPick')}{' '}
              <select
                data-testid="competitor-pick"
                value={group.key}
                onChange={(e) => setPicked(e.currentTarget.value)}
              >
                {groups.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.name} · {t('listingByCompetitorCount', g.courses.length)}
                  </option>
                ))}
              </select>
            </label>
            {group.courses.length > 0 && (
              <AccountLink group={group} accounts={people.competitors} links={people.links} tr={tr} />
            )}
          </div>
          <CompetitorDetail key={group.key} group={group} mine={people.mine} tr={tr} />
        </>
      )}
    </section>
  );
}

/** Which competitor account is this instructor: matched by name unless the user says otherwise. */
function AccountLink({
  group,
  accounts,
  links,
  tr,
}: {
  group: Group;
  accounts: StoredAccount[];
  links: CompetitorLinks;
  tr: Translator;
}) {
  const { t } = tr;
  const current = links[group.key];
  const save = (value: string) => {
    const next: Record<string, string> = { ...links };
    if (value === AUTO) delete next[group.key];
    else next[group.key] = value;
    void send({ type: 'settings.put', key: 'competitorLinks', value: next });
  };
  return (
    <label>
      {t('competitorOverviewAccount')}{' '}
      <select
        data-testid="competitor-link"
        value={current === undefined ? AUTO : current}
        onChange={(e) => save(e.currentTarget.value)}
      >
        <option value={AUTO}>{t('competitorOverviewByName')}</option>
        <option value="">{t('competitorOverviewNoAccount')}</option>
        {accounts.map((a) => (
          <option key={accountKey(a)} value={accountKey(a)}>
            {t(`platform_${a.platform}`)} · {a.name || a.handle}
          </option>
        ))}
      </select>
    </label>
  );
}

function CompetitorDetail({ group, mine, tr }: { group: Group; mine: StoredAccount[]; tr: Translator }) {
  const { t } = tr;
  const urls = group.courses.map((c) => c.url);
  const read = useLive(async () => {
    const [snapshots, theirs, ours] = await Promise.all([
      Promise.all(urls.map(courseHistory)),
      Promise.all(group.accounts.map((a) => postsOf([a], POSTS_PER_ACCOUNT))),
      Promise.all(mine.map((a) => postsOf([a], POSTS_PER_ACCOUNT))),
    ]);
    const at = now();
    const over = (lists: StoredPost[][]) =>
      postingOver(lists.flat(), at, {
        weeks: CADENCE_WEEKS,
        coveredFrom: coveredFrom(lists, POSTS_PER_ACCOUNT),
      });
    return {
      snapshots: new Map(urls.map((url, i) => [url, snapshots[i]!])),
      theirs: theirs.map((posts) => over([posts])),
      // The user's cadence is all their accounts together.
      ours: over(ours),
    };
  }, [urls.join('\n'), group.accounts.map(accountKey).join('\n'), mine.map(accountKey).join('\n')]);
  const summary = useMemo(() => {
    if (!read) return null;
    const changes = priceChanges([...read.snapshots.values()].flat());
    const trends = new Map([...read.snapshots].map(([url, list]) => [url, courseTrends(list)]));
    return { changes, trends, catalogue: catalogueTrends([...trends.values()], changes) };
  }, [read]);
  if (!read || !summary) return <p aria-busy="true">{t('loading')}</p>;
  const { changes } = summary;
  const byUrl = new Map(group.courses.map((c) => [c.url, c]));
  return (
    <>
      <h3>{t('competitorOverviewCourses')}</h3>
      {group.courses.length === 0 ? (
        <Empty>{t('competitorOverviewNoCourses')}</Empty>
      ) : (
        <>
          <CatalogueKpis trends={summary.catalogue} tr={tr} />
          <CourseRows courses={group.courses} snapshots={read.snapshots} trends={summary.trends} tr={tr} />
        </>
      )}
      <h3>{t('competitorOverviewTimeline')}</h3>
      {group.courses.length === 0 ? null : changes.length === 0 ? (
        <Empty testId="competitor-timeline-empty">{t('competitorOverviewNoChanges')}</Empty>
      ) : (
        <Timeline changes={changes} byUrl={byUrl} tr={tr} />
      )}
      <h3>{t('competitorOverviewPosting')}</h3>
      <PostingBeside group={group} theirs={read.theirs} ours={read.ours} hasMine={mine.length > 0} tr={tr} />
    </>
  );
}

const lastChangeOf = (snapshots: CourseSnapshot[]) => priceChanges(snapshots)[0];

/** "1,231 (+320)", "4.6 (-0.1)": a value and its change since first seen, when it changed. */
function withChange(last: number, change: number, tag: string, digits: number): string {
  const value = digits ? formatFixed(last, tag, digits) : formatCount(last, tag);
  // A change that rounds to nothing at the digits shown is not shown.
  if (Math.round(change * 10 ** digits) === 0) return value;
  const delta = digits ? formatFixed(change, tag, digits) : formatCount(change, tag);
  return `${value} (${change > 0 ? '+' : ''}${delta})`;
}

const trendText = (trend: Trend | null, tag: string, digits: number): string =>
  trend ? withChange(trend.last, trend.change, tag, digits) : '—';

function CatalogueKpis({ trends, tr }: { trends: CatalogueTrends; tr: Translator }) {
  const { t, tag } = tr;
  return (
    <dl class="kpis" data-testid="competitor-kpis">
      <div>
        <dt>{t('competitorOverviewStudents')}</dt>
        <dd>{trends.students ? withChange(trends.students.total, trends.students.change, tag, 0) : '—'}</dd>
      </div>
      <div>
        <dt>{t('competitorOverviewRating')}</dt>
        <dd>{trends.rating ? withChange(trends.rating.mean, trends.rating.change, tag, 1) : '—'}</dd>
      </div>
      <div>
        <dt>{t('competitorOverviewMoves')}</dt>
        <dd>{t('competitorOverviewMovesValue', trends.cuts, trends.rises)}</dd>
      </div>
    </dl>
  );
}

function CourseRows({
  courses,
  snapshots,
  trends,
  tr,
}: {
  courses: StoredCourse[];
  snapshots: Map<string, CourseSnapshot[]>;
  trends: Map<string, CourseTrends>;
  tr: Translator;
}) {
  const { t, tag } = tr;
  const day = dateFormat(tag, { dateStyle: 'medium' });
  const [all, setAll] = useState(false);
  // A catalogue of hundreds renders its first rows at once; the rest on request (all are in the
  // course table below too), so picking a competitor stays within the filter-change budget.
  const shown = all ? courses : courses.slice(0, ROWS_AT_FIRST);
  return (
    <>
      <table class="data" data-testid="competitor-courses">
        <thead>
          <tr>
            <th scope="col">{t('colCourse')}</th>
            <th scope="col" class="num">
              {t('colPrice')}
            </th>
            <th scope="col">{t('competitorOverviewLastChange')}</th>
            <th scope="col" class="num">
              {t('colStudents')}
            </th>
            <th scope="col" class="num">
              {t('colRating')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => {
            const own = snapshots.get(c.url) ?? [];
            const trend = trends.get(c.url);
            const last = lastChangeOf(own);
            return (
              <tr key={c.url} data-course-url={c.url}>
                <td class="text">
                  {safeHref(c.url) ? (
                    <a href={safeHref(c.url)} target="_blank" rel="noopener noreferrer">
                      {c.title || c.url}
                    </a>
                  ) : (
                    c.title || c.url
                  )}
                </td>
                <td class="num">
                  {priceText(c.price, c.currency, tag)}
                  {c.listPrice !== undefined && c.listPrice !== c.price && (
                    <>
                      {' '}
                      <s title={t('listingListPrice')}>{priceText(c.listPrice, c.currency, tag)}</s>
                    </>
                  )}
                </td>
                <td>
                  {last
                    ? t(
                        'competitorOverviewChangeShort',
                        priceText(last.from, last.currency, tag),
                        priceText(last.to, last.currency, tag),
                        day.format(new Date(last.at)),
                      )
                    : '—'}
                </td>
                <td class="num">{trendText(trend?.students ?? null, tag, 0)}</td>
                <td class="num">{trendText(trend?.rating ?? null, tag, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length < courses.length && (
        <button type="button" class="small" onClick={() => setAll(true)}>
          {t('competitorOverviewShowAll', courses.length)}
        </button>
      )}
      <h4>{t('competitorOverviewCharts')}</h4>
      {shown.map((c) => (
        <CourseCharts key={c.url} course={c} snapshots={snapshots.get(c.url) ?? []} tr={tr} />
      ))}
    </>
  );
}

/** A course's price and its students and rating over time, drawn only once opened. */
function CourseCharts({
  course,
  snapshots,
  tr,
}: {
  course: StoredCourse;
  snapshots: CourseSnapshot[];
  tr: Translator;
}) {
  const { t } = tr;
  const [open, setOpen] = useState(false);
  const series = useMemo(
    () => (open ? courseSeries(snapshots, course.currency) : null),
    [open, snapshots, course.currency],
  );
  return (
    <details class="course-charts" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{course.title || course.url}</summary>
      {series && (
        <>
          <Chart
            tr={tr}
            label={`${t('priceHistory')}: ${course.title}`}
            empty={t('competitorOverviewChartEmpty')}
            data={series.price}
            series={[
              { label: `${t('colPrice')} (${course.currency ?? ''})` },
              { label: t('listingListPrice'), color: 2 },
            ]}
          />
          <Chart
            tr={tr}
            label={`${t('competitorOverviewAudience')}: ${course.title}`}
            empty={t('competitorOverviewAudienceEmpty')}
            data={series.audience}
            series={[
              { label: t('colStudents'), color: 1 },
              { label: t('colRating'), right: true, color: 3 },
            ]}
          />
        </>
      )}
    </details>
  );
}

function Timeline({
  changes,
  byUrl,
  tr,
}: {
  changes: ReturnType<typeof priceChanges>;
  byUrl: Map<string, StoredCourse>;
  tr: Translator;
}) {
  const { t, tag } = tr;
  const when = dateFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol class="timeline" data-testid="competitor-timeline">
      {changes.map((c) => (
        <li key={`${c.url}:${c.at}`}>
          <time dateTime={new Date(c.at).toISOString()}>{when.format(new Date(c.at))}</time> ·{' '}
          {t(
            'competitorOverviewChange',
            byUrl.get(c.url)?.title || c.url,
            priceText(c.from, c.currency, tag),
            priceText(c.to, c.currency, tag),
            formatPercent(c.from === 0 ? null : (c.to - c.from) / c.from, tag, 0),
          )}
        </li>
      ))}
    </ol>
  );
}

function PostingBeside({
  group,
  theirs,
  ours,
  hasMine,
  tr,
}: {
  group: Group;
  theirs: Posting[];
  ours: Posting;
  hasMine: boolean;
  tr: Translator;
}) {
  const { t, tag } = tr;
  if (group.accounts.length === 0)
    return (
      <Empty go={{ view: 'accounts', label: t('emptyOpenAccounts') }}>
        {t('competitorOverviewNoAccountLinked')}
      </Empty>
    );
  const row = (key: string, label: string, p: Posting) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td class="num">{formatFixed(p.perWeek, tag, 1)}</td>
      <td class="num">{formatCount(p.medianEngagements, tag)}</td>
      <td class="num">{formatPercent(p.medianRate, tag)}</td>
    </tr>
  );
  return (
    <>
      <table class="data" data-testid="competitor-posting">
        <caption class="muted small">{t('competitorOverviewPostingNote', CADENCE_WEEKS)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colAuthor')}</th>
            <th scope="col" class="num">
              {t('competitorPerWeek')}
            </th>
            <th scope="col" class="num">
              {t('competitorMedian')}
            </th>
            <th scope="col" class="num">
              {t('competitorOverviewRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {group.accounts.map((a, i) =>
            row(
              accountKey(a),
              `${t(`platform_${a.platform as Platform}`)} · ${a.name || a.handle}`,
              theirs[i]!,
            ),
          )}
          {hasMine && row('mine', t('competitorOverviewYou'), ours)}
        </tbody>
      </table>
      {!hasMine && (
        <Empty go={{ view: 'accounts', label: t('emptyOpenAccounts') }}>
          {t('competitorOverviewNoMine')}
        </Empty>
      )}
    </>
  );
}
