/**
 * Tokens for grouping: words of scripts written with spaces (a Unicode regex), Chinese as Han
 * character bigrams (robust to slang such as 卷, 35岁, 外包; a bigram holding a function character
 * such as 么 or 的 is dropped, since "为什" or "么时" name nothing), a small programmer lexicon and
 * the seed themes' longer terms kept whole ("多少钱", "machine learning"), and need tokens for
 * phrases that name a kind of need. Whole Chinese words (Intl.Segmenter) are read only where words
 * are listed to people (bios): the segmenter costs ~0.3 ms a comment, and Chrome (ICU4C) and
 * Firefox (ICU4X) segment differently, so grouping Chinese without it is also the same everywhere.
 */
import { SEEDS } from './seeds';
import { STOP } from './stopwords';
import type { Lang } from './types';

/** Terms kept whole whatever the segmenter does; lower case. */
const LEXICON = [
  '前端',
  '后端',
  '全栈',
  '转行',
  '面试',
  '简历',
  '八股',
  '大厂',
  '秋招',
  '春招',
  '校招',
  '实习',
  '外包',
  '算法',
  '刷题',
  '源码',
  '环境',
  '报错',
  '配置',
  '安装',
  '部署',
  '学习路线',
  '入门',
  '零基础',
  '自学',
  '找工作',
  '就业',
  '薪资',
  '工资',
  '涨薪',
  '跳槽',
  '裁员',
  '35岁',
  '课程',
  '课件',
  '资料',
  '全集',
  '文字版',
  '字幕',
  '投屏',
  '高清',
  '画质',
  '背景音乐',
  '更新',
  '下一期',
  '价格',
  '优惠',
  '免费',
  '付费',
  '退款',
  'machine learning',
  'deep learning',
  'data science',
  'data scientist',
  'data analyst',
  'computer science',
  'game dev',
  'game development',
  'software engineer',
  'web dev',
  'node.js',
  'vue3',
  'c++',
  'c#',
  'next.js',
  'react native',
  'open source',
  'free tier',
  'api access',
  // A device's or product's build, which the playback theme's "quality" (of a video) is not.
  'build quality',
];

const LATIN_LEXICON = LEXICON.filter((t) => /^[\x20-\x7e]+$/u.test(t));
/** Chinese terms kept whole: the lexicon's, and the seed themes' longer than a bigram ("多少钱"). */
const HAN_LEXICON = [
  ...new Set([
    ...LEXICON.filter((t) => !LATIN_LEXICON.includes(t)),
    ...SEEDS.flatMap((s) => s.terms.filter((t) => t.length > 2 && /^\p{Script=Han}+$/u.test(t))),
  ]),
];

const SEED_TERMS = new Set(SEEDS.flatMap((s) => s.terms));

let hanSegmenter: Intl.Segmenter | undefined;
/** Chinese word boundaries, made once: words of Han runs here, whole words of a label's phrase in labels.ts. */
export const zhWords = (): Intl.Segmenter =>
  (hanSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

/** Words of a run of Han characters (Intl.Segmenter costs ~30× a regex, so it sees Han runs only). */
function hanWords(run: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of zhWords().segment(run)) if (isWordLike) words.push(segment);
  return words;
}

/** Plural and -ing forms folded so "videos"/"video" and "learning"/"learn" meet; crude on purpose. */
function stem(word: string): string {
  if (/[.+#]/u.test(word)) return word;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const MONEY =
  /[$¥￥€£]\s?\d|\d(?:[.,]\d+)?\s?(?:[km]\s?)?(?:[$€£]|usd|dollars?|bucks|元|块钱|块)|(?:rmb|usd)\s?\d|\b(?:per|\/)\s?(?:month|year|user|seat)\b|\/mo\b|\b(?:monthly|yearly|annual) (?:fee|plan|price|cost|subscription|payment)|每(?:月|年)/iu;
/** The token money amounts and prices per period add; a seed term of the pricing theme. */
export const PRICE_TOKEN = 'price';

/** Need tokens start with this mark, which no word holds: labels leave them out. */
export const NEED_MARK = '§';

/**
 * Phrases that name a kind of need whatever its topic ("make a video on …", "where can I download",
 * "can't get it to work", "what does … mean", "出一期", "什么意思"), each added as one need token that a seed theme holds: the
 * topic words around them (and the stop words inside them) would otherwise decide the group.
 */
const NEED_PHRASES: readonly [RegExp, string][] = [
  [
    /\b(?:make|do|upload|create|record|cover) (?:a|an|more|another|some|the next) (?:\w+ ){0,2}(?:videos?|tutorials?|series|course|part|episode)\b|\b(?:next|another|more) (?:videos?|tutorials?|episodes?|parts?)\b|\bpart (?:2|two|ii)\b|出一期|出一个|出个|下一期|更新|催更|求更|后续|下部|全套|出一套|第[二三四五六七八九十0-9]+(?:集|期|部|季)/u,
    `${NEED_MARK}more`,
  ],
  [
    /\bwhere (?:can|do|did|could|to) (?:i |we |you )?(?:find|get|download|buy|watch|read)\b|\bsource code\b|哪里(?:看|买|找|下|有)|在哪(?:看|买|找|下)|发一份|网盘|下载/u,
    `${NEED_MARK}materials`,
  ],
  [
    /\bhow (?:do|should|can|could|would) (?:i|we|one|a beginner) (?:start|begin|learn|get into|become|get started|prepare|study)\b|\bwhere (?:do|should|can) (?:i|we) (?:start|begin)\b|怎么学|如何学|从哪(?:里|儿)?(?:开始|学|入手)|适合\p{Script=Han}{0,6}[吗么]/u,
    `${NEED_MARK}path`,
  ],
  [
    /\b(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|won'?t|can'?t|cannot|could ?n[o']t|unable to) (?:\w+ ){0,3}(?:work|run|load|compile|install|build|connect)\b|\bnot (?:working|loading|showing|compiling)\b|\bstopped working\b|\b(?:fails?|failed|failing|broken)\b|\bno luck\b|\bnot having (?:any )?luck\b|跑不起来|不生效|没反应|出错|失败|运行不了|打不开/u,
    `${NEED_MARK}broken`,
  ],
  [
    /\bwhat (?:is|are|does|do) (?:\w+ ){0,4}mean\b|\bdifference between\b|\bwhat(?:'s| is) the difference\b|(?<![没有])(?:什么|啥)意思|区别|怎么理解|是什么意思|(?:听|看|搞)不懂|没(?:完全|太)?(?:听|看|搞)?懂|不(?:太|好)?理解|懵|蒙圈|难消化|有点难|太绕|^[晕蒙][~～!！]*$/u,
    `${NEED_MARK}concept`,
  ],
];

const HAN_RUN = /\p{Script=Han}+/gu;
/** Words of scripts written with spaces; "c++", "c#", "node.js" and "don't" stay whole. */
const LETTER_NOT_HAN = String.raw`(?:[^\P{L}\p{Script=Han}]|\p{N})`;
const LATIN_WORD = new RegExp(
  `${LETTER_NOT_HAN}(?:${LETTER_NOT_HAN}|[+#'])*(?:\\.${LETTER_NOT_HAN}+)*`,
  'gu',
);

/**
 * The word a reader knows for each term a label shows: a stem's most frequent form in the texts
 * ("series" for "serie"), ties to the shorter. Terms no word of the texts stems to are left out.
 */
export function surfaceForms(texts: readonly string[], terms: readonly string[]): Map<string, string> {
  const wanted = new Set(terms);
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts)
    for (const match of text.toLowerCase().match(LATIN_WORD) ?? []) {
      const word = match.replace(/'/gu, '');
      const term = stem(word);
      if (!wanted.has(term)) continue;
      const forms = counts.get(term) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(term, forms);
    }
  const out = new Map<string, string>();
  for (const [term, forms] of counts) {
    const [best] = [...forms].sort(
      (a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1),
    );
    out.set(term, best![0]);
  }
  return out;
}

/**
 * The grouping tokens of normalised text, stop words removed; repeats kept (term frequency).
 * `bigrams: false` keeps whole words only (for listing terms to people, as in bios).
 */
export function tokenize(text: string, lang: Lang, bigrams = true): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  // Amounts of money and prices per period speak of price whatever the words around them.
  if (MONEY.test(lower)) out.push(PRICE_TOKEN);
  if (bigrams) for (const [phrase, token] of NEED_PHRASES) if (phrase.test(lower)) out.push(token);
  // A lexicon term is one unit: "machine learning" says nothing of learning, so its words go.
  let words = lower;
  for (const term of LATIN_LEXICON)
    if (lower.includes(term)) {
      out.push(term);
      words = words.replaceAll(term, ' ');
    }
  const runs = lower.match(HAN_RUN) ?? [];
  // The longest term wins: "背景音乐" (music asked for) holds "背景音" (a sound complained of).
  const han = runs.length === 0 ? [] : HAN_LEXICON.filter((term) => lower.includes(term));
  for (const term of han) if (!han.some((t) => t.length > term.length && t.includes(term))) out.push(term);
  for (const match of words.match(LATIN_WORD) ?? []) {
    const word = match.replace(/'/gu, '');
    if (word.length < 2) continue;
    const stemmed = stem(word);
    // A seed term names a need even where a stop list calls it common ("free", "mean").
    if (SEED_TERMS.has(stemmed) || (!STOP.has(word) && !STOP.has(stemmed) && !/^\d+$/u.test(stemmed)))
      out.push(stemmed);
  }
  // Chinese text for grouping is read by its bigrams (the segmenter costs ~30× a regex and adds little).
  const chineseBigrams = lang === 'zh' && bigrams;
  if (!chineseBigrams)
    for (const run of runs)
      for (const word of hanWords(run)) if (word.length >= 2 && !STOP.has(word)) out.push(word);
  if (chineseBigrams)
    for (const run of runs)
      for (let i = 0; i + 2 <= run.length; i++) {
        const bigram = run.slice(i, i + 2);
        if (!STOP.has(bigram) && !STOP.has(bigram[0]!) && !STOP.has(bigram[1]!)) out.push(bigram);
      }
  return out;
}

/**
 * Words a course audience writes whatever it asks ("问题" is in 15–23% of the needs under four 极客时间
 * courses, "使用" in 12–21%, "learn" in a quarter of the data-science videos), and the bigrams of the
 * ways Chinese comments address the teacher ("请问老师", "想问下老师"): they name no subject.
 */
export const GENERIC_NEED_WORDS: ReadonlySet<string> = new Set([
  ...['问题', '使用', '需要', '理解', '明白', '学习'].flatMap((w) => tokenize(w, 'zh')),
  ...[
    '请问老师',
    '想问下老师',
    '想问一下',
    '请教一下老师',
    '老师请教下',
    '求教老师',
    '望指教',
    '老师您好',
    '老师好',
    '有个疑问',
    '如下',
  ].flatMap((w) => tokenize(w, 'zh')),
  ...['learn', 'issue', 'wait', 'explain'].flatMap((w) => tokenize(w, 'en')),
]);
