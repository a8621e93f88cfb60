import { describe, expect, it } from 'vitest';
import { CaptureRecord, type PostRecord } from '../../../../lib/records';
import { cleanUrl, coursesInPost, isCourseUrl } from '../../../../lib/sites/course';

const post = (text: string, links: string[] = [], over: Partial<PostRecord> = {}): PostRecord => ({
  kind: 'post',
  platform: 'weibo',
  id: '5000000000000001',
  url: 'https://weibo.com/1234567890/Oabcdefgh',
  authorId: '1234567890',
  authorHandle: 'seller',
  authorName: '某老师',
  text,
  createdAt: null,
  createdAtApprox: false,
  format: 'text',
  repostOf: null,
  metrics: {},
  metricsExact: true,
  links,
  hashtags: [],
  ...over,
});

describe('isCourseUrl', () => {
  it.each([
    'https://www.udemy.com/course/the-complete-web-development-bootcamp/',
    'https://www.coursera.org/learn/machine-learning',
    'https://lastknight.gumroad.com/l/zerotoai',
    'https://time.geekbang.org/column/intro/100029501',
    'https://www.bilibili.com/cheese/play/ss61',
    'https://coding.imooc.com/class/123.html',
    'https://study.163.com/course/introduction/1004570029.htm',
    'https://study.163.com/course/courseMain.htm?courseId=1004570029',
    'https://www.icourse163.org/course/PKU-1465995174',
    'https://appabc123.h5.xiaoeknow.com/detail/p_5f1a2b3c4d5e6/6',
    // Real 小鹅通 links: a camp's page (longfengpili/other_method@3fd24651 xiaoe/mysetting.py) and a
    // seller's short links (cieme/simulation-vue3-pixijs@66e03e29 README.md).
    'https://appkmawugcq3660.pc.xiaoe-tech.com/detail/term_61c55f79648f9_RYHNiw/25',
    'https://bcsnv.xetslk.com/s/4lN1eD',
    'https://bcsnv.xetlk.com/sl/3abIlI',
    // More real 小鹅通 links: an h5 course goods page and a xet.tech short link
    // (wq2012/SpeakerRecognitionFromScratch@1ec7b7dc README.md), short links on xeknow.com and xet.tech
    // (labuladong/fucking-algorithm@7b87defb 动态规划系列/LCS.md), a PC course goods page
    // (CoderWanFeng/python4office.cn@6f110368 hexo/…/公众号文章/001-做了X年AI博主….md), the same page on a
    // seller's own domain (wangbojing/NtyCo@72ab5fd0 README.md) and a lesson there
    // (StevenJokess/d2l-en-read@71b0f359 Ch17_GAN/ITGAN.md).
    'https://appzxw56sw27444.h5.xiaoeknow.com/v1/goods/goods_detail/course_2CvsdnvhxVu65E81X2TcMFlXKWQ',
    'https://jmq.xet.tech/s/4j70ZU',
    'https://aep.h5.xeknow.com/s/1XJHEO',
    'https://aep.xet.tech/s/3YGcq3',
    'https://appycyfaqcq1951.pc.xiaoe-tech.com/p/t_pc/goods_pc_detail/goods_detail/course_38vSeD9XU0XdsWnT6jLTaDeRxjT?channel_id=1515397',
    'https://it.0voice.com/p/t_pc/goods_pc_detail/goods_detail/course_2QFAeORw45TjJA1y9tq8CmdVJTQ',
    'https://ai.deepshare.net/detail/v_5f44cfeae4b0118787333996/3?from=p_5f4c7402e4b0dd4d974c43e4&type=6',
    'https://wx.zsxq.com/dweb2/index/group/48418518458448',
    'https://t.zsxq.com/abcDEF',
    'https://www.edx.org/course/programming-for-everybody-getting-started-with-pyt',
  ])('%s is a course', (url) => expect(isCourseUrl(url)).toBe(true));

  it.each([
    'https://www.udemy.com/courses/search/?q=python',
    'https://www.udemy.com/',
    'https://gumroad.com/discover',
    'https://www.bilibili.com/video/BV1xx411c7mD',
    'https://time.geekbang.org/',
    'https://bcsnv.xetslk.com/',
    'https://aep.xet.tech/',
    'https://aep.h5.xeknow.com/s/',
    'https://it.0voice.com/',
    'https://ai.deepshare.net/detail/about/3',
    'https://example.com/course/x',
    'not a url',
    'javascript:alert(1)',
  ])('%s is not', (url) => expect(isCourseUrl(url)).toBe(false));
});

describe('cleanUrl', () => {
  it('drops tracking parameters and the fragment, keeps the path and real parameters', () => {
    expect(
      cleanUrl(
        'https://study.163.com/course/courseMain.htm?courseId=1004570029&utm_source=wb&share_medium=x&spm=a.b#intro',
      ),
    ).toBe('https://study.163.com/course/courseMain.htm?courseId=1004570029');
    expect(cleanUrl('https://www.udemy.com/course/x/?couponCode=ST8MT61422&ranMID=1&gclid=z')).toBe(
      'https://www.udemy.com/course/x/',
    );
    expect(
      cleanUrl('https://www.bilibili.com/cheese/play/ss61?spm_id_from=333&vd_source=ab&from=search'),
    ).toBe('https://www.bilibili.com/cheese/play/ss61');
    expect(cleanUrl('ftp://x.example/')).toBeNull();
  });

  it("keeps a 小鹅通 lesson's from=p_…, its column (three lessons of one column, StevenJokess/d2l-en-read@71b0f359 Ch17_GAN/ITGAN.md)", () => {
    const lessons = [
      'https://ai.deepshare.net/detail/v_5f44cfeae4b0118787333996/3?from=p_5f4c7402e4b0dd4d974c43e4&type=6',
      'https://ai.deepshare.net/detail/v_5f44d0c6e4b0dd4d974b2498/3?from=p_5f4c7402e4b0dd4d974c43e4&type=6',
      'https://ai.deepshare.net/detail/v_5f44d57fe4b0dd4d974b2699/3?from=p_5f4c7402e4b0dd4d974c43e4&type=6',
    ];
    for (const lesson of lessons) expect(cleanUrl(`${lesson}&utm_source=wx#x`)).toBe(lesson);
    // Elsewhere, and on 小鹅通 when it names no column, `from` says who shared the link.
    expect(cleanUrl('https://appabc123.h5.xiaoeknow.com/detail/p_5f1a2b3c4d5e6/6?from=timeline')).toBe(
      'https://appabc123.h5.xiaoeknow.com/detail/p_5f1a2b3c4d5e6/6',
    );
    expect(cleanUrl('https://example.com/course?from=p_5f4c7402e4b0dd4d974c43e4')).toBe(
      'https://example.com/course',
    );
  });
});

describe('coursesInPost', () => {
  it('a post linking a known course platform is a sighting of that course, with the one stated price', () => {
    const records = coursesInPost(
      post(
        '极客时间新专栏《SQL必知必会》今天上线 ¥68 https://time.geekbang.org/column/intro/100029501?utm_source=weibo',
        ['https://time.geekbang.org/column/intro/100029501?utm_source=weibo'],
      ),
    );
    expect(records).toEqual([
      {
        kind: 'course',
        url: 'https://time.geekbang.org/column/intro/100029501',
        title: '极客时间新专栏《SQL必知必会》今天上线 ¥68',
        provider: '极客时间',
        price: 68,
        currency: 'CNY',
        source: 'post',
        seenIn: '5000000000000001',
        missing: ['instructor', 'students', 'rating'],
      },
    ]);
    expect(CaptureRecord.safeParse(records[0]).success).toBe(true);
  });

  it('a 小鹅通 short link is a sighting of that course (the line from cieme/simulation-vue3-pixijs README.md)', () => {
    const records = coursesInPost(post('妙码求职大师课（限时7天免费）：https://bcsnv.xetslk.com/s/4lN1eD'));
    expect(records.map((r) => [r.url, r.title, r.provider, r.price])).toEqual([
      ['https://bcsnv.xetslk.com/s/4lN1eD', '妙码求职大师课（限时7天免费）：', '小鹅通', null],
    ]);
    expect(CaptureRecord.safeParse(records[0]).success).toBe(true);
  });

  it('a post naming a course on Udemy, 机器之心 and 语音之家: one sighting each, the 小鹅通 ones by their links (wq2012/SpeakerRecognitionFromScratch@1ec7b7dc README.md)', () => {
    const links = [
      'https://www.udemy.com/course/speaker-recognition/?referralCode=1914766AF241CE15D19A',
      'https://jmq.xet.tech/s/4j70ZU',
      'https://www.shenlanxueyuan.com/course/513',
      'https://appzxw56sw27444.h5.xiaoeknow.com/v1/goods/goods_detail/course_2CvsdnvhxVu65E81X2TcMFlXKWQ',
    ];
    const records = coursesInPost(
      post(
        'This is the reference code for the final project of the Speaker Recognition course on Udemy, 机器之心, 深蓝学院 and 语音之家.',
        links,
      ),
    );
    expect(records.map((r) => [r.url, r.provider])).toEqual([
      ['https://www.udemy.com/course/speaker-recognition/', 'Udemy'],
      ['https://jmq.xet.tech/s/4j70ZU', '小鹅通'],
      [links[3], '小鹅通'],
    ]);
  });

  it('several course links: one sighting each, no guessed price', () => {
    const records = coursesInPost(
      post('Two picks: $49 for the first', [
        'https://www.udemy.com/course/react-redux/',
        'https://www.coursera.org/learn/nlp',
        'https://www.udemy.com/course/react-redux/?couponCode=X',
      ]),
    );
    expect(records.map((r) => [r.url, r.provider, r.price])).toEqual([
      ['https://www.udemy.com/course/react-redux/', 'Udemy', null],
      ['https://www.coursera.org/learn/nlp', 'Coursera', null],
    ]);
  });

  it.each([
    ['训练营第三期开营！报名 ¥299，名额有限', 299, 'CNY', '训练营第三期开营'],
    ['My new course is live: $49 this week only', 49, 'USD', 'My new course is live: $49 this week only'],
    ['新课程上线，199元，含答疑', 199, 'CNY', '新课程上线，199元，含答疑'],
  ])('a stated course with a price: %s', (text, price, currency, title) => {
    const [record] = coursesInPost(post(text));
    expect(record).toMatchObject({
      url: 'https://weibo.com/1234567890/Oabcdefgh',
      provider: '某老师',
      price,
      currency,
      source: 'post',
      seenIn: '5000000000000001',
    });
    expect(record?.title).toBe(title);
  });

  it('no course word, or no price, or non-course links: no sighting', () => {
    expect(coursesInPost(post('今天午饭 ¥35'))).toEqual([]);
    expect(coursesInPost(post('新课程下周上线'))).toEqual([]);
    expect(coursesInPost(post('look', ['https://example.com/x']))).toEqual([]);
  });
});
