import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { HealthSummary } from '@/lib/db/schema';
import { db } from '@/lib/db/schema';
import { diagnosticText } from '@/lib/diagnostic';
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
              {r.unreadSince !== undefined && <Unread row={r} since={r.unreadSince} tr={tr} />}
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

/**
 * "The site changed": the endpoint answers with data the extractor cannot read. The diagnostic holds
 * the endpoint path, the extension version and the response's key skeleton — no values — so the
 * user can send it without sharing anyone's data.
 */
function Unread({ row, since, tr }: { row: HealthSummary; since: number; tr: Translator }) {
  const { t, tag } = tr;
  const [state, setState] = useState<'idle' | 'copied' | 'fallback'>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  const text = () =>
    diagnosticText({
      extractor: row.extractor,
      endpoint: row.unreadEndpoint ?? '',
      skeleton: row.unreadSkeleton ?? '',
      version: browser.runtime.getManifest().version,
      since,
    });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch {
      // Clipboard access can be refused (no user activation, a policy): the text is selected instead.
      setState('fallback');
    }
  };
  useEffect(() => {
    if (state === 'fallback') area.current?.select();
  }, [state]);
  return (
    <div class="unread" data-testid="health-unread">
      <strong>{t('healthUnreadSince', formatDateTime(since, tag))}</strong>
      <div>
        <button type="button" class="small" onClick={() => void copy()}>
          {t('healthCopyDiagnostic')}
        </button>{' '}
        <span role="status">
          {state === 'copied' && t('healthDiagnosticCopied')}
          {state === 'fallback' && t('healthDiagnosticFallback')}
        </span>
      </div>
      {state === 'fallback' && (
        <textarea
          ref={area}
          readOnly
          rows={8}
          aria-label={t('healthDiagnosticLabel', row.extractor)}
          data-testid="health-diagnostic"
          value={text()}
        />
      )}
    </div>
  );
}
