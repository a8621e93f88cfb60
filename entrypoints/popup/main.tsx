import { render } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { postQuestions } from '@/components/audience/post-questions';
import { Empty } from '@/components/Empty';
import { dateFormat, formatCount, priceText } from '@/components/format';
import { type Translator, useLive, useTranslator } from '@/components/hooks';
import { OwnAccountQuestion } from '@/components/OwnAccountQuestion';
import { formatFixed } from '@/components/overview';
import { POPUP_POSTS_PER_ACCOUNT, POPUP_SALES_LIMITS, readPopupSales } from '@/components/popup-sales';
import { accountsWithRole, postHistory, postsOf, timeZoneSetting } from '@/components/queries';
import { SavedCourseCheck } from '@/components/SavedCourseCheck';
import { useCaptureSwitch } from '@/components/SettingsView';
import { SyncStatusLine, useSync } from '@/components/SyncSetting';
import { send } from '@/components/send';
import { TrackedLinkForm } from '@/components/TrackedLinkForm';
import { type TabCaptures, watchTabCaptures } from '@/lib/background/tab-captures';
import { now } from '@/lib/clock';
import { db, type StoredCourse, type StoredPost } from '@/lib/db/schema';
import { publishedToday, readToday, type TodayTotals } from '@/lib/db/today';
import { formatMoney } from '@/lib/metrics';
import { velocity } from '@/lib/metrics/engagement';
import type { Money } from '@/lib/metrics/money';
import { nextSuggestedSlot, SLOT_HOURS, slotLabel } from '@/lib/metrics/slots';
import { suggestForPlatform } from '@/lib/metrics/suggest';
import type { Platform } from '@/lib/record-keys';
import { GLANCE_DAYS } from '@/lib/sales/glance';
import { platformOfUrl } from '@/lib/sites/hosts';

// Read while the page renders: the copy the background published shows today's totals before
// IndexedDB is open (see lib/db/today.ts).
const publishedTotals = publishedToday(now());

function usePublishedToday(): TodayTotals | undefined {
  const [totals, setTotals] = useState<TodayTotals | undefined>(undefined);
  useLayoutEffect(() => {
    void publishedTotals.then(setTotals);
  }, []);
  return totals;
}

interface ActiveTab {
  id: number;
  url?: string;
}

/** What the background kept from this tab, following it as more is captured. */
function useTabCaptures(tabId: number | undefined): TabCaptures | undefined {
  const [captures, setCaptures] = useState<TabCaptures | undefined>(undefined);
  useLayoutEffect(() => (tabId === undefined ? undefined : watchTabCaptures(tabId, setCaptures)), [tabId]);
  return captures;
}

function useActiveTab(): ActiveTab | null | undefined {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => {
      setTab(t?.id === undefined ? null : { id: t.id, url: t.url });
    });
  }, []);
  return tab;
}

/** The dashboard in a tab, at one of its views when given (the dashboard follows the address's hash). */
function openDashboard(view?: string) {
  if (view) void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${view}`) });
  else void browser.runtime.openOptionsPage();
}

/** Sync's last step, shown only once the user connected it. */
function PopupSync({ tr }: { tr: Translator }) {
  const sync = useSync();
  if (!sync?.connection) return null;
  return (
    <section aria-labelledby="popup-sync">
      <h2 id="popup-sync">{tr.t('syncPopupTitle')}</h2>
      <SyncStatusLine tr={tr} status={sync.status} />
    </section>
  );
}

function Popup() {
  const tr = useTranslator();
  const { t, tag } = tr;
  const tab = useActiveTab();
  const platform = platformOfUrl(tab?.url);
  const [captureOn, setCaptureOn] = useCaptureSwitch(platform);
  const [saveState, setSaveState] = useState<string>('');
  const captured = useTabCaptures(tab?.id);
  const onPage = useLive(async () => {
    if (!tab) return { posts: [], accounts: [], courses: [], speed: new Map<string, number | null>() };
    if (!captured) return undefined;
    const [found, accounts, courses] = await Promise.all([
      db().posts.bulkGet(captured.posts.slice(0, 20) as Array<[Platform, string]>),
      db().accounts.bulkGet(captured.accounts.slice(0, 5) as Array<[Platform, string]>),
      db().courses.bulkGet(captured.courses.slice(0, 5)),
    ]);
    const posts = found.filter((p) => !!p);
    // Velocity from each post's own snapshot range: 20 small indexed reads.
    const histories = await Promise.all(posts.map(postHistory));
    const speed = new Map(
      posts.map((p, i) => [
        `${p.platform}:${p.id}`,
        velocity(
          p.createdAt,
          histories[i]!.map((s) => ({ at: s.at, metrics: s.m })),
        ).first24h.perHour,
      ]),
    );
    return {
      posts,
      accounts: accounts.filter((a) => !!a),
      courses: courses.filter((c): c is StoredCourse => !!c),
      speed,
    };
  }, [tab, captured]);
  const liveTotals = useLive(() => readToday(db(), now()), []);
  const published = usePublishedToday();
  const totals = liveTotals ?? published;
  const saveCourse = async () => {
    if (!tab) return;
    setSaveState(t('loading'));
    const reply = await send({ type: 'course.saveTab', tabId: tab.id });
    setSaveState(reply.ok ? '✓' : reply.reason);
  };
  return (
    <main>
      <header class="popup-head">
        <strong>{t('appName')}</strong>
        <button type="button" onClick={() => openDashboard()}>
          {t('popupOpenDashboard')}
        </button>
      </header>
      <OwnAccountQuestion tr={tr} />
      <section aria-labelledby="popup-page">
        <h2 id="popup-page">{t('popupThisPage')}</h2>
        {platform ? (
          <label class="switch">
            <input
              type="checkbox"
              checked={captureOn ?? false}
              disabled={captureOn === undefined}
              onChange={(e) => setCaptureOn(e.currentTarget.checked)}
              data-testid="popup-capture"
            />{' '}
            {t('popupCaptureOn', t(`platform_${platform}`))}
          </label>
        ) : (
          tab !== undefined && <p class="muted">{t('popupNotSite')}</p>
        )}
        {onPage === undefined ? (
          <p aria-busy="true">{t('loading')}</p>
        ) : onPage.posts.length === 0 && onPage.accounts.length === 0 && onPage.courses.length === 0 ? (
          platform && <p class="empty">{t('popupNothingHere')}</p>
        ) : (
          <ul class="captured" data-testid="popup-posts">
            {onPage.accounts.map((a) => (
              <li key={`a:${a.id}`}>
                <strong>{a.name}</strong> · {t('colFollowers')}{' '}
                {formatCount(a.followers, tag, !a.followersExact)}
              </li>
            ))}
            {onPage.courses.map((c) => (
              <li key={`c:${c.url}`} data-course-url={c.url}>
                🎓 <strong>{c.title || c.url}</strong>{' '}
                <span class="muted">{priceText(c.price, c.currency, tag)}</span>
              </li>
            ))}
            {onPage.posts.map((p) => (
              <li key={`p:${p.id}`} data-post-id={p.id}>
                <span class="text">{p.text.slice(0, 60) || p.id}</span>
                <span class="muted">
                  {' '}
                  👁 {formatCount(p.metrics.views, tag, p.approx.includes('views'))} · ♥{' '}
                  {formatCount(p.metrics.likes, tag, p.approx.includes('likes'))} · ⚡{' '}
                  {t('perHour24h', formatFixed(onPage.speed.get(`${p.platform}:${p.id}`), tag, 1))}
                </span>
              </li>
            ))}
          </ul>
        )}
        {tab && !platform && isWebPage(tab.url) && <SavedCourseCheck tr={tr} tabId={tab.id} />}
      </section>
      {onPage && <TopQuestions tr={tr} posts={onPage.posts} />}
      <section aria-labelledby="popup-today">
        <h2 id="popup-today">{t('popupToday')}</h2>
        {totals === undefined ? (
          <p aria-busy="true">{t('loading')}</p>
        ) : (
          <dl class="kpis" data-testid="popup-today">
            <div>
              <dt>{t('popupNewPosts')}</dt>
              <dd>{formatCount(totals.newPosts, tag)}</dd>
            </div>
            <div>
              <dt>{t('popupSnapshots')}</dt>
              <dd>{formatCount(totals.snapshots, tag)}</dd>
            </div>
            <div>
              <dt>{t('popupEngagementGain')}</dt>
              <dd>{formatCount(totals.engagementGain, tag)}</dd>
            </div>
          </dl>
        )}
      </section>
      <NextSlot tr={tr} platform={platform} start={totals !== undefined} />
      <PopupSales tr={tr} tabPosts={tab === null ? [] : captured?.posts} start={totals !== undefined} />
      <TrackedLink tr={tr} platform={platform} start={totals !== undefined} />
      <PopupSync tr={tr} />
      <footer>
        <button type="button" onClick={() => void saveCourse()} disabled={!tab}>
          {t('popupSaveCourse')}
        </button>{' '}
        <span role="status">{saveState}</span>
      </footer>
    </main>
  );
}

const isWebPage = (url: string | undefined) => !!url && /^https?:\/\//i.test(url);

/** The questions under this tab's posts; nothing at all when none ask (or before they are read). */
function TopQuestions({ tr, posts }: { tr: Translator; posts: StoredPost[] }) {
  const { t, tag } = tr;
  const found = useLive(() => postQuestions(posts), [posts.map((p) => `${p.platform}:${p.id}`).join()]);
  if (!found) return null;
  return (
    <section aria-labelledby="popup-questions" data-testid="popup-questions">
      <h2 id="popup-questions">{t('popupQuestionsTitle')}</h2>
      <p class="muted small">
        {t(
          'popupQuestionsCount',
          formatCount(found.questions, tag),
          formatCount(found.comments, tag),
          formatCount(found.unanswered, tag),
        )}
      </p>
      <ol class="questions">
        {found.top.map((q) => (
          <li key={`${q.platform}:${q.id}`} data-comment-id={q.id}>
            {q.text} <span class="muted">♥ {formatCount(q.likes, tag)}</span>
            {q.answered && (
              <>
                {' '}
                <span class="badge">{t('audienceViewReplied')}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The suggestion reads hundreds of posts: it starts once today's totals are shown, so it never
 * queues ahead of the popup's first content in IndexedDB.
 */
function NextSlot({ tr, platform, start }: { tr: Translator; platform: Platform | null; start: boolean }) {
  const { t, tag } = tr;
  const next = useLive(async () => {
    if (!start) return undefined;
    const [timeZone, own] = await Promise.all([timeZoneSetting(), accountsWithRole('mine')]);
    const accounts = own.filter((a) => !platform || a.platform === platform);
    const posts = await postsOf(accounts, POPUP_POSTS_PER_ACCOUNT);
    const at = now();
    const platforms = [...new Set(accounts.map((a) => a.platform))];
    const results = platforms.map((p) =>
      suggestForPlatform(p, posts, { timeZone, now: at, slotHours: SLOT_HOURS }),
    );
    return { timeZone, own: accounts.length, ...nextSuggestedSlot(results, at, timeZone) };
  }, [platform, start]);
  return (
    <section aria-labelledby="popup-next">
      <h2 id="popup-next">{t('popupNextSlot')}</h2>
      {next === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : next.own === 0 ? (
        <Empty action={{ label: t('emptyOpenAccounts'), run: () => openDashboard('accounts') }}>
          {t('suggestNoOwn')}
        </Empty>
      ) : next.slot ? (
        <p data-testid="popup-next-slot">
          <strong>{slotLabel(next.slot.key, tag)}</strong> ({next.timeZone}) ·{' '}
          {t(`platform_${next.slot.platform as Platform}`)}
          <br />
          <span class="muted small">
            {dateFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: next.timeZone }).format(
              next.slot.at,
            )}
            {' · '}
            {t(
              'suggestStatsShort',
              `×${formatFixed(next.slot.uplift, tag, 2)}`,
              next.slot.n,
              t(`confidence_${next.slot.confidence as 'low'}`),
            )}
          </span>
        </p>
      ) : (
        <p class="muted" data-testid="popup-next-slot">
          {next.more === null ? t('suggestNoneYet') : t('notEnoughShort', next.more)}
        </p>
      )}
    </section>
  );
}

/**
 * Sales at a glance, read after today's totals like the suggestion: the exact orders of the seller's
 * posts on this page, and the tagged orders of the last days (components/popup-sales.ts: indexed,
 * capped reads of orders by time; the full report is the dashboard's).
 */
function PopupSales({
  tr,
  tabPosts,
  start,
}: {
  tr: Translator;
  tabPosts: TabCaptures['posts'] | undefined;
  start: boolean;
}) {
  const { t, tag } = tr;
  const sales = useLive(async () => {
    if (!start || !tabPosts) return undefined;
    return readPopupSales(Promise.resolve(tabPosts as Array<[Platform, string]>), now());
  }, [start, tabPosts]);
  if (sales === undefined) return null;
  const money = (list: Money[]) => list.map((m) => formatMoney(m, tag)).join(' + ');
  return (
    <section aria-labelledby="popup-sales" data-testid="popup-sales">
      <h2 id="popup-sales">{t('salesPopupTitle')}</h2>
      {sales === null ? (
        <Empty action={{ label: t('salesOpenCampaigns'), run: () => openDashboard('campaigns') }}>
          {t('salesPopupNoOrders')}
        </Empty>
      ) : (
        <>
          {sales.posts.map(({ post, figures }) => (
            <p key={post.id} data-testid="popup-post-sales" data-post-id={post.id}>
              <span class="text">{post.text.slice(0, 40) || post.id}</span>
              {': '}
              <strong>
                {figures?.orders
                  ? t('salesPopupPost', formatCount(figures.orders, tag), money(figures.revenue))
                  : t('salesPopupPostNone')}
              </strong>
            </p>
          ))}
          {sales.postsCapped && (
            <p class="muted small">
              {t('salesPopupCapped', formatCount(POPUP_SALES_LIMITS.postOrders, tag))}
            </p>
          )}
          <p class="muted" data-testid="popup-week-sales">
            {sales.week.orders > 0
              ? t(
                  'salesPopupWeek',
                  GLANCE_DAYS,
                  formatCount(sales.week.orders, tag),
                  money(sales.week.revenue),
                )
              : t('salesPopupWeekNone', GLANCE_DAYS)}
          </p>
        </>
      )}
    </section>
  );
}

/**
 * "Copy tracked link" for the seller's own courses, for the site of this tab: the Courses view's form.
 * Read after today's totals, like the suggestion, so it never delays the popup's first content.
 */
function TrackedLink({ tr, platform, start }: { tr: Translator; platform: Platform | null; start: boolean }) {
  const { t } = tr;
  const own = useLive(
    async () =>
      start
        ? (await db().courses.where('status').anyOf('saved', 'link').toArray()).filter((c) => c.mine)
        : undefined,
    [start],
  );
  const [chosen, setChosen] = useState('');
  if (!own) return null;
  const course = own.find((c) => c.url === chosen) ?? own[0];
  return (
    <details data-testid="popup-tracked-link">
      <summary>{t('salesCopyTrackedLink')}</summary>
      {!course ? (
        <Empty action={{ label: t('salesOpenCourses'), run: () => openDashboard('courses') }}>
          {t('salesPopupNoCourse')}
        </Empty>
      ) : (
        <>
          {own.length > 1 && (
            <label class="field">
              <span>{t('colCourse')}</span>
              <select
                name="tracked-course"
                value={course.url}
                onChange={(e) => setChosen(e.currentTarget.value)}
              >
                {own.map((c) => (
                  <option value={c.url} key={c.url}>
                    {c.title || c.url}
                  </option>
                ))}
              </select>
            </label>
          )}
          <TrackedLinkForm key={course.url} course={course} tr={tr} platform={platform ?? 'x'} />
        </>
      )}
    </details>
  );
}

// Opening IndexedDB starts now, beside the first render, not when the first query asks for it.
void db().open();
render(<Popup />, document.getElementById('app')!);
