/**
 * The one source of the current time for product code. Whatever asks "what time is it now" (capture,
 * today's totals, the dashboard's windows, sample data, the CLIs) asks here, so a test pins it and the
 * suite holds on any date; functions that compute from a time keep taking it as a parameter.
 * Durations (benchmarks, timeouts) are not "now" and use performance.now().
 * test/unit/clock.test.ts fails when product code reads the system clock anywhere else.
 */
export type Clock = () => number;

const systemClock: Clock = () => Date.now();
let current: Clock = systemClock;

/** Epoch milliseconds. */
export const now = (): number => current();

export const nowDate = (): Date => new Date(current());

/** Pins the time (a fixed instant or a clock function); no argument restores the system clock. */
export function setClock(clock?: Clock | number | Date): void {
  if (clock === undefined) current = systemClock;
  else if (typeof clock === 'function') current = clock;
  else {
    const fixed = typeof clock === 'number' ? clock : clock.getTime();
    current = () => fixed;
  }
}
