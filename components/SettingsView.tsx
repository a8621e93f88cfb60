import { useEffect, useState } from 'preact/hooks';
import { captureEnabled, setCaptureEnabled, watchCaptureSetting } from '@/lib/capture/settings';
import { UI_LOCALES } from '@/lib/i18n';
import { PLATFORMS, type Platform } from '@/lib/record-keys';
import { CommenterProfilesSetting } from './CommenterProfilesSetting';
import type { Translator } from './hooks';
import { SyncSetting } from './SyncSetting';
import { TimeZoneSetting } from './TimeZoneSetting';

/** Capture on/off for one site, kept in sync with changes made elsewhere (the popup). */
export function useCaptureSwitch(platform: Platform | null): [boolean | undefined, (on: boolean) => void] {
  const [on, setOn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (!platform) return;
    void captureEnabled(platform).then(setOn);
    return watchCaptureSetting(platform, setOn);
  }, [platform]);
  return [on, (next) => platform && void setCaptureEnabled(platform, next)];
}

function CaptureToggle({ platform, tr }: { platform: Platform; tr: Translator }) {
  const [on, set] = useCaptureSwitch(platform);
  return (
    <label class="switch">
      <input
        type="checkbox"
        checked={on ?? false}
        disabled={on === undefined}
        onChange={(e) => set(e.currentTarget.checked)}
        data-testid={`capture-${platform}`}
      />{' '}
      {tr.t(`platform_${platform}`)}
    </label>
  );
}

export function SettingsView({ tr }: { tr: Translator }) {
  return (
    <div class="view">
      <fieldset>
        <legend>{tr.t('settingsCapture')}</legend>
        {PLATFORMS.map((p) => (
          <CaptureToggle platform={p} tr={tr} key={p} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{tr.t('settingsLanguage')}</legend>
        <select
          value={tr.choice}
          aria-label={tr.t('settingsLanguage')}
          data-testid="language"
          onChange={(e) => tr.setChoice(e.currentTarget.value as Translator['choice'])}
        >
          <option value="auto">{tr.t('langAuto')}</option>
          {UI_LOCALES.map((l) => (
            <option value={l} key={l}>
              {l === 'en' ? 'English' : '简体中文'}
            </option>
          ))}
        </select>
      </fieldset>
      <TimeZoneSetting tr={tr} />
      <CommenterProfilesSetting tr={tr} />
      <SyncSetting tr={tr} />
      <p class="privacy">{tr.t('privacyStatement')}</p>
    </div>
  );
}
