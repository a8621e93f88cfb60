import type { Translator } from '../../../components/hooks';
import { intlTag, translate, type UiLocale } from '../../../lib/i18n';

/** What a view's `tr` is in the extension, for one locale, without the settings it is chosen from. */
export const translator = (locale: UiLocale): Translator => ({
  locale,
  tag: intlTag(locale),
  t: (key, ...subs) => translate(locale, key, ...subs),
  choice: locale,
  setChoice: () => {},
});
