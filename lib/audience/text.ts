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

const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/gu;

/** Han characters as a share of all letters (0 when there are none). */
export function hanShare(text: string): number {
  const letters = text.match(LETTER)?.length ?? 0;
  return letters === 0 ? 0 : (text.match(HAN)?.length ?? 0) / letters;
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
