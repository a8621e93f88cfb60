import { useState } from 'preact/hooks';
import type { Translator } from './hooks';
import { useLive } from './hooks';
import { readSetting } from './queries';
import { send } from './send';

/** Whether commenters' bios, locations and comment regions are kept (lib/db/privacy.ts); on unless switched off. */
export function CommenterProfilesSetting({ tr }: { tr: Translator }) {
  const { t } = tr;
  // Wrapped, so "not loaded yet" (undefined) differs from "never set" (on).
  const setting = useLive(
    async () => ({ keep: (await readSetting<boolean>('keepCommenterProfiles')) !== false }),
    [],
  );
  const [status, setStatus] = useState('');
  const keep = async (on: boolean) => {
    setStatus('…');
    const reply = await send({ type: 'settings.put', key: 'keepCommenterProfiles', value: on });
    setStatus(reply.ok ? '✓' : reply.reason);
  };
  return (
    <fieldset>
      <legend>{t('commentsPeople')}</legend>
      <label class="switch">
        <input
          type="checkbox"
          checked={setting?.keep ?? false}
          disabled={setting === undefined}
          data-testid="keep-commenter-profiles"
          onChange={(e) => void keep(e.currentTarget.checked)}
        />{' '}
        {t('commentsKeepProfiles')}
      </label>{' '}
      <span role="status">{status}</span>
      <p class="muted small">{t('commentsKeepProfilesHelp')}</p>
    </fieldset>
  );
}
