/** A \w character of a regex without the u flag: ASCII letter, digit or underscore. */
export const isAsciiWordChar = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x5f;
