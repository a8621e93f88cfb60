import { describe, expect, it } from 'vitest';
import { accounts, byId, extractFixture } from './helpers';

const TW = 'vladkens__twscrape/';

describe('replies in TweetDetail (raw_tweet_details@1e49e9fa.json, @XDevelopers thread, legacy users)', () => {
  const extraction = extractFixture(`${TW}raw_tweet_details@1e49e9fa.json`, 'TweetDetail');
  const found = byId(extraction);
  const ROOT = '1649191520250245121';

  it('keeps the root and its 10 replies, each naming the post it answers and the thread', () => {
    expect(found.size).toBe(11);
    expect(extraction.failures).toEqual([]);
    const root = found.get(ROOT)!;
    expect(root.replyTo).toBeUndefined();
    expect(root.conversationId).toBe(ROOT);
    const replies = [...found.values()].filter((p) => p.replyTo);
    expect(replies).toHaveLength(10);
    for (const reply of replies) expect(reply.conversationId).toBe(ROOT);
    // The self-thread: each of @XDevelopers' follow-ups answers the previous one.
    expect(found.get('1649191521323995138')!.replyTo).toBe(ROOT);
    expect(found.get('1649191522485817345')!.replyTo).toBe('1649191521323995138');
    expect(found.get('1649191523697979392')!.replyTo).toBe('1649191522485817345');
  });

  it("reads a reply's text, author and likes", () => {
    const reply = found.get('1649193341454524424')!;
    expect(reply).toMatchObject({ authorHandle: 'MattEason', replyTo: ROOT });
    expect(reply.text.startsWith("@TwitterDev You're not deprecating them")).toBe(true);
    expect(reply.metrics.likes).toBe(172);
    expect(found.get('1711245374726267233')).toMatchObject({
      authorHandle: 'ByGerrySullivan',
      text: '@XDevelopers You suck for this',
      metrics: { likes: 0 },
    });
  });

  it("reads the repliers' bios and locations from legacy.description / legacy.location", () => {
    const byHandle = new Map(accounts(extraction).map((a) => [a.handle, a]));
    expect(byHandle.get('MattEason')?.location).toBe('London');
    expect(byHandle.get('ByGerrySullivan')).toMatchObject({ location: 'Buffalo, N.Y.' });
    expect(byHandle.get('ByGerrySullivan')?.bio?.startsWith('Formerly: @TheBuffaloNews')).toBe(true);
    // An empty profile field is recorded as empty: the person cleared it.
    expect(byHandle.get('0xAnjing')).toMatchObject({ bio: 'Degenerate Dog Dev w/ -10 IQ', location: '' });
  });
});

describe('replies in TweetDetail (raw_tweet_details.json, 2025+ user shape)', () => {
  const extraction = extractFixture(`${TW}raw_tweet_details.json`, 'TweetDetail');

  it('reads bio and location from profile_bio.description and location.location', () => {
    const dev = accounts(extraction).find((a) => a.handle === 'XDevelopers')!;
    expect(dev.bio).toBe(
      'The voice of the X Dev team and your official source for updates, news, and events, related to the X API.',
    );
    expect(dev.location).toBe('127.0.0.1');
    const replies = [...byId(extraction).values()].filter((p) => p.replyTo === '1649191520250245121');
    expect(replies.length).toBeGreaterThan(20);
    expect(replies.find((p) => p.id === '1649255409897861120')).toMatchObject({
      text: '@TwitterDev This is terrible!',
      metrics: { likes: 8 },
      conversationId: '1649191520250245121',
    });
  });
});

describe('replies in search results', () => {
  it('search_raw@d53535f1.json: 19 tweets, 18 replies, with parent and thread', () => {
    const extraction = extractFixture(`${TW}search_raw@d53535f1.json`, 'SearchTimeline');
    const found = byId(extraction);
    expect([...found.values()].filter((p) => p.replyTo)).toHaveLength(18);
    expect(found.get('1700203068279709895')).toMatchObject({
      authorHandle: '504spyboy',
      replyTo: '1700192389845966864',
      conversationId: '1699979622048301199',
      metrics: { likes: 0 },
    });
    expect(found.get('1700203057059926476')!.text).toBe('@elonmusk RUSSIA IS A TERRORIST STATE');
    const spy = accounts(extraction).find((a) => a.handle === '504spyboy')!;
    expect(spy.location).toBe('Beamed down from a mothership');
  });

  it('raw_search@3d8f2c69.json: 17 tweets, 14 replies; a post that answers nothing has no replyTo', () => {
    const extraction = extractFixture(`${TW}raw_search@3d8f2c69.json`, 'SearchTimeline');
    const found = byId(extraction);
    expect(found.size).toBe(17);
    expect([...found.values()].filter((p) => p.replyTo)).toHaveLength(14);
    expect(found.get('1842759116508234107')).toMatchObject({
      authorHandle: 'henri_fjord',
      replyTo: '1842758193371336704',
      conversationId: '1842707067426963936',
    });
    const top = found.get('1842327200814542906')!;
    expect(top.replyTo).toBeUndefined();
    expect(top.conversationId).toBe('1842327200814542906');
    expect(top.metrics.likes).toBe(142241);
  });
});

describe('replies in the public REST APIs', () => {
  it('v1.1 search: in_reply_to_status_id_str is the post answered', () => {
    const found = byId(extractFixture('huginn__huginn/search_tweets.json', 'v1.statuses'));
    expect(found.get('414075829182676992')).toMatchObject({
      authorHandle: 'ItsFuckinOhSo',
      replyTo: '414069174856843264',
    });
  });

  it('v2 search: referenced_tweets "replied_to" is the post answered', () => {
    const found = byId(extractFixture('sns-sdks__python-twitter/search_tweets_query.json', 'v2.tweets'));
    expect(found.get('1276035977375477760')!.replyTo).toBe('1275653067283759104');
    expect(found.get('1275653067283759104')!.replyTo).toBe('1274086728471461889');
  });
});
