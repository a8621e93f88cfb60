/**
 * A service worker is stopped 30 s after its last event or extension API call, whatever it is still
 * doing; an IndexedDB upgrade counts as neither. Stopped, the upgrade aborts and starts over at the
 * next wake, so on a large profile (schema 11 converts 1M snapshots in 1.5 to 4 minutes, `npm run
 * bench -- --only scale`) it might never finish while the user is idle. Chrome's advice for such an
 * operation is a trivial extension API call every 25 s until it is done
 * (developer.chrome.com/docs/extensions/develop/migrate/to-service-workers, "Keep a service worker
 * alive until a long-running operation is finished").
 */
export const KEEP_ALIVE_MS = 25_000;

/** `work`, with `ping` called every `everyMs` until it settles. */
export async function keepAliveUntil<T>(
  work: Promise<T>,
  ping: () => unknown,
  everyMs = KEEP_ALIVE_MS,
): Promise<T> {
  const timer = setInterval(ping, everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
