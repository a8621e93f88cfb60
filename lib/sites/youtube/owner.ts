/**
 * Whether the signed-in viewer owns the channel a page describes. Only the owner's channel header
 * carries "Customize channel" and "Manage videos", and both are links into YouTube Studio for that
 * channel (`https://studio.youtube.com/channel/<UC id>/editing/profile`, `.../videos`); a visitor's
 * header has Subscribe instead. `ytcfg`'s `LOGGED_IN` says someone is signed in, not who, so it is
 * not used (real captures: LOGGED_IN false on every saved page we hold).
 */
import { type Json, obj } from './text';

const STUDIO_CHANNEL = /^https:\/\/studio\.youtube\.com\/channel\/(UC[\w-]{22})(?:[/?#]|$)/;
/** The header is small; the bound keeps a hostile body from exhausting the stack. */
const MAX_DEPTH = 40;

/** True when `header` (a page's `header`) links into Studio for `channelId`. */
export function viewerOwnsChannel(header: unknown, channelId: string): boolean {
  const visit = (node: unknown, depth: number): boolean => {
    if (typeof node === 'string') return STUDIO_CHANNEL.exec(node)?.[1] === channelId;
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return false;
    const values = Array.isArray(node) ? node : Object.values(obj(node) as Json);
    return values.some((value) => visit(value, depth + 1));
  };
  return visit(header, 0);
}
