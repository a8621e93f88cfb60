/**
 * Disconnect while a step is on its way: the step's request may still answer, but nothing of it is
 * written once Disconnect has cleared the device's sync state, and a stopped step makes no request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { disconnectSync, pullStep, pushStep, syncStep, syncUntilIdle } from '../../../lib/sync/engine';
import type { SyncRemote } from '../../../lib/sync/remote';
import { capture, connect, device, idle, LIMITS, T0, xTweets } from './helpers';
import { MemoryRemote } from './memory-remote';

afterEach(() => setClock());

/** The remote, with `method` held until `release` is called (the step awaits the server meanwhile). */
function held(remote: MemoryRemote, method: 'changes' | 'bulkPut') {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const waiting = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const wrapped: SyncRemote = {
    info: () => remote.info(),
    get: (id) => remote.get(id),
    bulkPut: async (docs) => {
      if (method === 'bulkPut') {
        entered();
        await gate;
      }
      return remote.bulkPut(docs);
    },
    changes: async (since, limit) => {
      if (method === 'changes') {
        entered();
        await gate;
      }
      return remote.changes(since, limit);
    },
  };
  return { remote: wrapped, release, waiting };
}

/** A device with another device's captures waiting on the server. */
async function withWaitingChunks() {
  const remote = new MemoryRemote();
  setClock(T0);
  const a = await device('a');
  await connect(a, remote);
  await capture(a, xTweets(T0).slice(0, 10), T0);
  await idle(a, remote);
  const b = await device('b');
  await connect(b, remote, { deviceName: 'Desktop' });
  return { remote, b };
}

describe('Disconnect during a step', () => {
  it('a pull whose page arrives after Disconnect writes neither the page nor its checkpoint', async () => {
    const { remote, b } = await withWaitingChunks();
    const slow = held(remote, 'changes');
    const step = pullStep(b, slow.remote, LIMITS);
    await slow.waiting;
    await disconnectSync(b);
    slow.release();
    await expect(step).rejects.toMatchObject({ kind: 'notConnected' });
    expect(await b.syncState.toArray()).toEqual([]);
    expect(await b.posts.count()).toBe(0);
  });

  it('a push whose answer arrives after Disconnect records nothing', async () => {
    const remote = new MemoryRemote();
    setClock(T0);
    const a = await device('a');
    await connect(a, remote);
    await capture(a, xTweets(T0).slice(0, 10), T0);
    const slow = held(remote, 'bulkPut');
    const step = pushStep(a, slow.remote, LIMITS);
    await slow.waiting;
    await disconnectSync(a);
    slow.release();
    await expect(step).rejects.toMatchObject({ kind: 'notConnected' });
    expect(await a.syncState.toArray()).toEqual([]);
    expect(await a.syncJournal.count()).toBe(0);
  });

  it("a failed step's error is not kept once disconnected", async () => {
    const { remote, b } = await withWaitingChunks();
    const slow = held(remote, 'changes');
    const step = syncStep(b, slow.remote, LIMITS);
    await slow.waiting;
    await disconnectSync(b);
    slow.release();
    await expect(step).rejects.toThrow();
    expect(await b.syncState.toArray()).toEqual([]);
  });

  it('an aborted run makes no further request', async () => {
    const { remote, b } = await withWaitingChunks();
    const stop = new AbortController();
    const slow = held(remote, 'changes');
    const run = syncUntilIdle(b, slow.remote, 60_000, LIMITS, stop.signal);
    await slow.waiting;
    stop.abort();
    const before = remote.requests;
    slow.release();
    await expect(run).rejects.toThrow();
    // The held request itself answers; no step after it starts.
    expect(remote.requests).toBe(before + 1);
  });
});
