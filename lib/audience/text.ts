/**
 * Comment text made comparable: what the sites add around the words (links, @mentions, "回复 @x :",
 * Bilibili/Weibo bracket stickers such as [doge]) is removed, width variants folded (NFKC turns
 * "？" into "?"), and the language chosen by the share of Han characters.
 */
import type { Lang } from './types';

const URL = /https?:\/\/\S+/giu;
const REPLY_PREFIX = /^\s*(?:回复|回覆|reply(?:ing)? to)\s*@[^\s:：]+\s*[:：]?/iu;
const MENTION = /(^|[\s(（])@[\p{L}\p{N}_.-]+/gu;
const STICKER = /\[[^[\]\s]{1,12}\]/gu;
const HTML_ENTITY = /&(#\d+|amp|lt|gt|quot|apos);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(_: string, name: string): string {
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return ENTITIES[name] ?? '';
}

/** The words of a comment, without links, mentions, reply prefixes and stickers. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’`´]/gu, "'")
    .replace(/[“”]/gu, '"')
    .replace(HTML_ENTITY, decodeEntity)
    .replace(REPLY_PREFIX, '')
    .replace(URL, ' ')
    .replace(MENTION, '$1')
    .replace(STICKER, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const HAN_RUNS = /\p{Script=Han}+/gu;
const LETTER_RUNS = /\p{L}+/gu;

/** The length of all matches together (runs, not single characters: far fewer strings made). */
function covered(text: string, runs: RegExp): number {
  let n = 0;
  for (const m of text.matchAll(runs)) n += m[0].length;
  return n;
}

/** Han characters as a share of all letters (0 when there are none). */
export function hanShare(text: string): number {
  const letters = covered(text, LETTER_RUNS);
  return letters === 0 ? 0 : covered(text, HAN_RUNS) / letters;
}

/**
 * Chinese when at least a fifth of the letters are Han: mixed comments ("Vue3 的响应式怎么调试")
 * are Chinese with Latin programmer words, never the reverse.
 */
export const languageOf = (text: string): Lang => (hanShare(text) >= 0.2 ? 'zh' : 'en');

/** Sentences (kept with their closing mark) for position-aware rules. */
export function sentences(text: string): string[] {
  return (
    text
      .match(/[^.!?。！？…\n]+[.!?。！？…]*/gu)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}
