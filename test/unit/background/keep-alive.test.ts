import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_MS, keepAliveUntil } from '../../../lib/background/keep-alive';

describe('keepAliveUntil', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings within every 30 s window while the work runs, and never after it is done', async () => {
    expect(KEEP_ALIVE_MS).toBeLessThan(30_000);
    let finish!: (value: string) => void;
    const ping = vi.fn();
    const kept = keepAliveUntil(new Promise<string>((resolve) => (finish = resolve)), ping);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(ping).toHaveBeenCalledTimes(Math.floor((4 * 60_000) / KEEP_ALIVE_MS));
    finish('open');
    await expect(kept).resolves.toBe('open');
    ping.mockClear();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(ping).not.toHaveBeenCalled();
  });

  it('passes a failure on, and stops pinging', async () => {
    const ping = vi.fn();
    const failed = keepAliveUntil(Promise.reject(new Error('upgrade failed')), ping, 1_000);
    await expect(failed).rejects.toThrow('upgrade failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping).not.toHaveBeenCalled();
  });
});
