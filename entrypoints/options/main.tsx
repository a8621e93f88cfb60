import { type ComponentType, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Translator, useTranslator } from '@/components/hooks';
import { OwnAccountQuestion } from '@/components/OwnAccountQuestion';
import { sendSync } from '@/components/SyncSetting';
import { Tabs } from '@/components/Tabs';
import { db } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';

type View = ComponentType<{ tr: Translator }>;

/**
 * Each view's code is loaded when the view is first opened: the dashboard's first paint does not
 * wait for the others' (charts, tables, backup and CSV with their validation, the extractors that
 * read saved pages).
 */
const VIEWS = [
  ['overview', 'tabOverview', () => import('@/components/OverviewView').then((m) => m.OverviewView)],
  ['posts', 'tabPosts', () => import('@/components/PostsView').then((m) => m.PostsView)],
  ['accounts', 'tabAccounts', () => import('@/components/AccountsView').then((m) => m.AccountsView)],
  ['campaigns', 'tabCampaigns', () => import('@/components/CampaignsView').then((m) => m.CampaignsView)],
  [
    'suggestions',
    'tabSuggestions',
    () => import('@/components/SuggestionsView').then((m) => m.SuggestionsView),
  ],
  [
    'audience',
    'audienceViewTab',
    () => import('@/components/audience/AudienceView').then((m) => m.AudienceView),
  ],
  ['courses', 'tabCourses', () => import('@/components/CoursesView').then((m) => m.CoursesView)],
  ['data', 'tabData', () => import('@/components/DataControls').then((m) => m.DataControls)],
  ['health', 'tabHealth', () => import('@/components/HealthView').then((m) => m.HealthView)],
  ['settings', 'tabSettings', () => import('@/components/SettingsView').then((m) => m.SettingsView)],
] as const satisfies ReadonlyArray<readonly [string, MessageKey, () => Promise<View>]>;
type ViewId = (typeof VIEWS)[number][0];

const loaded = new Map<ViewId, View>();
const load = (id: ViewId): Promise<View> =>
  VIEWS.find(([v]) => v === id)![2]().then((view: View) => {
    loaded.set(id, view);
    return view;
  });

/** The view's component once its code is here; a failure to load it says so. */
function useView(id: ViewId): { view?: View; error?: string } {
  const [state, setState] = useState<{ id: ViewId; error?: string }>({ id });
  useEffect(() => {
    if (loaded.has(id)) return;
    let current = true;
    load(id).then(
      () => current && setState({ id }),
      (error: unknown) => current && setState({ id, error: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [id]);
  return { view: loaded.get(id), error: state.id === id ? state.error : undefined };
}

const viewFromHash = (): ViewId => {
  const id = location.hash.slice(1);
  return VIEWS.some(([v]) => v === id) ? (id as ViewId) : 'overview';
};

function Dashboard() {
  const tr = useTranslator();
  const [view, setView] = useState<ViewId>(viewFromHash);
  const { view: Shown, error } = useView(view);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    // A hash changed between the first render and this effect fired no event we heard.
    onHash();
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
        {Shown ? (
          <Shown tr={tr} />
        ) : (
          <p class={error ? 'warning' : 'muted'} role="status">
            {error ? tr.t('dataFailed', error) : tr.t('loading')}
          </p>
        )}
      </Tabs>
    </main>
  );
}

// Opening IndexedDB starts now, beside the first render, not when the first query asks for it.
void db().open();
// Opening the dashboard is one of sync's moments (the background does nothing when it is off).
void sendSync({ type: 'sync.now' });
// The first view's code arrives before the first paint, which then shows it rather than "Loading…".
const first = viewFromHash();
void load(first)
  .catch(() => undefined)
  .then(() => render(<Dashboard />, document.getElementById('app')!));
