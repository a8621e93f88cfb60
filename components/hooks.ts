import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { intlTag, localeFor, type MessageKey, translate, type UiLocale } from '@/lib/i18n';

/** A Dexie query that re-runs whenever the tables it read change; `undefined` while loading. */
export function useLive<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // Subscribed right after the render, not after the next paint (useEffect): the query starts a
  // frame earlier, and reading IndexedDB is asynchronous, so the paint is not held up.
  // The caller lists what the query depends on, as with useEffect.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('CoursePulse query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

/**
 * Focus for a detail panel opened from a row of a long table: the panel renders after the table, so
 * without this a keyboard user would tab through every row to reach it. When the panel closes with
 * the focus inside it (its Close button), the focus goes back to the row's button that opened it,
 * where the user left the table, instead of falling to the top of the page. Give the element
 * tabIndex -1.
 */
export function useFocusWhenOpened<T extends HTMLElement>(opened: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const panel = ref.current;
    const opener = document.activeElement;
    panel?.focus();
    return () => {
      // The panel may already be out of the page here, its focus fallen to the body; opened from
      // another row meanwhile, the focus is on that row's button: leave it there.
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || !!panel?.contains(focus);
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opened]);
  return ref;
}

const LOCALE_KEY = 'ui.locale';

export interface Translator {
  locale: UiLocale;
  tag: string;
  t: (key: MessageKey, ...subs: Array<string | number>) => string;
  choice: UiLocale | 'auto';
  setChoice: (choice: UiLocale | 'auto') => void;
}

/** The UI language: the user's choice, else the browser's. */
export function useTranslator(): Translator {
  const [choice, setChoiceState] = useState<UiLocale | 'auto'>('auto');
  useEffect(() => {
    void browser.storage.local.get(LOCALE_KEY).then((stored) => {
      const value = stored[LOCALE_KEY];
      if (value === 'en' || value === 'zh_CN') setChoiceState(value);
    });
  }, []);
  const locale = choice === 'auto' ? localeFor(browser.i18n.getUILanguage()) : choice;
  useEffect(() => {
    document.documentElement.lang = intlTag(locale);
  }, [locale]);
  return {
    locale,
    tag: intlTag(locale),
    t: (key, ...subs) => translate(locale, key, ...subs),
    choice,
    setChoice: (next) => {
      setChoiceState(next);
      void browser.storage.local.set({ [LOCALE_KEY]: next });
    },
  };
}
