import { useMemo, useState } from 'preact/hooks';
import { now } from '@/lib/clock';
import { type Campaign, db, type StoredPost } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { buildReport, type CampaignReport, formatMoney } from '@/lib/metrics';
import { attachReason } from '@/lib/metrics/campaign-posts';
import { localDay } from '@/lib/metrics/time';
import { PLATFORMS, type Platform } from '@/lib/record-keys';
import { withOrderStages } from '@/lib/sales/stages';
import { CostCell } from './CostCell';
import { type CampaignFormState, campaignToForm, emptyForm, formToCampaign } from './campaign-form';
import { formatCount } from './format';
import { type Translator, useLive } from './hooks';
import { CurrencyOptions } from './Options';
import { OrdersImport } from './OrdersImport';
import { formatPercent } from './overview';
import { accountsWithRole, postsOf, timeZoneSetting } from './queries';
import { SalesSummary } from './SalesSummary';
import type { SalesInputs } from './sales-figures';
import { loadSalesInputs } from './sales-inputs';
import { send } from './send';

const OWN_POSTS_PER_ACCOUNT = 2000;

async function loadCampaigns() {
  const [campaigns, timeZone, own, courses] = await Promise.all([
    db().campaigns.orderBy('start').reverse().toArray(),
    timeZoneSetting(),
    accountsWithRole('mine'),
    db().courses.where('status').anyOf('saved', 'link').toArray(),
  ]);
  const ownPosts = await postsOf(own, OWN_POSTS_PER_ACCOUNT);
  // Posts attached by hand may be anyone's: fetch them by key.
  const manualIds = [...new Set(campaigns.flatMap((c) => c.postIds))];
  const manual = manualIds.length
    ? (
        await db().posts.bulkGet(
          PLATFORMS.flatMap((p) => manualIds.map((id) => [p, id] as [Platform, string])),
        )
      ).filter((p): p is StoredPost => !!p)
    : [];
  const ownKeys = new Set(own.map((a) => `${a.platform}:${a.id}`));
  return { campaigns, timeZone, ownPosts, manual, ownKeys, courses };
}
type Loaded = Awaited<ReturnType<typeof loadCampaigns>>;

export interface CampaignView {
  campaign: Campaign;
  report: CampaignReport;
  attached: Array<{ post: StoredPost; reason: string }>;
}

function evaluate(data: Loaded, sales: SalesInputs): CampaignView[] {
  const candidates = new Map<string, StoredPost>();
  for (const p of [...data.ownPosts, ...data.manual]) candidates.set(`${p.platform}:${p.id}`, p);
  const at = now();
  const campaigns = withOrderStages(data.campaigns, {
    orders: sales.orders,
    copied: sales.copied,
    ownPosts: data.ownPosts,
    timeZone: data.timeZone,
  });
  return campaigns.map(({ fromOrders, ...campaign }) => {
    const attached: CampaignView['attached'] = [];
    for (const post of candidates.values()) {
      const reason = attachReason(
        campaign,
        post,
        data.ownKeys.has(`${post.platform}:${post.authorId}`),
        data.timeZone,
      );
      if (reason) attached.push({ post, reason });
    }
    const report = buildReport({
      posts: attached.map((a) => a.post),
      campaigns: [{ ...campaign, postIds: attached.map((a) => a.post.id), fromOrders }],
      settings: { timeZone: data.timeZone, now: at },
    }).campaigns[0]!;
    return { campaign, report, attached };
  });
}

const today = () => localDay(now());

export function CampaignsView({ tr }: { tr: Translator }) {
  const { t } = tr;
  const data = useLive(loadCampaigns, []);
  // Orders change on import only: read apart from the posts, which change with every capture.
  const sales = useLive(loadSalesInputs, []);
  const views = useMemo(() => (data && sales ? evaluate(data, sales) : undefined), [data, sales]);
  const [form, setForm] = useState<CampaignFormState | null>(null);
  return (
    <div class="view">
      <div class="toolbar">
        <button type="button" data-testid="campaign-new" onClick={() => setForm(emptyForm(today()))}>
          {t('campaignNew')}
        </button>
      </div>
      <SalesSummary tr={tr} />
      {form && data && (
        <CampaignForm tr={tr} initial={form} courses={data.courses} onDone={() => setForm(null)} />
      )}
      {views === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : views.length === 0 ? (
        <p class="empty" data-testid="campaigns-empty">
          {t('emptyCampaigns')}
        </p>
      ) : (
        views.map((v) => (
          <CampaignCard
            key={v.campaign.id}
            view={v}
            tr={tr}
            onEdit={() => setForm(campaignToForm(v.campaign))}
          />
        ))
      )}
      <CostExplainer tr={tr} />
    </div>
  );
}

function CostExplainer({ tr }: { tr: Translator }) {
  return (
    <details class="explain">
      <summary>{tr.t('costExplainTitle')}</summary>
      <ul>
        <li>{tr.t('costExplainCpi')}</li>
        <li>{tr.t('costExplainCpc')}</li>
        <li>{tr.t('costExplainCpm')}</li>
        <li>{tr.t('costExplainCpa')}</li>
        <li>{tr.t('costExplainRoi')}</li>
        <li>{tr.t('costExplainCurrency')}</li>
      </ul>
    </details>
  );
}

function CampaignForm(props: {
  tr: Translator;
  initial: CampaignFormState;
  courses: Array<{ url: string; title: string }>;
  onDone: () => void;
}) {
  const { t } = props.tr;
  const [form, setForm] = useState(props.initial);
  const [error, setError] = useState('');
  const set = (patch: Partial<CampaignFormState>) => setForm({ ...form, ...patch });
  const field = (
    key: keyof CampaignFormState,
    label: MessageKey,
    type: 'text' | 'date' = 'text',
    extra: Record<string, string> = {},
  ) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: both branches render the input inside the label
    <label class="field">
      <span>{t(label)}</span>
      {type === 'date' ? (
        <input
          type="date"
          name={key}
          value={form[key] as string}
          onInput={(e) => set({ [key]: e.currentTarget.value })}
        />
      ) : (
        <input
          type="text"
          name={key}
          value={form[key] as string}
          onInput={(e) => set({ [key]: e.currentTarget.value } as Partial<CampaignFormState>)}
          {...extra}
        />
      )}
    </label>
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = formToCampaign(form);
    if (!parsed.ok) return setError(t(parsed.error));
    const reply = await send({ type: 'campaign.put', campaign: parsed.campaign });
    if (!reply.ok) return setError(reply.reason);
    props.onDone();
  };
  return (
    <form
      class="card form-grid"
      onSubmit={(e) => void submit(e)}
      data-testid="campaign-form"
      aria-labelledby="campaign-form-title"
    >
      <h2 id="campaign-form-title">{form.id === undefined ? t('campaignNew') : t('campaignEdit')}</h2>
      {field('name', 'campaignName', 'text', { required: 'required', maxLength: '200' })}
      <label class="field">
        <span>{t('campaignCourse')}</span>
        <input
          name="courseUrl"
          list="campaign-courses"
          value={form.courseUrl}
          onInput={(e) => set({ courseUrl: e.currentTarget.value })}
        />
        <datalist id="campaign-courses">
          {props.courses.map((c) => (
            <option value={c.url} key={c.url}>
              {c.title}
            </option>
          ))}
        </datalist>
      </label>
      <fieldset class="field">
        <legend>{t('campaignPlatforms')}</legend>
        {PLATFORMS.map((p) => (
          <label class="switch" key={p}>
            <input
              type="checkbox"
              name={`platform-${p}`}
              checked={form.platforms.includes(p)}
              onChange={(e) =>
                set({
                  platforms: e.currentTarget.checked
                    ? [...form.platforms, p]
                    : form.platforms.filter((x) => x !== p),
                })
              }
            />{' '}
            {t(`platform_${p}`)}
          </label>
        ))}
      </fieldset>
      {field('start', 'campaignStart', 'date')}
      {field('end', 'campaignEnd', 'date')}
      <label class="field">
        <span>{t('campaignCurrency')}</span>
        <select
          name="currency"
          value={form.currency}
          onChange={(e) => set({ currency: e.currentTarget.value })}
        >
          <CurrencyOptions />
        </select>
      </label>
      {field('cost', 'campaignCost', 'text', { inputMode: 'decimal' })}
      {field('impressions', 'campaignImpressions', 'text', { inputMode: 'numeric' })}
      {field('clicks', 'campaignClicks', 'text', { inputMode: 'numeric' })}
      {field('signups', 'campaignSignups', 'text', { inputMode: 'numeric' })}
      {field('purchases', 'campaignPurchases', 'text', { inputMode: 'numeric' })}
      {field('revenue', 'campaignRevenue', 'text', { inputMode: 'decimal' })}
      {field('referrals', 'campaignReferrals', 'text', { inputMode: 'numeric' })}
      <label class="field wide">
        <span>{t('campaignPostIds')}</span>
        <textarea
          name="postIds"
          rows={2}
          value={form.postIds}
          onInput={(e) => set({ postIds: e.currentTarget.value })}
        />
      </label>
      <p class="muted wide small">{t('campaignCountsHelp')}</p>
      <div class="wide">
        <button type="submit">{t('save')}</button>{' '}
        <button type="button" onClick={props.onDone}>
          {t('cancel')}
        </button>{' '}
        <span role="alert" class="warning">
          {error}
        </span>
      </div>
    </form>
  );
}

function CampaignCard({ view, tr, onEdit }: { view: CampaignView; tr: Translator; onEdit: () => void }) {
  const { t, tag } = tr;
  const { campaign, report, attached } = view;
  const { funnel, cost } = report;
  const stageLabel = (id: string) => t(`stage_${id}` as MessageKey);
  const remove = () => {
    if (campaign.id !== undefined && confirm(`${t('delete')}: ${campaign.name}?`))
      void send({ type: 'campaign.delete', id: campaign.id });
  };
  return (
    <section class="card" aria-labelledby={`campaign-${campaign.id}`} data-campaign={campaign.name}>
      <div class="card-head">
        <h2 id={`campaign-${campaign.id}`}>
          {campaign.name} {campaign.sample && <span class="badge">{t('sampleBadge')}</span>}
        </h2>
        <span>
          <button type="button" onClick={onEdit}>
            {t('edit')}
          </button>{' '}
          <button type="button" class="danger" onClick={remove}>
            {t('delete')}
          </button>
        </span>
      </div>
      <p class="muted">
        {campaign.start} → {campaign.end} ·{' '}
        {campaign.platforms.map((p) => t(`platform_${p}`)).join(', ') || '—'}
        {campaign.courseUrl && <> · {campaign.courseUrl}</>} ·{' '}
        {t('campaignMoney', formatMoney(report.money.cost, tag), formatMoney(report.money.revenue, tag))}
      </p>

      <h3>{t('funnelTitle')}</h3>
      <table class="data funnel" data-testid="funnel">
        <thead>
          <tr>
            <th scope="col">{t('funnelStage')}</th>
            <th scope="col" class="num">
              {t('funnelCount')}
            </th>
            <th scope="col" class="num">
              {t('funnelStep')}
            </th>
            <th scope="col" class="num">
              {t('funnelInterval')}
            </th>
            <th scope="col" class="num">
              {t('funnelOverall')}
            </th>
            <th scope="col" class="num">
              {t('funnelDropOff')}
            </th>
          </tr>
        </thead>
        <tbody>
          {funnel.steps.map((step, i) => {
            const worst = funnel.worst?.index === i;
            return (
              <tr key={step.id} data-stage={step.id} class={worst ? 'worst' : ''}>
                <th scope="row">
                  {stageLabel(step.id)}{' '}
                  <span class="muted small" data-source={step.source}>
                    (
                    {step.source === 'orders' && report.orders
                      ? t('salesFunnelFromOrders', formatCount(report.orders.n, tag))
                      : t(`source_${step.source}` as MessageKey)}
                    )
                  </span>
                  {worst && <span class="badge bad"> {t('funnelWorst')}</span>}
                </th>
                <td class="num">{formatCount(step.count, tag)}</td>
                <td class="num" data-rate="step">
                  {formatPercent(step.step?.value, tag)}
                </td>
                <td class="num">
                  {step.step
                    ? `${formatPercent(step.step.low, tag)}–${formatPercent(step.step.high, tag)}`
                    : '—'}
                </td>
                <td class="num" data-rate="overall">
                  {i === 0 ? '—' : formatPercent(step.overall?.value, tag)}
                </td>
                <td class="num">{formatPercent(step.dropOff, tag)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        {t('funnelOverallLabel')}:{' '}
        <strong data-testid="funnel-overall">{formatPercent(funnel.overall?.value, tag, 2)}</strong>
      </p>
      {funnel.worst && (
        <div class="advice" data-testid="funnel-advice">
          <p>
            <strong>
              {t(
                'funnelWorstAt',
                stageLabel(funnel.worst.fromId),
                stageLabel(funnel.worst.toId),
                formatPercent(funnel.worst.step.value, tag),
              )}
            </strong>
          </p>
          <ul>
            {funnel.worst.adviceIds.map((id) => (
              <li key={id}>{t(id as MessageKey)}</li>
            ))}
          </ul>
        </div>
      )}
      {funnel.anomalies.map((a) => (
        <p class="warning" key={a.id}>
          {t('funnelAnomalyGrew', stageLabel(a.id), formatCount(a.raw, tag), formatCount(a.clampedTo, tag))}
        </p>
      ))}

      <h3>{t('costTitle')}</h3>
      <table class="data cost" data-testid="cost">
        <thead>
          <tr>
            <th scope="col" title={t('costExplainCpi')}>
              {t('costCpi')}
            </th>
            <th scope="col">CPC</th>
            <th scope="col">CPM</th>
            <th scope="col">CPA</th>
            <th scope="col">ROI</th>
            <th scope="col">ROAS</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <CostCell result={cost.cpi} tr={tr} digits={3} kind="money" />
            <CostCell result={cost.cpc} tr={tr} digits={3} kind="money" />
            <CostCell result={cost.cpm} tr={tr} digits={2} kind="money" />
            <CostCell result={cost.cpa} tr={tr} digits={2} kind="money" />
            <CostCell result={cost.roi} tr={tr} digits={0} kind="percent" />
            <CostCell result={cost.roas} tr={tr} digits={2} kind="times" />
          </tr>
        </tbody>
      </table>
      <p class="muted small">{t('costCpiFormula')}</p>

      <h3>{t('campaignAttached', attached.length)}</h3>
      {attached.length === 0 ? (
        <p class="muted">{t('campaignNoPosts')}</p>
      ) : (
        <ul class="attached">
          {attached.slice(0, 8).map(({ post, reason }) => (
            <li key={`${post.platform}:${post.id}`}>
              {t(`platform_${post.platform}`)} · {post.text.slice(0, 60) || post.id}{' '}
              <span class="muted small">({t(`attach_${reason.replaceAll('-', '_')}` as MessageKey)})</span>
            </li>
          ))}
          {attached.length > 8 && <li class="muted">+{attached.length - 8}</li>}
        </ul>
      )}
      {campaign.id !== undefined && <OrdersImport tr={tr} campaign={campaign} />}
    </section>
  );
}
