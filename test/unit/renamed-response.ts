/**
 * A "site changed" input built from a REAL capture: twscrape's UserTweets response
 * (test/fixtures/twitter/vladkens__twscrape/raw_user_tweets.json) with two keys renamed throughout
 * (`rest_id` → `restId`, `legacy` → `details`), every value untouched — the kind of change X makes.
 */
import { fixtureText } from './fixtures';

export const USER_TWEETS_URL =
  'https://x.com/i/api/graphql/V7H0Ap3_Hh2FyS75OCDO3Q/UserTweets?variables=%7B%22userId%22%3A%222244994945%22%7D';
export const REAL_USER_TWEETS = fixtureText('twitter/vladkens__twscrape/raw_user_tweets.json');

const RENAMES: Record<string, string> = { rest_id: 'restId', legacy: 'details' };

function renamed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renamed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [RENAMES[k] ?? k, renamed(v)]));
}

/** The renamed response as the page's JSON text (what the hook copies). */
export const renamedUserTweets = (): string => JSON.stringify(renamed(JSON.parse(REAL_USER_TWEETS)));
