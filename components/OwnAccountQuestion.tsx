import { useState } from 'preact/hooks';
import type { StoredAccount } from '@/lib/db/schema';
import { type Translator, useLive } from './hooks';
import { accountsToConfirm } from './queries';
import { send } from './send';

/** "@handle" on X, the handle as the site shows it elsewhere (YouTube's already has its "@"). */
const handleText = (a: StoredAccount): string => (a.platform === 'x' && a.handle ? `@${a.handle}` : a.handle);

/**
 * "This is you: track it as yours?" for each account a page said the signed-in user owns (issue 14),
 * in the popup and at the top of the dashboard. Yes marks it Mine; No is remembered. Nothing at all
 * is shown while there is nothing to ask.
 */
export function OwnAccountQuestion({ tr }: { tr: Translator }) {
  const { t } = tr;
  const accounts = useLive(accountsToConfirm, []);
  const [error, setError] = useState('');
  if (!accounts?.length) return null;
  const answer = async (a: StoredAccount, mine: boolean) => {
    const reply = await send({ type: 'account.owner', platform: a.platform, id: a.id, mine });
    setError(reply.ok ? '' : t('youAnswerFailed', reply.reason));
  };
  return (
    <section class="card you-ask" aria-labelledby="you-ask-title" data-testid="you-ask">
      <h2 id="you-ask-title">{t('youAskTitle')}</h2>
      <ul>
        {accounts.map((a) => {
          const handle = handleText(a);
          const who = a.name || handle || a.id;
          return (
            <li key={`${a.platform}:${a.id}`} data-account={`${a.platform}:${a.id}`}>
              <p>
                {t('youAskWho', who, t(`platform_${a.platform}`))}
                {handle && handle !== who && <span class="muted"> {handle}</span>}
              </p>
              <button type="button" onClick={() => void answer(a, true)}>
                {t('youYes')}
              </button>{' '}
              <button type="button" onClick={() => void answer(a, false)}>
                {t('youNo')}
              </button>
            </li>
          );
        })}
      </ul>
      <p class="muted small">{t('youAskWhy')}</p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
