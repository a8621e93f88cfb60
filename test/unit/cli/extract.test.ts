import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureRecord } from '../../../lib/records';
import { ROOT, runCli } from './run';

const FIX = join(ROOT, 'test/fixtures');

const extract = (...args: string[]) => runCli('scripts/extract.ts', args);

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('npm run -s extract (the public CLI)', { timeout: 60_000 }, () => {
  it('prints every tweet of an X GraphQL body with the JSON’s own counts, as contract records', async () => {
    const { code, stdout } = await extract(
      join(FIX, 'twitter/vladkens__twscrape/raw_user_tweets.json'),
      '--url',
      'https://x.com/i/api/graphql/abc/UserTweets?variables=%7B%7D',
    );
    expect(code).toBe(0);
    const records = lines(stdout);
    for (const r of records) expect(CaptureRecord.safeParse(r).success).toBe(true);
    const pinned = records.find((r) => r.kind === 'post' && r.id === '2019881223666233717');
    expect(pinned.metrics).toEqual({
      views: 2525462,
      likes: 5569,
      reposts: 832,
      quotes: 573,
      comments: 783,
      bookmarks: 2810,
    });
    expect(records.filter((r) => r.kind === 'post')).toHaveLength(41);
  });

  it('reads a HAR file: every entry with a body, site and endpoint chosen from each entry’s URL', async () => {
    // Synthetic HAR wrapping two real captured bodies at their real URLs.
    const dir = mkdtempSync(join(tmpdir(), 'cp-har-'));
    const { readFileSync } = await import('node:fs');
    const body = (p: string) => readFileSync(join(FIX, p), 'utf8');
    const har = {
      log: {
        entries: [
          {
            request: { url: 'https://m.weibo.cn/api/container/getIndex?containerid=1076036279793937' },
            response: {
              content: {
                mimeType: 'application/json',
                text: body('weibo/MountainDash__nonebot-bison/weibo_ak_list_0.json'),
              },
            },
          },
          {
            request: { url: 'https://x.com/i/api/graphql/q/UserByScreenName?variables=%7B%7D' },
            response: {
              content: {
                mimeType: 'application/json',
                encoding: 'base64',
                text: Buffer.from(body('twitter/vladkens__twscrape/raw_user_by_login.json')).toString(
                  'base64',
                ),
              },
            },
          },
          {
            request: { url: 'https://x.com/favicon.ico' },
            response: { content: { mimeType: 'image/x-icon', text: '' } },
          },
        ],
      },
    };
    const file = join(dir, 'capture.har');
    writeFileSync(file, JSON.stringify(har));
    const { code, stdout } = await extract(file);
    expect(code).toBe(0);
    const records = lines(stdout);
    expect(records.find((r) => r.kind === 'account' && r.platform === 'x')?.followers).toBe(695695);
    expect(records.find((r) => r.kind === 'post' && r.id === '4645748019299849')?.metrics).toMatchObject({
      reposts: 9079,
      comments: 2126,
      likes: 37053,
    });
  });

  it('prints the course record of a saved course page', async () => {
    const { code, stdout } = await extract(
      join(FIX, 'courses/microlinkhq__metascraper/learnnode__input.html'),
      '--url',
      'https://learnnode.com/',
    );
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      expect.objectContaining({ kind: 'course', title: 'Learn Node', price: 82, currency: 'USD' }),
    ]);
  });

  it('prints one course record per course of a saved listing page, each linked to the page', async () => {
    const { code, stdout } = await extract(
      join(FIX, 'courses/soodaayush__udemy-price-tracker/index.html'),
      '--url',
      'https://www.udemy.com/courses/search/?q=python',
    );
    expect(code).toBe(0);
    const records = lines(stdout);
    expect(records).toHaveLength(31);
    expect(records.every((r) => CaptureRecord.safeParse(r).success)).toBe(true);
    expect(records[0]).toMatchObject({
      kind: 'course',
      url: 'https://www.udemy.com/course/100-days-of-code/',
      title: '100 Days of Code: The Complete Python Pro Bootcamp for 2023',
      price: 21.99,
      currency: 'CAD',
      listedOn: 'https://www.udemy.com/courses/search/',
    });
  });

  it('prints every course of a saved list API body, with or without its URL', async () => {
    const file = join(FIX, 'courses/cpselvis__geektime-webpack-course/geekbang_column_list.data.json');
    const withUrl = await extract(file, '--url', 'https://time.geekbang.org/serv/v1/column/newAll');
    const bare = await extract(file);
    expect(withUrl.code).toBe(0);
    expect(bare.code).toBe(0);
    expect(lines(bare.stdout)).toEqual(lines(withUrl.stdout));
    expect(lines(withUrl.stdout).map((r) => [r.title, r.price])).toEqual([
      ['SQL必知必会', 68],
      ['Kafka核心技术与实战', 99],
      ['透视HTTP协议', 99],
      ['零基础学Java', 129],
      ['Web协议详解与抓包实战', 129],
      ['从0开发一款iOS App', 129],
      ['深入浅出gRPC', 9],
      ['Service Mesh实践指南', 9],
      ['如何做好一场技术演讲', 1],
    ]);
  });

  it('prints the courses of Chinese platforms: a 慕课网 home page and a 网易云课堂 list body saved without its URL', async () => {
    const imooc = await extract(
      join(FIX, 'courses/newbeedaly__python_spider_basis/imooc.html'),
      '--url',
      'https://www.imooc.com/',
    );
    expect(imooc.code).toBe(0);
    const courses = lines(imooc.stdout);
    expect(courses).toHaveLength(69);
    expect(courses.every((r) => CaptureRecord.safeParse(r).success)).toBe(true);
    expect(courses[1]).toMatchObject({
      kind: 'course',
      url: 'https://coding.imooc.com/class/129.html',
      title: '前端跳槽面试必备技巧',
      price: 266,
      currency: 'CNY',
      students: 1177,
      listedOn: 'https://www.imooc.com/',
    });
    const study = await extract(
      join(FIX, 'courses/Blues9527__BluesApps/CategoryCourseEntity.java__result.json'),
    );
    expect(study.code).toBe(0);
    expect(lines(study.stdout).map((r) => [r.title, r.price, r.currency, r.instructor])).toEqual([
      ['Frank可复制的自学英语完整攻略', 49, 'CNY', '野生英语老师Frank'],
      ['酷艾英语', 0, 'CNY', '新东方在线'],
      ['Frank掰开揉碎讲摩登家庭第一季', 69, 'CNY', '野生英语老师Frank'],
      ['说文解词-初级 (高中版)', 299, 'CNY', '杜松老师'],
      ['零基础学新概念英语一情景教学', 499, 'CNY', 'lily学英语'],
      ['精看电影学英语【公开课】', 0, 'CNY', '任杰Jack'],
      ['91趣玩英语', 0, 'CNY', '91外教'],
      ['J博士美语', 0, 'CNY', '美国格林希尔外语'],
      ['Frank生活口语指南（全面覆盖）', 49, 'CNY', '野生英语老师Frank'],
      ['60秒学英语（每周一更新）', 0, 'CNY', '新航道国际教育集团'],
    ]);
  });

  it('prints no junk record for a page that is neither a course nor a listing, and says so', async () => {
    const { code, stdout, stderr } = await extract(
      join(FIX, 'courses/Cinemato__codingallstars-classcentral-task/about.html'),
      '--url',
      'https://www.classcentral.com/about',
    );
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('');
    expect(stderr).toContain('neither one course nor a list of courses: https://www.classcentral.com/about');
  });

  it('exits 0 with no records for an input it read but that holds none', async () => {
    const { code, stdout } = await extract(
      join(FIX, 'weibo/MountainDash__nonebot-bison/weibo_err_profile.json'),
      '--url',
      'https://m.weibo.cn/api/container/getIndex?type=uid&value=1',
    );
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('');
  });

  it('fails with a one-line reason and no stack trace on unreadable input', async () => {
    const missing = await extract('/nonexistent/file.json');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/cannot read/);
    const dir = mkdtempSync(join(tmpdir(), 'cp-bad-'));
    writeFileSync(join(dir, 'bad.json'), '{"truncated": ');
    const bad = await extract(join(dir, 'bad.json'), '--url', 'https://x.com/i/api/graphql/a/UserTweets');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^extract: not valid JSON/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints a single Weibo status saved without its URL as it does with the statuses/show URL', async () => {
    const file = join(FIX, 'weibo/gottaegbert__weiboAPI/response.js__retweet01.status.json');
    const bare = await extract(file);
    expect(bare.code).toBe(0);
    const withUrl = await extract(file, '--url', 'https://weibo.com/ajax/statuses/show?id=1');
    expect(lines(bare.stdout)).toEqual(lines(withUrl.stdout));
    expect(lines(bare.stdout).filter((r) => r.kind === 'post')).toHaveLength(2);
    // SYNTHETIC: any other object with an id (here a course's detail) is no Weibo status.
    const other = join(mkdtempSync(join(tmpdir(), 'cp-one-')), 'course.json');
    writeFileSync(other, JSON.stringify({ code: 0, data: { id: 100017301, title: '数据结构与算法之美' } }));
    const notAStatus = await extract(other);
    expect(lines(notAStatus.stdout).filter((r) => r.platform === 'weibo')).toEqual([]);
  });

  it('prints X REST API bodies saved without their URL as X records, as with their URL, not as Weibo posts', async () => {
    for (const [file, url] of [
      [
        'sns-sdks__python-twitter/search_tweets_query.json',
        'https://api.x.com/2/tweets/search/recent?query=a',
      ],
      ['sns-sdks__python-twitter/tweet_quote_tweets_resp.json', 'https://api.x.com/2/tweets/1/quote_tweets'],
      ['huginn__huginn/user_tweets.json', 'https://api.twitter.com/1.1/statuses/user_timeline.json'],
    ]) {
      const bare = await extract(join(FIX, 'twitter', file!));
      expect(bare.code).toBe(0);
      const records = lines(bare.stdout);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.platform === 'x')).toBe(true);
      expect(records).toEqual(lines((await extract(join(FIX, 'twitter', file!), '--url', url!)).stdout));
    }
    expect(
      lines((await extract(join(FIX, 'twitter/sns-sdks__python-twitter/search_tweets_query.json'))).stdout),
    ).toContainEqual(
      expect.objectContaining({
        kind: 'post',
        id: '1275882613572583424',
        authorHandle: 'snowman',
        platform: 'x',
      }),
    );
    // SYNTHETIC: a list of objects with an id and a text is neither a Weibo status nor a comment.
    const other = join(mkdtempSync(join(tmpdir(), 'cp-list-')), 'list.json');
    writeFileSync(other, JSON.stringify({ data: [{ id: 1, text: 'hello' }] }));
    const notWeibo = await extract(other);
    expect(notWeibo.code).not.toBe(0);
    expect(notWeibo.stderr).toMatch(/no records found/);
  });

  it('prints the comments of a comment body saved without its URL, not posts of the commenters', async () => {
    const weibo = await extract(join(FIX, 'weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'));
    expect(weibo.code).toBe(0);
    const records = lines(weibo.stdout);
    expect(records.filter((r) => r.kind === 'post')).toEqual([]);
    const comments = records.filter((r) => r.kind === 'comment');
    expect(comments).toHaveLength(7);
    // The body names its post in each comment's analysis_extra.
    expect(new Set(comments.map((r) => r.postId))).toEqual(new Set(['5079225425986690']));
    const youtube = await extract(
      join(FIX, 'youtube/ryanweiler92__rust_yt_scraper/comment_response@05368bd2.json'),
    );
    expect(youtube.code).toBe(0);
    expect(lines(youtube.stdout).find((r) => r.kind === 'comment')).toMatchObject({
      postId: 'xhX330KjLxA',
      authorHandle: '@karelprucha5465',
    });
  });

  it('prints comments: Weibo buildComments, and a YouTube continuation whose video comes from --page', async () => {
    const weibo = await extract(
      join(FIX, 'weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
      '--url',
      'https://weibo.com/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&fetch_level=0',
    );
    expect(weibo.code).toBe(0);
    const weiboComments = lines(weibo.stdout).filter((r) => r.kind === 'comment');
    expect(weiboComments).toHaveLength(7);
    for (const r of weiboComments) expect(CaptureRecord.safeParse(r).success).toBe(true);

    // The real one-reply continuation with its comment surface (the link to the video) removed,
    // so only the page can name the video.
    const { readFileSync } = await import('node:fs');
    const body = JSON.parse(
      readFileSync(join(FIX, 'youtube/ryanweiler92__rust_yt_scraper/comment_response@05368bd2.json'), 'utf8'),
    );
    const updates = body.frameworkUpdates.entityBatchUpdate;
    updates.mutations = updates.mutations.filter(
      (m: { payload: object }) => !('commentSurfaceEntityPayload' in m.payload),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'cp-next-')), 'next.json');
    writeFileSync(file, JSON.stringify(body));
    const next = ['--url', 'https://www.youtube.com/youtubei/v1/next?prettyPrint=false'];
    const without = lines((await extract(file, ...next)).stdout).find((r) => r.kind === 'comment');
    expect(without).toMatchObject({ postId: '', authorHandle: '@karelprucha5465' });
    const withPage = await extract(file, ...next, '--page', 'https://www.youtube.com/watch?v=xhX330KjLxA');
    expect(withPage.code).toBe(0);
    expect(lines(withPage.stdout).find((r) => r.kind === 'comment').postId).toBe('xhX330KjLxA');
    const wrong = await extract(file, ...next, '--page', 'not a url');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--page is not an http\(s\) URL/);
  });
});
