import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/lib/i18n';
import {
  defaultDeviceName,
  forgetConnection,
  MAX_DEVICE_NAME,
  readConnection,
  readStatus,
  type SyncConnection,
  type SyncStatus,
  saveConnection,
  watchConnection,
  watchStatus,
} from '@/lib/sync/connection';
import {
  checkConnection,
  couchRemote,
  insecure,
  originPattern,
  serverBase,
  validDbName,
} from '@/lib/sync/couch';
import { SyncError } from '@/lib/sync/remote';
import { formatCount, formatDateTime } from './format';
import type { Translator } from './hooks';

/** The connection (null: sync off) and the last step's status, live; undefined while loading. */
export function useSync(): { connection: SyncConnection | null | undefined; status: SyncStatus } {
  const [connection, setConnection] = useState<SyncConnection | null | undefined>(undefined);
  const [status, setStatus] = useState<SyncStatus>({});
  useEffect(() => {
    void readConnection().then(setConnection);
    void readStatus().then(setStatus);
    const stopConnection = watchConnection(setConnection);
    const stopStatus = watchStatus(setStatus);
    return () => {
      stopConnection();
      stopStatus();
    };
  }, []);
  return { connection, status };
}

/** What went wrong, in words that say what to do. */
export function syncErrorText(tr: Translator, error: unknown): string {
  if (error instanceof SyncError) return tr.t(`syncError_${error.kind}`, error.message);
  return tr.t('syncError_server', error instanceof Error ? error.message : String(error));
}

/** Last sync, what waits to go up, and the last error: the same line in Settings and the popup. */
export function SyncStatusLine({ tr, status }: { tr: Translator; status: SyncStatus }) {
  const { t, tag } = tr;
  return (
    <div data-testid="sync-status">
      <p>
        {status.lastSyncAt === undefined
          ? t('syncNeverSynced')
          : t('syncLastSync', formatDateTime(status.lastSyncAt, tag))}
        {status.pending !== undefined && ` · ${t('syncPending', formatCount(status.pending, tag))}`}
      </p>
      {status.error && (
        <p class="warning" role="alert">
          {tr.t(`syncError_${status.error.kind}`, status.error.message)}
        </p>
      )}
      {!!status.refused?.length && (
        <p class="warning">
          {t('syncRefused', status.refused.length, status.refused.slice(0, 5).join(', '))}
        </p>
      )}
    </div>
  );
}

const emptyForm = (): SyncConnection => ({
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
  const props = {
    value,
    autoComplete,
    spellcheck: false,
    'data-testid': testId,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <label class="field">
      <span>{label}</span>
      {secret ? <input type="password" {...props} /> : <input type="text" {...props} />}
      {help && <span>{help}</span>}
    </label>
  );
}

/** The first thing wrong with the form that needs no server to know, as a message key. */
function formProblem(form: SyncConnection): MessageKey | null {
  if (!serverBase(form.url)) return 'syncErrorAddress';
  if (!validDbName(form.db)) return 'syncErrorDbName';
  if (!form.user.trim() || !form.password) return 'syncErrorMissing';
  if (!form.deviceName.trim() || form.deviceName.length > MAX_DEVICE_NAME) return 'syncErrorDeviceName';
  return null;
}

async function removeGrant(base: string): Promise<void> {
  // Another feature holding the same origin is impossible: the extension's only hosts are the
  // three sites, which are required and never a sync server's address in practice.
  await browser.permissions.remove({ origins: [originPattern(base)] }).catch(() => false);
}

/** Settings → Sync: off until the user connects their own CouchDB. */
export function SyncSetting({ tr }: { tr: Translator }) {
  const { t } = tr;
  const { connection, status } = useSync();
  const [form, setForm] = useState<SyncConnection>(emptyForm);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SyncConnection) => (value: string) => setForm({ ...form, [key]: value });

  const connect = (event: Event) => {
    event.preventDefault();
    const problem = formProblem(form);
    if (problem) {
      setMessage({ text: t(problem), bad: true });
      return;
    }
    const candidate: SyncConnection = {
      url: serverBase(form.url)!,
      db: form.db,
      user: form.user.trim(),
      password: form.password,
      ...(form.passphrase && { passphrase: form.passphrase }),
      deviceName: form.deviceName.trim(),
    };
    const origins = [originPattern(candidate.url)];
    setBusy(true);
    setMessage({ text: t('syncConnecting'), bad: false });
    // Asked before anything else is awaited: browsers grant permissions only within the click.
    void browser.permissions
      .request({ origins })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ text: t('syncPermissionDenied'), bad: true });
          return;
        }
        const remote = couchRemote(candidate, {
          hostGranted: () => browser.permissions.contains({ origins }),
        });
        try {
          await checkConnection(remote, candidate.user);
        } catch (error) {
          await removeGrant(candidate.url);
          setMessage({ text: syncErrorText(tr, error), bad: true });
          return;
        }
        await saveConnection(candidate);
        setForm(emptyForm());
        setMessage({ text: t('syncConnected'), bad: false });
      })
      .catch((error: unknown) => setMessage({ text: syncErrorText(tr, error), bad: true }))
      .finally(() => setBusy(false));
  };

  const disconnect = async () => {
    if (!connection) return;
    setBusy(true);
    await forgetConnection();
    await removeGrant(connection.url);
    setBusy(false);
    setMessage({ text: t('syncDisconnected'), bad: false });
  };

  const base = serverBase(form.url);
  return (
    <fieldset data-testid="sync-setting">
      <legend>{t('syncTitle')}</legend>
      {connection === undefined ? (
        <p class="muted">{t('loading')}</p>
      ) : connection ? (
        <>
          <p data-testid="sync-connected">
            {t('syncConnectedTo', connection.user, connection.db, connection.url, connection.deviceName)}
            {connection.passphrase && ` · ${t('syncEncrypted')}`}
          </p>
          <SyncStatusLine tr={tr} status={status} />
          <button type="button" class="danger" disabled={busy} onClick={() => void disconnect()}>
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
            value={form.passphrase ?? ''}
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
