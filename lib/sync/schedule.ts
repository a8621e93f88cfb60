/**
 * When sync runs: bounded steps, never a live replication in the service worker (research/sync.md).
 * A step after captures (debounced, so a scrolling session makes one step, not hundreds), one on an
 * alarm every 15 minutes, one when the dashboard opens; never two at once. Each step is the engine's
 * `syncUntilIdle` (lib/sync/engine.ts), bounded in time; lib/background/sync.ts runs it only while
 * connected.
 */
export const SYNC_ALARM = 'sync';
export const SYNC_PERIOD_MINUTES = 15;
/** Quiet time after the last capture before its step runs. */
export const CAPTURE_DEBOUNCE_MS = 20_000;

/**
 * Runs steps one at a time: a trigger during a step asks for one more afterwards, not a second at once.
 * `idle()` resolves once no step runs or waits (Disconnect waits for it before clearing the state).
 */
export function serialSteps(step: () => Promise<unknown>): (() => Promise<void>) & { idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = step()
      .then(
        () => undefined,
        (error: unknown) => console.error('CoursePulse sync step failed', error),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  };
  const idle = async (): Promise<void> => {
    while (running) await running;
  };
  return Object.assign(run, { idle });
}

/** Calls `fire` once `quietMs` passed without another call. */
export function debounce(fire: () => void, quietMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  };
}
