import { describe, expect, it, vi } from 'vitest';
import { debounce, serialSteps } from '@/lib/sync/schedule';

describe('steps in order', () => {
  it('never runs two at once; a trigger during a step runs one more after it', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const release: Array<() => void> = [];
    const run = serialSteps(async () => {
      active++;
      runs++;
      most = Math.max(most, active);
      await new Promise<void>((resolve) => release.push(resolve));
      active--;
    });
    const first = run();
    void run();
    void run();
    release.shift()?.();
    await first;
    await vi.waitFor(() => expect(release.length).toBe(1));
    release.shift()?.();
    await vi.waitFor(() => expect(active).toBe(0));
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('debounces captures into one step after the quiet time', () => {
    vi.useFakeTimers();
    try {
      const fire = vi.fn();
      const capture = debounce(fire, 20_000);
      capture();
      vi.advanceTimersByTime(15_000);
      capture();
      vi.advanceTimersByTime(15_000);
      expect(fire).not.toHaveBeenCalled();
      vi.advanceTimersByTime(5_000);
      expect(fire).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
