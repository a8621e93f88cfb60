import { useMemo, useState } from 'preact/hooks';
import type { StoredAccount } from '@/lib/db/schema';
import { followerGrowth } from '@/lib/metrics/engagement';
import { Chart, dayToChartX } from './Chart';
import { DetailPanel } from './DetailPanel';
import { Empty } from './Empty';
import { formatCount, formatDateTime } from './format';
import { type Translator, useLive } from './hooks';
import { formatFixed, formatPercent } from './overview';
import { accountHistory, accountsForView, timeZoneSetting } from './queries';
import { send } from './send';

export function AccountsView({ tr }: { tr: Translator }) {
  const { t, tag } = tr;
  const accounts = useLive(accountsForView, []);
  const [growthOf, setGrowthOf] = useState<StoredAccount | null>(null);
  const setRole = (account: StoredAccount, role: string) =>
    send({
      type: 'account.role',
      platform: account.platform,
      id: account.id,
      role: role === 'mine' || role === 'competitor' ? role : null,
    });
  if (accounts === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (accounts.length === 0)
    return (
      <Empty go={{ view: 'data', label: t('emptyOpenData') }} testId="accounts-empty">
        {t('emptyAccounts')}
      </Empty>
    );
  return (
    <div class="view">
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
              <span class="visually-hidden">{t('growthPath')}</span>
            </th>
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
                {a.name}{' '}
                <span class="muted">
                  {a.handle && (a.handle.startsWith('@') ? a.handle : `@${a.handle}`)}
                </span>
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
                    void send({
                      type: 'account.capture',
                      platform: a.platform,
                      id: a.id,
                      on: e.currentTarget.checked,
                    })
                  }
                />
              </td>
              <td>
                <button
                  type="button"
                  class="small"
                  aria-pressed={growthOf?.id === a.id && growthOf.platform === a.platform}
                  aria-label={`${t('growthPath')} ${a.handle || a.name}`}
                  onClick={() => setGrowthOf(a)}
                >
                  ↗
                </button>
              </td>
              <td>
                <button
                  type="button"
                  class="danger"
                  title={t('commentsForget')}
                  aria-label={`${t('commentsForget')} ${a.handle || a.name}`}
                  onClick={() =>
                    confirm(t('commentsForgetConfirm', a.name || a.handle)) &&
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
      {growthOf && <GrowthPath account={growthOf} tr={tr} onClose={() => setGrowthOf(null)} />}
    </div>
  );
}

/** 成长路径: an account's followers per day from its snapshots, with the change over the span. */
function GrowthPath({
  account,
  tr,
  onClose,
}: {
  account: StoredAccount;
  tr: Translator;
  onClose: () => void;
}) {
  const { t, tag } = tr;
  const growth = useLive(async () => {
    const [history, timeZone] = await Promise.all([
      accountHistory(account.platform, account.id),
      timeZoneSetting(),
    ]);
    return followerGrowth(history, timeZone);
  }, [account.platform, account.id]);
  const data = useMemo(
    () => (growth ? [growth.days.map((d) => dayToChartX(d.day)), growth.days.map((d) => d.followers)] : null),
    [growth],
  );
  return (
    <DetailPanel
      openKey={`${account.platform}:${account.id}`}
      titleId="growth-title"
      testId="growth-path"
      title={`${t('growthPath')}: ${account.name || account.handle}`}
      closeLabel={t('close')}
      onClose={onClose}
    >
      {!growth || !data ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : growth.days.length < 2 ? (
        <Empty>{t('growthNotEnough')}</Empty>
      ) : (
        <>
          <dl class="kpis">
            <div>
              <dt>{t('growthChange')}</dt>
              <dd>{formatCount(growth.change, tag)}</dd>
            </div>
            <div>
              <dt>{t('growthPerDay')}</dt>
              <dd>{formatFixed(growth.perDay, tag, 1)}</dd>
            </div>
            <div>
              <dt>{t('growthRate')}</dt>
              <dd>{formatPercent(growth.growthRate, tag)}</dd>
            </div>
          </dl>
          <Chart
            tr={tr}
            days
            label={t('growthPath')}
            empty={t('growthNotEnough')}
            data={data}
            series={[{ label: t('colFollowers') }]}
          />
        </>
      )}
    </DetailPanel>
  );
}
