/**
 * "Your accounts, recognised" (issue 14): a page said the signed-in user is this account
 * (`ownerSeenAt`, kept by the write path from a record's `viewerIsOwner`), so the popup and the
 * dashboard ask once whether to track it as the user's own. The answer is kept (`ownerAnswer`; Yes
 * also makes the role 'mine'), and a role the user set in Accounts answers it too.
 */
import type { StoredAccount } from './schema';

/** Asked while a page has said so and the user has neither answered nor given the account a role. */
export const ownerQuestionOpen = (account: StoredAccount): boolean =>
  account.ownerSeenAt !== undefined && account.role === undefined && account.ownerAnswer === undefined;
