/**
 * UI strings come from public/_locales (one place for each string, shared with the manifest and
 * browser.i18n). The extension's pages load both catalogues so the user can switch language
 * without changing the browser's.
 */
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof en;
export type UiLocale = 'en' | 'zh_CN';
export const UI_LOCALES: UiLocale[] = ['en', 'zh_CN'];

const catalogues: Record<UiLocale, Record<string, { message: string }>> = { en, zh_CN: zhCN };

/** "zh-CN", "zh-TW", "zh" → zh_CN; anything else → en. */
export function localeFor(browserLanguage: string | undefined): UiLocale {
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

const pluralRules = new Map<UiLocale, Intl.PluralRules>();

/**
 * English says "1 course" and "2 courses": a message may have a `<key>_one` form, chosen when its
 * first substitution is a count the language calls singular. Chinese has no plural forms, so its
 * catalogue has no `_one` keys and always takes the message itself.
 */
function countedKey(locale: UiLocale, key: MessageKey, count: string | number | undefined): string {
  const one = `${key}_one`;
  if (!(one in catalogues[locale]) || count === undefined) return key;
  const rules = pluralRules.get(locale) ?? new Intl.PluralRules(intlTag(locale));
  pluralRules.set(locale, rules);
  return rules.select(Number(count)) === 'one' ? one : key;
}

export function translate(locale: UiLocale, key: MessageKey, ...subs: Array<string | number>): string {
  const chosen = countedKey(locale, key, subs[0]);
  const template = catalogues[locale][chosen]?.message ?? en[key]?.message ?? key;
  return template.replace(/\$(\d)/g, (_, i: string) => String(subs[Number(i) - 1] ?? ''));
}

/** BCP 47 tag for Intl formatting. */
export const intlTag = (locale: UiLocale): string => (locale === 'zh_CN' ? 'zh-CN' : 'en');
