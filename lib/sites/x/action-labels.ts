/**
 * Exact counts from the accessible labels of X's action bar. The bar (`[role="group"]`) is labelled
 * with every count at once, in the UI language:
 *   en "48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views"
 *   zh "12 回复、7 次转帖、84 喜欢、58 书签、232341 次观看"
 * and each button is labelled with its own count ("48 Replies. Reply", "84 喜欢次数。喜欢"), which
 * the button's data-testid identifies in any language.
 */
import { parseCount } from '../../parse/count';
import type { MetricKey } from '../../records';

export interface LabelledCounts {
  values: Partial<Record<MetricKey, number>>;
  /** A value was abbreviated ("2.5K"): the record is not exact. */
  approximate: boolean;
}

/** Words of the group label per metric; en and zh are verified against captured pages, ja/zh-TW/ko are best effort. */
const KEYWORDS: Array<[MetricKey, RegExp]> = [
  ['comments', /repl|回复|回覆|返信|답글/i],
  ['quotes', /quote|引用/i],
  ['reposts', /repost|retweet|转帖|轉貼|转推|轉推|リポスト|재게시/i],
  ['likes', /like|喜欢|喜歡|いいね|마음에/i],
  ['bookmarks', /bookmark|书签|書籤|ブックマーク|북마크/i],
  ['views', /view|观看|查看|觀看|瀏覽|表示|조회/i],
];

/** A number (digits with grouping marks) and the words up to the next list separator. */
const SEGMENT = /(\d(?:[\d.,\s\u00a0\u202f'’]*\d)?)([^\d,，、;；]*)/g;

export function parseGroupLabel(label: string, locale = 'en'): LabelledCounts {
  const values: LabelledCounts['values'] = {};
  let approximate = false;
  for (const match of label.matchAll(SEGMENT)) {
    const words = match[2] ?? '';
    const key = KEYWORDS.find(([, re]) => re.test(words))?.[0];
    if (!key || values[key] !== undefined) continue;
    const parsed = parseCount(`${match[1]} ${words.trim()}`, locale);
    if (!parsed || parsed.lowerBound) continue;
    values[key] = parsed.value;
    approximate ||= parsed.approximate;
  }
  return { values, approximate };
}

/** The leading count of one button's label ("553 Likes. Like"); null when it shows none ("Bookmark"). */
export function parseButtonLabel(
  label: string,
  locale = 'en',
): { value: number; approximate: boolean } | null {
  if (!/\d/.test(label)) return null;
  const parsed = parseCount(label.split(/[.。]\s*\D*$/)[0] ?? label, locale);
  return parsed && !parsed.lowerBound ? { value: parsed.value, approximate: parsed.approximate } : null;
}
