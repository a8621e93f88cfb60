import type { BrowserContext } from '@playwright/test';
import { blockTheInternet, fixture } from './extension';

export const USER_TWEETS = 'twitter/vladkens__twscrape/raw_user_tweets.json';
export const USER_BY_LOGIN = 'twitter/vladkens__twscrape/raw_user_by_login.json';

/** x.com from real captures: a profile shell whose timeline requests get a real UserTweets response. */
export async function serveX(context: BrowserContext) {
  await blockTheInternet(context);
  await context.route('https://x.com/**', (route) => {
    const url = route.request().url();
    if (url.includes('/UserTweets'))
      return route.fulfill({ contentType: 'application/json', body: fixture(USER_TWEETS) });
    if (url.includes('/UserByScreenName'))
      return route.fulfill({ contentType: 'application/json', body: fixture(USER_BY_LOGIN) });
    return route.fulfill({ contentType: 'text/html', body: fixture('synthetic/x/profile-shell.html') });
  });
}
