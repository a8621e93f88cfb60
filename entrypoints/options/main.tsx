import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AccountsView } from '@/components/AccountsView';
import { AudienceView } from '@/components/audience/AudienceView';
import { CampaignsView } from '@/components/CampaignsView';
import { CoursesView } from '@/components/CoursesView';
import { DataControls } from '@/components/DataControls';
import { HealthView } from '@/components/HealthView';
import { useTranslator } from '@/components/hooks';
import { OverviewView } from '@/components/OverviewView';
import { OwnAccountQuestion } from '@/components/OwnAccountQuestion';
import { PostsView } from '@/components/PostsView';
import { SettingsView } from '@/components/SettingsView';
import { SuggestionsView } from '@/components/SuggestionsView';
import { sendSync } from '@/components/SyncSetting';
import { Tabs } from '@/components/Tabs';
import { db } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';

const VIEWS = [
  ['overview', 'tabOverview'],
  ['posts', 'tabPosts'],
  ['accounts', 'tabAccounts'],
  ['campaigns', 'tabCampaigns'],
  ['suggestions', 'tabSuggestions'],
  ['audience', 'audienceViewTab'],
  ['courses', 'tabCourses'],
  ['data', 'tabData'],
  ['health', 'tabHealth'],
  ['settings', 'tabSettings'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;
type ViewId = (typeof VIEWS)[number][0];

const viewFromHash = (): ViewId => {
  const id = location.hash.slice(1);
  return VIEWS.some(([v]) => v === id) ? (id as ViewId) : 'overview';
};

function Dashboard() {
  const tr = useTranslator();
  const [view, setView] = useState<ViewId>(viewFromHash);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = (id: string) => {
    history.replaceState(null, '', `#${id}`);
    setView(id as ViewId);
  };
  return (
    <main class="dashboard">
      <header>
        <h1>{tr.t('appName')}</h1>
      </header>
      <OwnAccountQuestion tr={tr} />
      <Tabs
        tabs={VIEWS.map(([id, key]) => ({ id, label: tr.t(key) }))}
        selected={view}
        onSelect={select}
        label={tr.t('appName')}
      >
        {view === 'overview' && <OverviewView tr={tr} />}
        {view === 'posts' && <PostsView tr={tr} />}
        {view === 'accounts' && <AccountsView tr={tr} />}
        {view === 'campaigns' && <CampaignsView tr={tr} />}
        {view === 'suggestions' && <SuggestionsView tr={tr} />}
        {view === 'audience' && <AudienceView tr={tr} />}
        {view === 'courses' && <CoursesView tr={tr} />}
        {view === 'data' && <DataControls tr={tr} />}
        {view === 'health' && <HealthView tr={tr} />}
        {view === 'settings' && <SettingsView tr={tr} />}
      </Tabs>
    </main>
  );
}

// Opening IndexedDB starts now, beside the first render, not when the first query asks for it.
void db().open();
// Opening the dashboard is one of sync's moments (the background does nothing when it is off).
void sendSync({ type: 'sync.now' });
render(<Dashboard />, document.getElementById('app')!);
