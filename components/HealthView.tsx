import { db } from '@/lib/db/schema';
import { formatDateTime } from './format';
import { type Translator, useLive } from './hooks';

/** Per-extractor last success and failure, read from the rollup kept on write. */
export function HealthView({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const rows = useLive(() => db().healthSummary.toArray(), []);
  if (rows === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (rows.length === 0) return <p class="empty">{t('emptyHealth')}</p>;
  return (
    <table class="data" data-testid="health-table">
      <thead>
        <tr>
          <th scope="col">{t('healthExtractor')}</th>
          <th scope="col">{t('healthLastSuccess')}</th>
          <th scope="col">{t('healthLastFailure')}</th>
          <th scope="col" class="num">
            {t('healthCounts')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.extractor}
            class={r.lastFailureAt && (r.lastSuccessAt ?? 0) < r.lastFailureAt ? 'bad' : ''}
          >
            <td>
              <code>{r.extractor}</code>
            </td>
            <td>{formatDateTime(r.lastSuccessAt, tag)}</td>
            <td>
              {formatDateTime(r.lastFailureAt, tag)}
              {r.lastFailure && <div class="muted">{r.lastFailure}</div>}
            </td>
            <td class="num">
              {r.successes} / {r.failures}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
