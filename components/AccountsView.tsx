import { db, type StoredAccount } from '@/lib/db/schema';
import { formatCount, formatDateTime } from './format';
import { type Translator, useLive } from './hooks';
import { send } from './send';

export function AccountsView({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const accounts = useLive(() => db().accounts.orderBy('lastSeenAt').reverse().limit(1000).toArray(), []);
  const setRole = (account: StoredAccount, role: string) =>
    send({
      type: 'account.role',
      platform: account.platform,
      id: account.id,
      role: role === 'mine' || role === 'competitor' ? role : null,
    });
  if (accounts === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (accounts.length === 0) return <p class="empty">{t('emptyAccounts')}</p>;
  return (
    <table class="data" data-testid="accounts-table">
      <thead>
        <tr>
          <th scope="col">{t('colPlatform')}</th>
          <th scope="col">{t('colAuthor')}</th>
          <th scope="col" class="num">
            {t('colFollowers')}
          </th>
          <th scope="col" class="num">
            {t('colFollowing')}
          </th>
          <th scope="col" class="num">
            {t('colPostCount')}
          </th>
          <th scope="col">{t('colLastSeen')}</th>
          <th scope="col">{t('colRole')}</th>
          <th scope="col">{t('captureAccount')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('deleteAccount')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={`${a.platform}:${a.id}`} data-account-id={a.id}>
            <td>{t(`platform_${a.platform}`)}</td>
            <td>
              {a.name} <span class="muted">{a.handle && (a.handle.startsWith('@') ? a.handle : `@${a.handle}`)}</span>
            </td>
            <td class="num">{formatCount(a.followers, tag, !a.followersExact)}</td>
            <td class="num">{formatCount(a.following, tag)}</td>
            <td class="num">{formatCount(a.posts, tag)}</td>
            <td>{formatDateTime(a.lastSeenAt, tag)}</td>
            <td>
              <select
                aria-label={`${t('colRole')} ${a.handle || a.name}`}
                value={a.role ?? ''}
                onChange={(e) => void setRole(a, e.currentTarget.value)}
              >
                <option value="">{t('roleNone')}</option>
                <option value="mine">{t('roleMine')}</option>
                <option value="competitor">{t('roleCompetitor')}</option>
              </select>
            </td>
            <td>
              <input
                type="checkbox"
                aria-label={`${t('captureAccount')} ${a.handle || a.name}`}
                checked={!a.captureOff}
                onChange={(e) =>
                  void send({ type: 'account.capture', platform: a.platform, id: a.id, on: e.currentTarget.checked })
                }
              />
            </td>
            <td>
              <button
                type="button"
                class="danger"
                title={t('deleteAccount')}
                aria-label={`${t('deleteAccount')} ${a.handle || a.name}`}
                onClick={() =>
                  confirm(`${t('deleteAccount')}: ${a.name}?`) &&
                  void send({ type: 'account.delete', platform: a.platform, id: a.id })
                }
              >
                ✕
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
