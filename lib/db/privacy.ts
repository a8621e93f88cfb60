/**
 * Others' words and profiles are personal data. The setting `keepCommenterProfiles` (default on)
 * decides whether bios, profile locations and comment regions (Weibo IP属地) of people who are
 * neither the user's own accounts nor competitors are kept. Default on: the audience profile is what
 * the comments feature is for, these are what the sites showed the user publicly, and nothing leaves
 * the browser; switching it off strips what is stored at once and keeps none from then on. Comment
 * regions go for every comment (a region says where someone was, and no view needs the user's own).
 */
import type { CoursePulseDb, StoredAccount } from './schema';

export const KEEP_COMMENTER_PROFILES = 'keepCommenterProfiles';

export async function keepCommenterProfiles(db: CoursePulseDb): Promise<boolean> {
  return (await db.settings.get(KEEP_COMMENTER_PROFILES))?.value !== false;
}

/** The user's own accounts and competitors keep their profiles whatever the setting says. */
export const isTracked = (account: Pick<StoredAccount, 'role'> | undefined): boolean => !!account?.role;

/** Removes the profile fields the setting covers from one account row, in place; true when it changed. */
export function stripProfile(account: StoredAccount): boolean {
  if (isTracked(account) || (account.bio === undefined && account.location === undefined)) return false;
  delete account.bio;
  delete account.location;
  return true;
}

/** After the setting is switched off: every stored bio, location and comment region it covers goes. */
export async function stripCommenterProfiles(
  db: CoursePulseDb,
): Promise<{ accounts: number; comments: number }> {
  return db.transaction('rw', [db.accounts, db.comments], async () => {
    const accounts: StoredAccount[] = [];
    await db.accounts.each((account) => {
      if (stripProfile(account)) accounts.push(account);
    });
    await db.accounts.bulkPut(accounts);
    const comments = await db.comments
      .filter((c) => c.region !== undefined)
      .modify((c) => {
        delete c.region;
      });
    return { accounts: accounts.length, comments };
  });
}
