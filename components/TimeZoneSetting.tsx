import { useMemo, useState } from 'preact/hooks';
import type { Translator } from './hooks';
import { useLive } from './hooks';
import { browserTimeZone, timeZoneSetting } from './queries';
import { send } from './send';

/** The audience's time zone: weekday × hour slots, daily series and campaign dates are read in it. */
export function TimeZoneSetting({ tr }: { tr: Translator }) {
  const { t } = tr;
  const current = useLive(timeZoneSetting, []);
  const [status, setStatus] = useState('');
  const zones = useMemo(() => {
    const list =
      (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    const all = new Set([...list, 'UTC', browserTimeZone(), 'Asia/Shanghai']);
    return [...all].sort();
  }, []);
  const choose = async (zone: string) => {
    const reply = await send({ type: 'settings.put', key: 'timeZone', value: zone });
    setStatus(reply.ok ? '✓' : reply.reason);
  };
  return (
    <fieldset>
      <legend>{t('settingsTimeZone')}</legend>
      <select
        aria-label={t('settingsTimeZone')}
        data-testid="time-zone"
        value={current ?? ''}
        disabled={current === undefined}
        onChange={(e) => void choose(e.currentTarget.value)}
      >
        {zones.map((z) => (
          <option value={z} key={z}>
            {z}
            {z === browserTimeZone() ? ` (${t('settingsTimeZoneBrowser')})` : ''}
          </option>
        ))}
      </select>{' '}
      <span role="status">{status}</span>
      <p class="muted small">{t('settingsTimeZoneHelp')}</p>
    </fieldset>
  );
}
