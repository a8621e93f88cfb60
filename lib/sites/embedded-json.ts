/**
 * Object literals a page embeds in its inline scripts (`ytInitialData = {...}`,
 * `window.__INITIAL_STATE__={...};window.__META_DATA__=...`): where one ends, so it can be parsed
 * without the code around it.
 */

/** The end of the object literal starting at `start` (a '{'), skipping braces inside strings. */
export function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123) depth++;
    else if (ch === 125 && --depth === 0) return i + 1;
  }
  return -1;
}
