/**
 * Optional end-to-end encryption of what sync stores on the server: AES-GCM with a key derived from
 * the user's passphrase (PBKDF2-SHA-256), all WebCrypto. The server sees chunk ids, device names and
 * sizes, never a row. Each chunk's id is bound to its ciphertext (additional data), so a server
 * cannot pass one chunk off as another. A key-check document, encrypted like a chunk, tells a wrong
 * passphrase apart before anything is uploaded or merged.
 */

export const KEYCHECK_ID = 'coursepulse:keycheck';
const KEYCHECK_TEXT = 'CoursePulse sync key check v1';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; derived once per connect, then the key is kept. */
export const PBKDF2_ITERATIONS = 600_000;

export interface Sealed {
  iv: string;
  data: string;
}

export interface KeycheckDoc {
  _id: typeof KEYCHECK_ID;
  kind: 'coursepulse.keycheck';
  v: 1;
  salt: string;
  iterations: number;
  check: Sealed;
}

const subtle = () => globalThis.crypto.subtle;

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** A non-extractable key: stored in IndexedDB as is, it can encrypt but never be read back out. */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(key: CryptoKey, id: string, bytes: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) },
    key,
    bytes,
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The bytes sealed under `id`; throws when the key is wrong or anything was altered. */
export async function open(key: CryptoKey, id: string, sealed: Sealed): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await subtle().decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(id) },
    key,
    fromBase64(sealed.data),
  );
  return new Uint8Array(plain);
}

/** A new key-check document for a passphrase, with the key it checks. */
export async function newKeycheck(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ doc: KeycheckDoc; key: CryptoKey }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, KEYCHECK_ID, new TextEncoder().encode(KEYCHECK_TEXT));
  return {
    doc: { _id: KEYCHECK_ID, kind: 'coursepulse.keycheck', v: 1, salt: toBase64(salt), iterations, check },
    key,
  };
}

/** The key when `passphrase` is the one the key-check document was made with, else null. */
export async function unlock(doc: KeycheckDoc, passphrase: string): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, fromBase64(doc.salt), doc.iterations);
  try {
    return new TextDecoder().decode(await open(key, KEYCHECK_ID, doc.check)) === KEYCHECK_TEXT ? key : null;
  } catch {
    return null;
  }
}
