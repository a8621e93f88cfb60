import { useEffect, useState } from 'preact/hooks';
import { now, nowDate } from '@/lib/clock';
import { db } from '@/lib/db/schema';
import { extractFile } from '@/lib/io/backfill';
import { csvPagesOf, exportBackupParts, importBackup, parseBackup } from '@/lib/io/backup';
import { BOM, CSV_TABLES, type CsvTable, csvChunk } from '@/lib/io/csv';
import { localDay } from '@/lib/metrics/time';
import { MAX_BATCH_RECORDS } from '@/lib/record-keys';
import { removeHostGrant } from '@/lib/sync/connection';
import { formatCount } from './format';
import { type Translator, useLive } from './hooks';
import { useSync } from './SyncSetting';
import { send } from './send';

function download(parts: BlobPart[], name: string, type: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The local date and time for file names ("2026-12-06-14-05-09"): what the user's clock showed. */
function stamp(): string {
  const at = nowDate();
  const time = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0'));
  return `${localDay(at.getTime())}-${time.join('-')}`;
}

function useStorageEstimate() {
  const [estimate, setEstimate] = useState<{ usage?: number; quota?: number; persisted?: boolean }>({});
  useEffect(() => {
    void (async () => {
      const persisted = (await navigator.storage.persisted?.()) || (await navigator.storage.persist?.());
      const { usage, quota } = (await navigator.storage.estimate?.()) ?? {};
      setEstimate({ usage, quota, persisted });
    })();
  }, []);
  return estimate;
}

export function DataControls({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const counts = useLive(
    async () => ({
      posts: await db().posts.count(),
      snapshots: await db().postSnapshots.count(),
      accounts: await db().accounts.count(),
      courses: await db().courses.count(),
    }),
    [],
  );
  const storage = useStorageEstimate();
  const synced = useSync()?.connection ?? null;
  const nearQuota =
    storage.usage !== undefined && storage.quota ? storage.usage / storage.quota > 0.8 : false;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus(t('dataFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () =>
    run(async () => {
      const parts = await exportBackupParts(db(), nowDate(), ({ table, rows }) =>
        setStatus(t('dataExporting', table, formatCount(rows, tag))),
      );
      download(parts, `coursepulse-backup-${stamp()}.json`, 'application/json');
      return t('dataExported');
    });

  const exportCsv = (table: CsvTable) =>
    run(async () => {
      const parts: string[] = [BOM];
      let rows = 0;
      for await (const page of csvPagesOf(db(), table)) {
        parts.push(csvChunk(table, page, rows === 0));
        rows += page.length;
        setStatus(t('dataExporting', table, formatCount(rows, tag)));
      }
      download(parts, `coursepulse-${table}-${stamp()}.csv`, 'text/csv;charset=utf-8');
      return t('dataExported');
    });

  const importFile = (file: File) =>
    run(async () => {
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) return t('dataImportRefused', parsed.reason);
      // A restore is one all-or-nothing transaction, larger than a runtime message may carry, so
      // the Data view writes it directly; capture writes still go only through the background.
      const written = await importBackup(db(), parsed);
      return t('dataImported', formatCount(written, tag));
    });

  const backfill = (files: FileList) =>
    run(async () => {
      let added = 0;
      let seen = 0;
      const problems: string[] = [];
      for (const file of Array.from(files)) {
        const result = extractFile(await file.text(), {
          fileName: file.name,
          now: new Date(file.lastModified || now()),
          parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
        });
        if (!result.ok) {
          problems.push(`${file.name}: ${result.reason}`);
          continue;
        }
        seen += result.records.length;
        for (let i = 0; i < result.records.length; i += MAX_BATCH_RECORDS) {
          const reply = await send({
            type: 'backfill.records',
            batchId: crypto.randomUUID(),
            records: result.records.slice(i, i + MAX_BATCH_RECORDS),
          });
          if (!reply.ok) problems.push(`${file.name}: ${reply.reason}`);
          else added += (reply.detail as { newPosts?: number } | undefined)?.newPosts ?? 0;
        }
      }
      return [t('dataBackfilled', formatCount(seen, tag), formatCount(added, tag)), ...problems].join(' · ');
    });

  // With sync on, deleting disconnects this browser first (lib/background/commands.ts): the team's
  // database keeps its copy, and nothing deleted here is sent to it.
  const deleteAll = () =>
    run(async () => {
      const note = synced ? `\n\n${t('syncDeleteAllNote', synced.url)}` : '';
      if (!confirm(t('dataDeleteAllConfirm') + note)) return '';
      const reply = await send({ type: 'data.deleteAll', confirm: 'delete everything' });
      if (!reply.ok) return t('dataFailed', reply.reason);
      if (!synced) return t('dataDeleted');
      await removeHostGrant(synced.url);
      return `${t('dataDeleted')} ${t('syncDeleteAllDone', synced.url)}`;
    });

  return (
    <div class="view data-view">
      <p class="privacy">{t('privacyStatement')}</p>
      <dl class="kpis" data-testid="data-counts">
        <div>
          <dt>{t('tabPosts')}</dt>
          <dd>{formatCount(counts?.posts, tag)}</dd>
        </div>
        <div>
          <dt>{t('dataSnapshots')}</dt>
          <dd>{formatCount(counts?.snapshots, tag)}</dd>
        </div>
        <div>
          <dt>{t('tabAccounts')}</dt>
          <dd>{formatCount(counts?.accounts, tag)}</dd>
        </div>
      </dl>
      <p class={nearQuota ? 'warning' : 'muted'} data-testid="storage">
        {storage.usage === undefined
          ? t('loading')
          : t(
              'dataStorage',
              formatCount(Math.round(storage.usage / 1e6), tag),
              formatCount(Math.round((storage.quota ?? 0) / 1e6), tag),
            )}{' '}
        {storage.persisted ? t('dataPersisted') : t('dataNotPersisted')}
        {nearQuota && ` ${t('dataNearQuota')}`}
      </p>
      <fieldset disabled={busy}>
        <legend>{t('dataBackup')}</legend>
        <button type="button" onClick={() => void exportJson()} data-testid="export-json">
          {t('dataExportJson')}
        </button>{' '}
        <label class="file">
          {t('dataImport')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void importFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </fieldset>
      <fieldset disabled={busy}>
        <legend>{t('dataCsv')}</legend>
        {CSV_TABLES.map((table) => (
          <button type="button" key={table} onClick={() => void exportCsv(table)}>
            {table}.csv
          </button>
        ))}
      </fieldset>
      <fieldset disabled={busy}>
        <legend>{t('dataBackfill')}</legend>
        <p class="muted">{t('dataBackfillHelp')}</p>
        <input
          type="file"
          multiple
          aria-label={t('dataBackfill')}
          accept=".har,.json,.html,.htm"
          data-testid="backfill"
          onChange={(e) => {
            const files = e.currentTarget.files;
            if (files?.length) void backfill(files);
            e.currentTarget.value = '';
          }}
        />
      </fieldset>
      <fieldset disabled={busy}>
        <legend>{t('dataDanger')}</legend>
        <button type="button" class="danger" onClick={() => void deleteAll()}>
          {t('dataDeleteAll')}
        </button>{' '}
        <button
          type="button"
          onClick={() => void send({ type: 'sample.clear' }).then(() => setStatus(t('dataSampleCleared')))}
        >
          {t('dataClearSample')}
        </button>{' '}
        <button
          type="button"
          onClick={() => void send({ type: 'sample.load' }).then(() => setStatus(t('dataSampleLoaded')))}
        >
          {t('dataLoadSample')}
        </button>
        {synced && (
          <p class="muted small" data-testid="sync-delete-note">
            {t('syncDeleteAllNote', synced.url)}
          </p>
        )}
      </fieldset>
      <p role="status" aria-live="polite" data-testid="data-status">
        {busy && <span aria-busy="true">⏳ </span>}
        {status}
      </p>
    </div>
  );
}
