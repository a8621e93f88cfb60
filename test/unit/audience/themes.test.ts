/**
 * Grouping, stable ids across runs, placing new comments into existing themes, and the user's
 * edits. Comments are synthetic, written for these cases.
 */
import { describe, expect, it } from 'vitest';
import { analyseAudience } from '../../../lib/audience/analyse';
import { merge, NO_EDITS, pin, rename, split } from '../../../lib/audience/edits';
import { themeLabels } from '../../../lib/audience/labels';
import { tokenize } from '../../../lib/audience/tokens';
import type { CommentLike } from '../../../lib/audience/types';

const NOW = Date.UTC(2026, 11, 1);

/** Topics for comments of other needs, each its own, so no word of them is the background. */
const LANGUAGES = ['rust', 'golang', 'kotlin', 'elixir', 'haskell', 'zig', 'ocaml', 'scala', 'dart', 'swift'];
let seq = 0;
const comment = (text: string, extra: Partial<CommentLike> = {}): CommentLike => ({
  platform: 'youtube',
  id: `c${++seq}`,
  postId: 'p1',
  authorId: `a${seq}`,
  text,
  createdAt: new Date(NOW - seq * 3_600_000).toISOString(),
  ...extra,
});

const PRICE = [
  '这门课多少钱？太贵了',
  '课程价格能便宜点吗',
  '有没有优惠，价格有点贵',
  'Is there a discount? The price is too expensive',
];
const ERRORS = [
  '安装环境一直报错怎么办',
  'npm install 报错，跑不起来',
  '配置环境报错了求助',
  'I get an install error, the setup does not work',
];
const PRAISE = ['讲得真好，支持！', 'Great video, thanks!'];

function run(texts: string[], options: Partial<Parameters<typeof analyseAudience>[0]> = {}) {
  const comments = texts.map((t) => comment(t));
  return { comments, report: analyseAudience({ comments, now: NOW, timeZone: 'Asia/Shanghai', ...options }) };
}

/** The comments analysed with one post of the user's saying `post`. */
const withOwnPost = (texts: string[], post: string) =>
  run(texts, { posts: [{ platform: 'youtube', id: 'p1', authorId: 'me', text: post }], ownIds: ['me'] })
    .report;

describe('themes', () => {
  it('groups comments about the same need across languages and leaves needless ones in "other"', () => {
    const { report } = run([...PRICE, ...ERRORS, ...PRAISE]);
    const theme = report.comments.map((c) => c.theme);
    expect(new Set(theme.slice(0, 4)).size).toBe(1);
    expect(new Set(theme.slice(4, 8)).size).toBe(1);
    expect(theme[0]).not.toBe(theme[4]);
    expect(theme.slice(8)).toEqual(['other', 'other']);
    const price = report.themes.find((t) => t.id === theme[0])!;
    expect(price.size).toBe(4);
    expect(price.people).toBe(4);
    expect(price.examples.length).toBeGreaterThan(0);
    expect(price.weekly).toHaveLength(8);
    expect(price.weekly.at(-1)!.count + price.weekly.at(-2)!.count).toBe(4);
  });

  it('labels a theme with the words its comments write, not the stems grouping reads', () => {
    const texts = [
      'Please do a full go project series',
      'Could you make a project series on go?',
      'A go project series please, with videos on testing',
      'Please make more project videos in go',
    ];
    const { report } = run(texts);
    const parts = report.themes.flatMap((t) => t.label.split(' / '));
    expect(parts).toContain('series');
    expect(parts).not.toContain('serie');
    for (const part of parts) expect(texts.some((text) => text.toLowerCase().includes(part))).toBe(true);
  });

  it('labels a Chinese theme with phrases its comments write, whole words, not bigrams chained in any order', () => {
    const texts = [
      '期待老师后期更新向量数据库的内容',
      '很期待老师后期讲讲向量数据库',
      '期待老师后期出一个向量数据库的专题',
      '向量数据库怎么选型，期待老师后期讲一讲',
    ];
    const { report } = run(texts);
    const parts = report.themes.flatMap((t) => t.label.split(' / '));
    expect(parts).toContain('向量数据库');
    expect(parts.some((p) => p.startsWith('期待老师'))).toBe(true);
    for (const part of parts) expect(texts.some((text) => text.includes(part))).toBe(true);
  });

  it('labels a theme with words several of its comments write, not one comment repeating itself', () => {
    const texts = [
      'LangChain的链式调用怎么传参数？这是第5次欧冠冠军，欧冠冠军，欧冠冠军，欧冠冠军的例子',
      '链式调用里怎么传参数？',
      'LangChain链式调用的参数怎么传？',
      '链式调用传参数报错怎么办？',
    ];
    const { report } = run(texts);
    const [questions, problem] = report.themes;
    const parts = (theme: { label: string }) => theme.label.split(' / ');
    expect(questions!.size).toBe(3);
    expect(parts(questions!)).toContain('链式调用');
    for (const part of parts(questions!))
      expect(texts.filter((text) => text.toLowerCase().includes(part)).length).toBeGreaterThanOrEqual(2);
    // A theme of one comment shows its words, not bigrams chained into a run of the sentence.
    expect(problem!.size).toBe(1);
    for (const part of parts(problem!)) {
      expect(texts[3]).toContain(part);
      expect(part.length).toBeLessThanOrEqual(4);
    }
  });

  // In each, a word any audience writes or a function word ("通过") is in every comment and "限流" in
  // three of four: by counts alone the first would lead.
  for (const texts of [
    ['限流的问题怎么处理？', '请问限流这个问题有什么办法？', '限流问题老师怎么看？', '熔断的问题怎么处理？'],
    [
      '想问下老师，限流怎么配？',
      '想问下老师，限流阈值怎么定',
      '想问下老师，限流用什么组件',
      '想问下老师，熔断怎么做',
    ],
    ['通过网关做限流怎么配？', '通过配置做限流可以吗', '通过什么组件做限流', '通过熔断保护服务'],
  ])
    it(`leads a label with its subject, not with a word any audience writes: ${texts[0]}`, () => {
      const theme = { tokens: texts.map((t) => tokenize(t, 'zh')), texts };
      const [label] = themeLabels(new Map([['t', theme]])).values();
      expect(label!.shown[0]).toBe('限流');
    });

  it('names a Chinese theme by the phrase most of its comments write, so a post saying it addresses the theme', () => {
    const texts = ['简历怎么写才能过筛选？', '求讲讲简历怎么写', '简历总是被刷，怎么办', '应届生简历怎么写'];
    const withPost = (post: string) => withOwnPost(texts, post);
    const addressed = withPost('这期聊聊简历怎么写');
    const phrase = addressed.themes[0]!.label.split(' / ')[0]!;
    // Most comments write it (not one comment's "应届生简历怎么"); its exact cut is the segmenter's.
    expect(phrase).toContain('简历');
    expect(texts.filter((t) => t.includes(phrase)).length).toBeGreaterThanOrEqual(3);
    expect(addressed.ideas.filter((i) => i.reason === 'unaddressed')).toEqual([]);
    expect(withPost('这期聊聊面试').ideas).toContainEqual({
      theme: addressed.themes[0]!.id,
      reason: 'unaddressed',
    });
  });

  // A need word leads the theme's terms: a post is judged by the subject, not by that word.
  for (const { need, texts, lead, onSubject, onNeedWord } of [
    {
      need: 'a problem',
      texts: [
        '运行pandas代码报错',
        'pandas读取csv报错了',
        'pandas安装报错',
        'pandas版本不对报错怎么办',
        '装完又报错了',
      ],
      lead: '报错',
      onSubject: '这期讲pandas的安装和常见问题',
      onNeedWord: '这期聊聊报错了怎么看日志',
    },
    {
      need: 'a concept question',
      texts: [
        '进程和线程的区别是什么？',
        '协程和线程有什么区别？',
        '区别在哪：线程 vs 协程',
        'goroutine 和线程的区别？',
      ],
      lead: '区别',
      onSubject: '这期讲线程和协程',
      onNeedWord: '这期聊聊它们的区别和常见问题',
    },
  ])
    it(`judges a theme of ${need} addressed by its subject, not by the need word "${lead}" that leads its terms`, () => {
      const addressed = withOwnPost(texts, onSubject);
      expect(addressed.themes[0]!.terms[0]).toBe(lead);
      expect(addressed.ideas.filter((i) => i.reason === 'unaddressed')).toEqual([]);
      expect(withOwnPost(texts, onNeedWord).ideas).toContainEqual({
        theme: addressed.themes[0]!.id,
        reason: 'unaddressed',
      });
    });

  it('groups by the need a comment names, not by its topic or the praise around it', () => {
    const { report } = run([
      'Please make a video on transformers',
      'Can you do a tutorial on Docker networking?',
      'Love this channel! You should make a series about Rust',
      'What does overfitting mean?',
      'What is the difference between precision and recall?',
      '能不能出一期讲 Kubernetes 的',
      '这个公式是什么意思？',
    ]);
    const theme = report.comments.map((c) => c.theme);
    expect(theme.slice(0, 3)).toEqual(['more-content', 'more-content', 'more-content']);
    expect(theme.slice(3, 5)).toEqual(['concept', 'concept']);
    expect(theme[5]).toBe('more-content');
    expect(theme[6]).toBe('concept');
  });

  it('puts in a theme that is a kind of need only comments of that need, whatever words they share', () => {
    const { report } = run([
      ...ERRORS,
      'Which version of Python and which setup do you use?',
      'Please make more videos on Docker',
      'Could you make a series about Kubernetes?',
      'The pro plan offers more storage but the price is too much for students',
      'What does overfitting mean?',
      'Could you make a video on what overfitting means?',
    ]);
    const theme = report.comments.map((c) => c.theme);
    expect(new Set(theme.slice(0, 4))).toEqual(new Set(['tech-issue']));
    // Asking which version or setup is used reports no failure.
    expect(theme[4]).not.toBe('tech-issue');
    expect(theme.slice(5, 7)).toEqual(['more-content', 'more-content']);
    // A complaint naming "more" asks for no content.
    expect(theme[7]).not.toBe('more-content');
    expect(theme[8]).toBe('concept');
    // Asking for a video on a concept is asking for content, not confusion about it.
    expect(theme[9]).not.toBe('concept');
  });

  it('keeps not understanding a lesson apart from questions about its concepts', () => {
    const { report } = run([
      'What does overfitting mean?',
      'What is the difference between precision and recall?',
      '这个公式是什么意思？',
      '这里晕了，没听懂',
      '完全听不懂了',
      "I'm confused, I don't understand the formula at all",
    ]);
    const theme = report.comments.map((c) => c.theme);
    expect(theme.slice(0, 3)).toEqual(['concept', 'concept', 'concept']);
    expect(theme.slice(3)).toEqual(['confusion', 'confusion', 'confusion']);
  });

  it('keeps Chinese comments a seed theme holds there, though a word they share could grow a theme', () => {
    const lost = ['开始听不懂了', '已经开始听不懂了', '又开始听不懂了，懵'];
    // More confusion without "开始": the need's own token is then commoner, and weighs less, than "开始".
    const confused = ['完全听不懂了', '这里晕了，没听懂', '没看懂', '这段看不懂'];
    // Other needs, each about its own topic, so "开始" is a frequent word of a few needs, not the background.
    const others = LANGUAGES.map((topic) => `Please make a video on ${topic}`);
    const theme = run([...lost, ...confused, ...others]).report.comments.map((c) => c.theme);
    expect(theme.slice(0, 7)).toEqual(Array(7).fill('confusion'));
  });

  it('reads being lost for want of the basics as a need of the learning path, not confusion', () => {
    const { report } = run([
      '没学高数，听不懂了',
      '这里我没有一点基础，根本听不懂',
      '完全听不懂了',
      '这里晕了，没听懂',
    ]);
    const theme = report.comments.map((c) => c.theme);
    expect(theme).toEqual(['learning-path', 'learning-path', 'confusion', 'confusion']);
  });

  it('reads a programmer term as one unit: "machine learning" is not about learning', () => {
    const tokens = tokenize('Great machine learning video, can you cover transformers next?', 'en');
    expect(tokens).toContain('machine learning');
    expect(tokens).not.toContain('learn');
  });

  it('drops words any comment section uses, and keeps those that name a need', () => {
    // "when", "so", "comment" once grew themes of their own out of unrelated comments.
    expect(tokenize('When I leave a comment here, so maybe someone answers my question', 'en')).toEqual([
      'leave',
    ]);
    // A price per period speaks of price as an amount does.
    expect(tokenize('The pro plan is 20 per month', 'en')).toContain('price');
    // Failure named in words ("can't get it to work") puts a comment with the errors.
    expect(tokenize("Still can't get Mailgun to work", 'en')).toContain('§broken');
    expect(tokenize('装完还是跑不起来', 'zh')).toContain('§broken');
    // Seed terms stay though the fuller stop list calls them common.
    expect(tokenize('Is there anything free?', 'en')).toContain('free');
    // 没啥意思 ("boring") asks for no meaning; 什么意思 does.
    expect(tokenize('说实话没啥意思', 'zh')).not.toContain('§concept');
    expect(tokenize('这句是什么意思', 'zh')).toContain('§concept');
    // Confusion is about the subject (听不懂了, 没完全听懂, 蒙～); having understood is not.
    for (const confused of ['开始听不懂了', '听懂了，但没完全听懂', '逐渐蒙圈', '蒙～'])
      expect(tokenize(confused, 'zh')).toContain('§concept');
    expect(tokenize('听懂了', 'zh')).not.toContain('§concept');
    expect(tokenize('靠蒙', 'zh')).not.toContain('§concept');
    // Asking for the second episode is asking for more.
    expect(tokenize('第二集呢', 'zh')).toContain('§more');
  });

  it('keeps theme ids when the model of the last run is passed back, and places new comments in them', () => {
    const first = run([...PRICE, ...ERRORS]);
    const again = run(
      ['价格太贵了，学生买不起', ...ERRORS.slice(0, 2), 'The install keeps failing with an error'],
      {
        previous: first.report.centres,
      },
    );
    expect(again.report.comments[0]!.theme).toBe(first.report.comments[0]!.theme);
    expect(again.report.comments[3]!.theme).toBe(first.report.comments[4]!.theme);
  });

  it('grows a theme per word and need: questions about a tool apart from its failures, ids kept', () => {
    const questions = [
      'Can staticman handle threads?',
      'Does staticman work with Hugo?',
      'Is staticman still maintained?',
    ];
    // Difficulties no seed theme claims (an error would go to tech-issue): before, all six were one theme.
    const failures = [
      'staticman is confusing me',
      'I am stuck with staticman',
      'staticman drives me mad, so frustrating',
    ];
    // Other needs, each about its own topic, so "staticman" is not the background of every comment.
    const others = [
      ...LANGUAGES,
      'julia',
      'erlang',
      'clojure',
      'fortran',
      'cobol',
      'lua',
      'perl',
      'nim',
      'crystal',
      'racket',
    ].map((topic) => `Please make a video on ${topic}`);
    const first = run([...questions, ...failures, ...others]);
    const theme = first.report.comments.map((c) => c.theme);
    expect(new Set(theme.slice(0, 3))).toEqual(new Set(['t-staticman/question']));
    expect(new Set(theme.slice(3, 6))).toEqual(new Set(['t-staticman/problem']));
    const again = run(['Is staticman open source?', 'staticman confuses me'], {
      previous: first.report.centres,
    });
    expect(again.report.comments.map((c) => c.theme)).toEqual([
      't-staticman/question',
      't-staticman/problem',
    ]);
  });

  it('applies renames, merges, splits and pins on every run, to new comments too', () => {
    const { report } = run([...PRICE, ...ERRORS]);
    const priceId = report.comments[0]!.theme;
    const errorId = report.comments[4]!.theme;
    let edits = rename(NO_EDITS, errorId, '环境与报错');
    edits = pin(edits, errorId);
    const pinned = run([...PRICE, ...ERRORS], { edits, previous: report.centres }).report;
    expect(pinned.themes[0]).toMatchObject({ id: errorId, label: '环境与报错', pinned: true });

    const merged = run([...PRICE, ...ERRORS, '报错还是没解决'], {
      edits: merge(edits, priceId, errorId),
    }).report;
    expect(new Set(merged.comments.map((c) => c.theme))).toEqual(new Set([errorId]));

    const npm = split(NO_EDITS, errorId, 'npm', ['npm']);
    const splitRun = run([...ERRORS, 'npm 又报错了'], { edits: npm, previous: report.centres }).report;
    expect(splitRun.comments.map((c) => c.theme)).toEqual([errorId, 'npm', errorId, errorId, 'npm']);
  });

  it('says whether the user replied in a theme and ranks recent, liked themes first', () => {
    const asked = comment('安装环境报错怎么办？', { metrics: { likes: 50 } });
    const reply = comment('试试先升级 node 版本', { authorId: 'me', parentId: asked.id });
    const old = ['课程价格太贵', '价格有优惠吗'].map((t) =>
      comment(t, { createdAt: new Date(NOW - 200 * 86_400_000).toISOString() }),
    );
    const report = analyseAudience({
      comments: [asked, reply, ...old],
      ownIds: ['me'],
      now: NOW,
      timeZone: 'UTC',
    });
    const errors = report.themes.find((t) => t.id === report.comments[0]!.theme)!;
    expect(errors.replied).toBe(true);
    expect(report.themes[0]!.id).toBe(errors.id);
    expect(report.themes.find((t) => t.id === report.comments[2]!.theme)!.replied).toBe(false);
  });
});
