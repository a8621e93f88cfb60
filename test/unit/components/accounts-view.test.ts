import { afterEach, describe, expect, it } from 'vitest';
import { accountsForView } from '../../../components/queries';
import { loadSample } from '../../../lib/db/sample-data';
import { db } from '../../../lib/db/schema';
import { generateSample } from '../../../lib/sample';

const NOW = Date.parse('2026-06-01T12:00:00Z');

afterEach(async () => {
  await db().delete();
  await db().open();
});

describe('the Accounts view', () => {
  it('lists the own accounts, then competitors, before thousands of commenters seen as recently', async () => {
    await loadSample(db(), generateSample({ now: NOW, postsPerAccount: 2, comments: 0 }));
    await db().accounts.bulkPut(
      Array.from({ length: 1500 }, (_, i) => ({
        platform: 'weibo' as const,
        id: `fan-${i}`,
        handle: `fan${i}`,
        name: `Fan ${i}`,
        followersExact: true,
        firstSeenAt: NOW,
        lastSeenAt: NOW + 1 + i,
      })),
    );
    const rows = await accountsForView();
    const roles = rows.map((a) => a.role ?? 'other');
    expect(roles.slice(0, 5)).toEqual(['mine', 'mine', 'mine', 'competitor', 'competitor']);
    expect(roles.slice(5).every((r) => r === 'other')).toBe(true);
    // Commenters are read bounded, as the view always read accounts.
    expect(rows.length).toBeLessThanOrEqual(5 + 1000);
    expect(await db().accounts.count()).toBeGreaterThan(1000);
  });
});
