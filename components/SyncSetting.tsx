import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncMessage, SyncReply } from '@/lib/background/sync';
import { db } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import {
  defaultDeviceName,
  MAX_DEVICE_NAME,
  readConnection,
  removeHostGrant,
  type SyncConnection,
  watchConnection,
} from '@/lib/sync/connection';
import { insecure, originPattern, serverBase, validDbName } from '@/lib/sync/couch';
import { type SyncStatus, syncStatus } from '@/lib/sync/state';
import { formatCount, formatDateTime } from './format';
import { type Translator, useLive } from './hooks';
import { ask } from './send';

/**
 * Sync's state, live: the stored connection (server, user) and the engine's status (last sync,
 * pending, errors). Connected when both say so; undefined while loading.
 */
export function useSync(): { connection: SyncConnection | null; status: SyncStatus } | undefined {
  const [connection, setConnection] = useState<SyncConnection | null | undefined>(undefined);
  useEffect(() => {
    void readConnection().then(setConnection);
    return watchConnection(setConnection);
  }, []);
  const status = useLive(() => syncStatus(db()), []);
  if (connection === undefined || status === undefined) return undefined;
  return { connection: status.connected ? connection : null, status };
}

/** Asks the background, the single writer (lib/background/sync.ts). */
export const sendSync = (message: SyncMessage): Promise<SyncReply> =>
  ask<SyncReply>(message, (reason) => ({ ok: false, kind: 'internal', message: reason }));

/** Every kind of failure the client and the engine report, each with its explanation. */
const ERROR_KINDS = [
  'unreachable',
  'timeout',
  'unauthorized',
  'forbidden',
  'notFound',
  'cors',
  'server',
  'notConnected',
  'passphraseNeeded',
  'wrongPassphrase',
  'badKeycheck',
  'clock',
  'internal',
] as const;
type ErrorKind = (typeof ERROR_KINDS)[number];
const knownKind = (kind: string): kind is ErrorKind => (ERROR_KINDS as readonly string[]).includes(kind);

/** What went wrong, in words that say what to do. */
export function syncErrorText(tr: Translator, kind: string, detail: string): string {
  return tr.t(`syncError_${knownKind(kind) ? kind : 'internal'}`, detail);
}

/** Last sync, what waits to go up, and the last error: the same lines in Settings and the popup. */
export function SyncStatusLine({ tr, status }: { tr: Translator; status: SyncStatus }) {
  const { t, tag } = tr;
  const last = Math.max(status.lastPushAt ?? 0, status.lastPullAt ?? 0);
  return (
    <div data-testid="sync-status">
      <p>
        {last ? t('syncLastSync', formatDateTime(last, tag)) : t('syncNeverSynced')}
        {' · '}
        {status.seeding ? t('syncSeeding') : t('syncPending', formatCount(status.pending, tag))}
      </p>
      {status.receiving && (
        <p data-testid="sync-receiving">
          <progress max={status.receiving.total} value={status.receiving.read} aria-hidden="true" />{' '}
          {t(
            'syncReceiving',
            formatCount(status.receiving.read, tag),
            formatCount(status.receiving.total, tag),
          )}
        </p>
      )}
      {status.error && (
        <p class="warning" role="alert" data-testid="sync-error">
          {syncErrorText(tr, status.error.kind, status.error.message)}
        </p>
      )}
      {status.refused.length > 0 && (
        <p class="warning">
          {t(
            'syncRefused',
            status.refused.length,
            status.refused
              .slice(-5)
              .map((r) => `${r.id} (${r.reason})`)
              .join(', '),
          )}
        </p>
      )}
    </div>
  );
}

/** The form: the connection plus the passphrase, which is sent once and never stored. */
type SyncForm = SyncConnection & { passphrase: string };

const emptyForm = (): SyncForm => ({
  url: '',
  db: 'coursepulse',
  user: '',
  password: '',
  passphrase: '',
  deviceName: defaultDeviceName(navigator.userAgent),
});

function Field({
  label,
  value,
  onInput,
  secret = false,
  testId,
  help,
  autoComplete,
}: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** A password: hidden as typed. */
  secret?: boolean;
  testId: string;
  help?: string;
  autoComplete: string;
}) {
  const update = (e: Event) => onInput((e.currentTarget as HTMLInputElement).value);
  const id = useId();
  return (
    <label class="field" htmlFor={id}>
      <span>{label}</span>
      {secret ? (
        <input
          id={id}
          type="password"
          value={value}
          autoComplete={autoComplete}
          data-testid={testId}
          onInput={update}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          autoComplete={autoComplete}
          spellcheck={false}
          data-testid={testId}
          onInput={update}
        />
      )}
      {help && <span>{help}</span>}
    </label>
  );
}

/** The first thing wrong with the form that needs no server to know, as a message key. */
function formProblem(form: SyncForm): MessageKey | null {
  if (!serverBase(form.url)) return 'syncErrorAddress';
  if (!validDbName(form.db)) return 'syncErrorDbName';
  if (!form.user.trim() || !form.password) return 'syncErrorMissing';
  if (!form.deviceName.trim() || form.deviceName.length > MAX_DEVICE_NAME) return 'syncErrorDeviceName';
  return null;
}

/** Settings → Sync: off until the user connects their own CouchDB. */
export function SyncSetting({ tr }: { tr: Translator }) {
  const { t } = tr;
  const sync = useSync();
  const [form, setForm] = useState<SyncForm>(emptyForm);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SyncForm) => (value: string) => setForm({ ...form, [key]: value });

  const connect = (event: Event) => {
    event.preventDefault();
    const problem = formProblem(form);
    if (problem) {
      setMessage({ text: t(problem), bad: true });
      return;
    }
    const connection: SyncConnection = {
      url: serverBase(form.url)!,
      db: form.db,
      user: form.user.trim(),
      password: form.password,
      deviceName: form.deviceName.trim(),
    };
    setBusy(true);
    setMessage({ text: t('syncConnecting'), bad: false });
    // Asked before anything else is awaited: browsers grant permissions only within the click.
    void browser.permissions
      .request({ origins: [originPattern(connection.url)] })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ text: t('syncPermissionDenied'), bad: true });
          return;
        }
        const reply = await sendSync({
          type: 'sync.connect',
          connection,
          ...(form.passphrase && { passphrase: form.passphrase }),
        });
        if (!reply.ok) {
          // Nothing is kept of a failed Connect, the access to that server included.
          await removeHostGrant(connection.url);
          setMessage({ text: syncErrorText(tr, reply.kind, reply.message), bad: true });
          return;
        }
        setForm(emptyForm());
        setMessage({ text: t('syncConnected'), bad: false });
      })
      .catch((error: unknown) =>
        setMessage({
          text: syncErrorText(tr, 'internal', error instanceof Error ? error.message : String(error)),
          bad: true,
        }),
      )
      .finally(() => setBusy(false));
  };

  const disconnect = async (url: string) => {
    setBusy(true);
    const reply = await sendSync({ type: 'sync.disconnect' });
    await removeHostGrant(url);
    setBusy(false);
    setMessage(
      reply.ok
        ? { text: t('syncDisconnected'), bad: false }
        : { text: syncErrorText(tr, reply.kind, reply.message), bad: true },
    );
  };

  const base = serverBase(form.url);
  return (
    <fieldset data-testid="sync-setting">
      <legend>{t('syncTitle')}</legend>
      {sync === undefined ? (
        <p class="muted">{t('loading')}</p>
      ) : sync.connection ? (
        <>
          <p data-testid="sync-connected">
            {t(
              'syncConnectedTo',
              sync.connection.user,
              sync.connection.db,
              sync.connection.url,
              sync.connection.deviceName,
            )}
            {sync.status.encrypted && ` · ${t('syncEncrypted')}`}
          </p>
          <SyncStatusLine tr={tr} status={sync.status} />
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => sync.connection && void disconnect(sync.connection.url)}
          >
            {t('syncDisconnect')}
          </button>
        </>
      ) : (
        <form class="form-grid" onSubmit={connect} aria-describedby="sync-help">
          <p id="sync-help" class="muted small wide">
            {t('syncHelp')}
          </p>
          <Field
            label={t('syncServerUrl')}
            value={form.url}
            onInput={set('url')}
            testId="sync-url"
            autoComplete="url"
          />
          <Field
            label={t('syncDatabase')}
            value={form.db}
            onInput={set('db')}
            testId="sync-db"
            autoComplete="off"
          />
          <Field
            label={t('syncUser')}
            value={form.user}
            onInput={set('user')}
            testId="sync-user"
            autoComplete="username"
          />
          <Field
            label={t('syncPassword')}
            value={form.password}
            onInput={set('password')}
            testId="sync-password"
            secret
            autoComplete="current-password"
          />
          <Field
            label={t('syncPassphrase')}
            value={form.passphrase}
            onInput={set('passphrase')}
            testId="sync-passphrase"
            secret
            autoComplete="new-password"
            help={t('syncPassphraseHelp')}
          />
          <Field
            label={t('syncDeviceName')}
            value={form.deviceName}
            onInput={set('deviceName')}
            testId="sync-device"
            autoComplete="off"
            help={t('syncDeviceNameHelp')}
          />
          {base && insecure(base) && <p class="warning wide">{t('syncInsecure')}</p>}
          <div class="wide">
            <button type="submit" disabled={busy} data-testid="sync-connect">
              {t('syncConnect')}
            </button>
          </div>
        </form>
      )}
      <p role="status" data-testid="sync-message" class={message?.bad ? 'warning' : undefined}>
        {message?.text ?? ''}
      </p>
    </fieldset>
  );
}
