import { useMemo } from 'preact/hooks';
import { now } from '@/lib/clock';
import type { MessageKey } from '@/lib/i18n';
import {
  type AudienceHours,
  audienceHoursUnder,
  type GroupStat,
  type KindResult,
  type MetricPost,
  type PlatformSuggestions,
  type Suggestion,
  type SuggestionKind,
  suggestPosting,
  WEEKDAYS,
} from '@/lib/metrics';
import { hourLabel, SLOT_HOURS, slotLabel, weekdayName } from '@/lib/metrics/slots';
import type { Platform } from '@/lib/records';
import { recentComments } from './audience/load';
import { Empty } from './Empty';
import { formatCount } from './format';
import { type Translator, useLive } from './hooks';
import { formatFixed } from './overview';
import { rankByText } from './PostSales';
import { accountsWithRole, postsOf, timeZoneSetting } from './queries';
import { useSales } from './sales';
import type { SalesData } from './sales-figures';

/** Own posts per account the suggestions read: the newest, enough for a stable ranking. */
const POSTS_PER_ACCOUNT = 2000;

async function loadSuggestions() {
  const [timeZone, own] = await Promise.all([timeZoneSetting(), accountsWithRole('mine')]);
  // Without own accounts there are no posts for comments to be under: nothing to read.
  const [posts, comments] = await Promise.all([
    postsOf(own, POSTS_PER_ACCOUNT),
    own.length > 0 ? recentComments() : [],
  ]);
  return {
    timeZone,
    ownAccounts: own.length,
    posts,
    audienceHours: audienceHoursUnder(posts, comments, timeZone),
  };
}

/** Ranked by orders once enough of them are tied to posts (the report says how many); engagement until then. */
function suggestions(loaded: Awaited<ReturnType<typeof loadSuggestions>>, sales: SalesData | null) {
  const rankBy = sales && sales.orders > 0 ? sales.report.rankBy : null;
  const outcome =
    rankBy?.by === 'orders'
      ? (p: MetricPost) => sales!.perPost.get(`${p.platform}:${p.id}`)?.exact.orders ?? 0
      : undefined;
  return {
    timeZone: loaded.timeZone,
    ownAccounts: loaded.ownAccounts,
    rankBy,
    result: suggestPosting(loaded.posts, {
      timeZone: loaded.timeZone,
      now: now(),
      slotHours: SLOT_HOURS,
      audienceHours: loaded.audienceHours,
      ...(outcome ? { outcome } : {}),
    }),
  };
}

/** The group's key in words: "Tuesday 20:00–22:00", "Video", "#rust", "100–199 characters", "3–4 posts a week". */
export function keyText(kind: SuggestionKind, key: string, tr: Translator): string {
  const { t, tag } = tr;
  switch (kind) {
    case 'slot':
      return slotLabel(key, tag);
    case 'weekday':
      return weekdayName(WEEKDAYS.indexOf(key as (typeof WEEKDAYS)[number]), tag);
    case 'format':
      return t(`format_${key}` as MessageKey);
    case 'hashtag':
      return `#${key}`;
    case 'topic':
      return key;
    case 'length':
      return t('lengthBucket', key.replace('-', '–'));
    case 'cadence':
      return t('cadenceBucket', key.replace('-', '–'));
  }
}

const DETAIL_KINDS: SuggestionKind[] = ['format', 'hashtag', 'cadence', 'length', 'weekday'];

export function SuggestionsView({ tr }: { tr: Translator }) {
  const { t } = tr;
  const loaded = useLive(loadSuggestions, []);
  const sales = useSales();
  const data = useMemo(
    () => (loaded && sales !== undefined ? suggestions(loaded, sales) : undefined),
    [loaded, sales],
  );
  if (data === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (data.ownAccounts === 0)
    return <Empty go={{ view: 'accounts', label: t('emptyOpenAccounts') }}>{t('suggestNoOwn')}</Empty>;
  const platforms = Object.values(data.result);
  if (platforms.length === 0) return <Empty>{t('emptyOwnPosts')}</Empty>;
  return (
    <div class="view" data-testid="suggestions">
      <p class="muted">{t('suggestIntro', data.timeZone)}</p>
      {data.rankBy && (
        <p class="muted" data-testid="suggest-rank-by">
          {rankByText(data.rankBy, tr)}
        </p>
      )}
      {platforms.map((r) => (
        <section
          class="card"
          key={r.platform}
          data-platform={r.platform}
          aria-labelledby={`sg-${r.platform}`}
        >
          <h2 id={`sg-${r.platform}`}>{t(`platform_${r.platform as Platform}`)}</h2>
          {r.status === 'not-enough-data' ? (
            <>
              <p class="empty" data-testid="not-enough">
                {t('notEnoughData', r.more, r.have, r.need)}
              </p>
              <AudienceHoursLine audience={r.audience} tr={tr} />
            </>
          ) : (
            <PlatformPanel result={r} tr={tr} />
          )}
        </section>
      ))}
    </div>
  );
}

/** When the audience comments, beside the slots: evidence for where to try a post. */
function AudienceHoursLine({ audience, tr }: { audience: AudienceHours | undefined; tr: Translator }) {
  if (!audience || audience.comments === 0) return null;
  return (
    <p class="muted small" data-testid="audience-hours">
      {tr.t(
        'suggestAudienceHours',
        audience.busiest.map(hourLabel).join(', '),
        formatCount(audience.comments, tr.tag),
      )}
    </p>
  );
}

function SuggestionLine({ s, tr }: { s: Suggestion | GroupStat; tr: Translator }) {
  const { t, tag } = tr;
  return (
    <li data-kind={s.kind} data-key={s.key}>
      <strong>{keyText(s.kind, s.key, tr)}</strong>{' '}
      <span class="muted">
        {t(
          'suggestStats',
          `×${formatFixed(s.uplift, tag, 2)}`,
          formatCount(s.n, tag),
          `×${formatFixed(s.lowerBound, tag, 2)}`,
        )}
      </span>{' '}
      <span class={`badge conf-${s.confidence}`}>{t(`confidence_${s.confidence}`)}</span>
    </li>
  );
}

function KindBlock({ kind, result, tr }: { kind: SuggestionKind; result: KindResult; tr: Translator }) {
  const { t } = tr;
  return (
    <div class="kind">
      <h3>{t(`kind_${kind}` as MessageKey)}</h3>
      {result.status === 'not-enough-data' ? (
        <p class="muted small">{t('notEnoughGroup', result.more)}</p>
      ) : (
        <ul class="suggestions">
          {result.groups
            .filter((g) => !g.thin)
            .slice(0, 3)
            .map((g) => (
              <SuggestionLine s={g} tr={tr} key={g.key} />
            ))}
        </ul>
      )}
    </div>
  );
}

function PlatformPanel({ result, tr }: { result: PlatformSuggestions; tr: Translator }) {
  const { t, tag } = tr;
  const max = useMemo(
    () => Math.max(0.01, ...result.heatmap.cells.flat().map((c) => Math.abs(c.score))),
    [result.heatmap.cells],
  );
  const best = result.suggestions.find((s) => s.kind === 'slot');
  return (
    <>
      <p class="muted small">
        {t(
          'suggestBaseline',
          formatCount(result.have, tag),
          formatCount(Math.round(result.baselineMedian), tag),
        )}
      </p>
      {result.suggestions.length === 0 ? (
        <p class="muted">{t('suggestNoneYet')}</p>
      ) : (
        <ol class="suggestions" data-testid="top-suggestions">
          {result.suggestions.map((s) => (
            <SuggestionLine s={s} tr={tr} key={`${s.kind}:${s.key}`} />
          ))}
        </ol>
      )}
      {best && (
        <p data-testid="best-slot">
          {t('bestSlot')}: <strong>{slotLabel(best.key, tag)}</strong>
        </p>
      )}
      <h3>{t('heatmapTitle')}</h3>
      <div class="heatmap-wrap">
        <table class="heatmap" data-testid="heatmap">
          <caption class="visually-hidden">{t('heatmapCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" />
              {result.heatmap.cells[0]!.map((c) => (
                <th scope="col" key={c.hour}>
                  {String(c.hour).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.heatmap.cells.map((row, weekday) => (
              <tr key={weekday}>
                <th scope="row">{weekdayName(weekday, tag, 'short')}</th>
                {row.map((cell) => {
                  const strength = Math.min(1, Math.abs(cell.score) / max);
                  const label = `${slotLabel(cell.key, tag, result.heatmap.slotHours)}: n=${cell.n}, ×${formatFixed(cell.uplift, tag, 2)}`;
                  return (
                    <td
                      key={cell.key}
                      data-slot={cell.key}
                      title={label}
                      aria-label={label}
                      class={cell.n === 0 ? 'untried' : cell.score >= 0 ? 'up' : 'down'}
                      style={{ '--strength': strength.toFixed(2) }}
                    >
                      {cell.n || ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted small">{t('heatmapLegend')}</p>
      <AudienceHoursLine audience={result.audience} tr={tr} />
      {result.experiment && (
        <p data-testid="experiment">
          {result.experiment.audienceComments
            ? t(
                'experimentAudience',
                slotLabel(result.experiment.key, tag),
                slotLabel(result.experiment.adjacentTo, tag),
                formatCount(result.experiment.audienceComments, tag),
              )
            : t(
                'experiment',
                slotLabel(result.experiment.key, tag),
                slotLabel(result.experiment.adjacentTo, tag),
              )}
        </p>
      )}
      <div class="kinds">
        {DETAIL_KINDS.map((kind) => (
          <KindBlock key={kind} kind={kind} result={result.groups[kind]} tr={tr} />
        ))}
      </div>
    </>
  );
}
