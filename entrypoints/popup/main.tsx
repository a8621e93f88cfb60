import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatCount } from '@/components/format';
import { useLive, useTranslator } from '@/components/hooks';
import { send } from '@/components/send';
import { useCaptureSwitch } from '@/components/SettingsView';
import { tabCaptures } from '@/lib/background/tab-captures';
import { db } from '@/lib/db/schema';
import { localDay } from '@/lib/db/write';
import { PLATFORMS, type Platform } from '@/lib/records';
import { platformOfUrl } from '@/lib/sites/hosts';

interface ActiveTab {
  id: number;
  url?: string;
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

function Popup() {
  const tr = useTranslator();
  const { t, tag } = tr;
  const tab = useActiveTab();
  const platform = platformOfUrl(tab?.url);
  const [captureOn, setCaptureOn] = useCaptureSwitch(platform);
  const [saveState, setSaveState] = useState<string>('');
  const onPage = useLive(async () => {
    if (!tab) return { posts: [], accounts: [] };
    const captured = await tabCaptures(tab.id);
    const [posts, accounts] = await Promise.all([
      db().posts.bulkGet(captured.posts.slice(0, 20) as Array<[Platform, string]>),
      db().accounts.bulkGet(captured.accounts.slice(0, 5) as Array<[Platform, string]>),
    ]);
    return { posts: posts.filter((p) => !!p), accounts: accounts.filter((a) => !!a) };
  }, [tab?.id]);
  const today = useLive(
    () => db().dailyRollups.bulkGet(PLATFORMS.map((p) => [p, localDay(Date.now())] as [Platform, string])),
    [],
  );
  const totals = (today ?? []).reduce(
    (sum, r) => ({
      newPosts: sum.newPosts + (r?.newPosts ?? 0),
      snapshots: sum.snapshots + (r?.snapshots ?? 0),
      engagementGain: sum.engagementGain + (r?.engagementGain ?? 0),
    }),
    { newPosts: 0, snapshots: 0, engagementGain: 0 },
  );
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
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenDashboard')}
        </button>
      </header>
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
        ) : onPage.posts.length === 0 && onPage.accounts.length === 0 ? (
          platform && <p class="empty">{t('popupNothingHere')}</p>
        ) : (
          <ul class="captured" data-testid="popup-posts">
            {onPage.accounts.map((a) => (
              <li key={`a:${a.id}`}>
                <strong>{a.name}</strong> · {t('colFollowers')} {formatCount(a.followers, tag, !a.followersExact)}
              </li>
            ))}
            {onPage.posts.map((p) => (
              <li key={`p:${p.id}`} data-post-id={p.id}>
                <span class="text">{p.text.slice(0, 60) || p.id}</span>
                <span class="muted">
                  {' '}
                  👁 {formatCount(p.metrics.views, tag, p.approx.includes('views'))} · ♥{' '}
                  {formatCount(p.metrics.likes, tag, p.approx.includes('likes'))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="popup-today">
        <h2 id="popup-today">{t('popupToday')}</h2>
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
      </section>
      <footer>
        <button type="button" onClick={() => void saveCourse()} disabled={!tab}>
          {t('popupSaveCourse')}
        </button>{' '}
        <span role="status">{saveState}</span>
      </footer>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
