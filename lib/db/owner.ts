/**
 * "Your accounts, recognised" (issue 14): a page said the signed-in user is this account
 * (`ownerSeenAt`, kept by the write path from a record's `viewerIsOwner`), so the popup and the
 * dashboard ask once whether to track it as the user's own. The answer is the account's role
 * ('mine', written by the background) or `ownerDeclined`; either closes the question.
 */
import type { StoredAccount } from './schema';

/** Asked while a page has said so and the user has neither given the account a role nor said No. */
export const ownerQuestionOpen = (account: StoredAccount): boolean =>
  account.ownerSeenAt !== undefined && account.role === undefined && !account.ownerDeclined;
