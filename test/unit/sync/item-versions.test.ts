/**
 * The user's items (campaigns, settings, …) written outside a connected edit: a device that joins
 * (or joins again) with items it holds from earlier, and a backup restored while connected. Their
 * writes happened before now, so they must not take the version "now" and beat a newer edit made on
 * another device; an edit made while disconnected is still the latest and still wins.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import type { CoursePulseDb } from '../../../lib/db/schema';
import { exportBackupParts, importBackup, parseBackup } from '../../../lib/io/backup';
import { disconnectSync } from '../../../lib/sync/engine';
import { CAMPAIGN, campaignNamed, connect, device, HOUR, idle, T0, tables } from './helpers';
import { MemoryRemote } from './memory-remote';

afterEach(() => setClock());

async function edit(db: CoursePulseDb, at: number, name: string, theme: string) {
  setClock(at);
  await db.campaigns.put(campaignNamed(name));
  await db.settings.put({ key: 'theme', value: theme });
  await db.themeEdits.put({ theme: 't-launch', label: name, updatedAt: at });
}

async function expectBoth(a: CoursePulseDb, b: CoursePulseDb, name: string, theme: string) {
  for (const db of [a, b]) {
    expect((await db.campaigns.get(CAMPAIGN))?.name).toBe(name);
    expect((await db.settings.get('theme'))?.value).toBe(theme);
    expect((await db.themeEdits.get('t-launch'))?.label).toBe(name);
  }
  expect(await tables(a)).toEqual(await tables(b));
}

const syncBoth = async (remote: MemoryRemote, a: CoursePulseDb, b: CoursePulseDb) => {
  for (const db of [a, b, a]) await idle(db, remote);
};

/** Two devices connected at T0, A's items made then and synced to B. */
async function syncedAtT0() {
  const remote = new MemoryRemote();
  const [a, b] = await Promise.all([device('a'), device('b')]);
  setClock(T0);
  await connect(a, remote);
  await connect(b, remote, { deviceName: 'Desktop' });
  await edit(a, T0, 'Launch', 'light');
  await syncBoth(remote, a, b);
  return { remote, a, b };
}

/** Then A disconnects and B edits the items at T0 + 2 h. */
async function editedWhileAway() {
  const { remote, a, b } = await syncedAtT0();
  await disconnectSync(a);
  await edit(b, T0 + 2 * HOUR, 'Launch week', 'dark');
  await idle(b, remote);
  return { remote, a, b };
}

describe("the user's items written before now", () => {
  it('a device joining with stale items does not override a newer edit from another device', async () => {
    const remote = new MemoryRemote();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    await edit(a, T0, 'Launch', 'light');
    setClock(T0 + HOUR);
    await connect(b, remote, { deviceName: 'Desktop' });
    await edit(b, T0 + 2 * HOUR, 'Launch week', 'dark');
    await idle(b, remote);
    setClock(T0 + 3 * HOUR);
    await connect(a, remote);
    await syncBoth(remote, a, b);
    await expectBoth(a, b, 'Launch week', 'dark');
  }, 60_000);

  it('a device reconnecting with items it synced before does not override newer edits', async () => {
    const { remote, a, b } = await editedWhileAway();
    setClock(T0 + 3 * HOUR);
    await connect(a, remote);
    await syncBoth(remote, a, b);
    await expectBoth(a, b, 'Launch week', 'dark');
  }, 60_000);

  it('an edit made while disconnected, after the other device’s, still wins once reconnected', async () => {
    const { remote, a, b } = await editedWhileAway();
    await edit(a, T0 + 3 * HOUR, 'Launch month', 'system');
    setClock(T0 + 4 * HOUR);
    await connect(a, remote);
    await syncBoth(remote, a, b);
    await expectBoth(a, b, 'Launch month', 'system');
  }, 60_000);

  it('a backup restored while connected does not override newer edits from another device', async () => {
    const { remote, a, b } = await syncedAtT0();
    const backup = parseBackup((await exportBackupParts(a, new Date(T0 + HOUR))).join(''));
    if (!backup.ok) throw new Error(backup.reason);
    await edit(b, T0 + 2 * HOUR, 'Launch week', 'dark');
    await syncBoth(remote, a, b);
    setClock(T0 + 3 * HOUR);
    await importBackup(a, backup);
    await syncBoth(remote, a, b);
    await expectBoth(a, b, 'Launch week', 'dark');
  }, 60_000);

  it('a restored item no other device holds reaches them', async () => {
    const remote = new MemoryRemote();
    const [a, b, old] = await Promise.all([device('a'), device('b'), device('old')]);
    await edit(old, T0, 'Launch', 'light');
    const backup = parseBackup((await exportBackupParts(old, new Date(T0 + HOUR))).join(''));
    if (!backup.ok) throw new Error(backup.reason);
    setClock(T0 + 2 * HOUR);
    await connect(a, remote);
    await connect(b, remote, { deviceName: 'Desktop' });
    await importBackup(a, backup);
    await syncBoth(remote, a, b);
    await expectBoth(a, b, 'Launch', 'light');
  }, 60_000);
});
