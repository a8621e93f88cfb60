import { PLATFORMS } from '@/lib/record-keys';
import type { Translator } from './hooks';

/** The currencies a campaign's cost or an orders file's amounts may be in. */
const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'HKD', 'TWD', 'GBP', 'SGD'];

/** The choices of a platform select, each named in the UI's language. */
export function PlatformOptions({ tr }: { tr: Translator }) {
  return (
    <>
      {PLATFORMS.map((p) => (
        <option value={p} key={p}>
          {tr.t(`platform_${p}`)}
        </option>
      ))}
    </>
  );
}

/** The choices of a currency select. */
export function CurrencyOptions() {
  return (
    <>
      {CURRENCIES.map((c) => (
        <option value={c} key={c}>
          {c}
        </option>
      ))}
    </>
  );
}
