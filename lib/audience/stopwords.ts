/**
 * Words that carry no need: the `stopword` package's English and Chinese lists, the fuller English
 * list of stopwords-iso (`stopwords-en`: "when", "so", "may", "someone" — the short list let such
 * words grow themes of their own), plus comment filler (praise, greetings, thanks, "first", 哈哈, 沙发,
 * 打卡, 学到了) and words about commenting itself ("comment", "question", "reply") that would otherwise
 * form themes of their own (BERTopic #972: "No comment" became a topic). Seed terms are kept whatever
 * these lists say (lib/audience/tokens.ts).
 */
import { eng, zho } from 'stopword';
import ISO_EN from 'stopwords-en';
import ISO_ZH from 'stopwords-zh';

const EN_FILLER = (
  'thanks thank thx ty great good nice awesome amazing love loved like lol lmao wow cool best really just ' +
  'video videos channel content first hi hello hey yes yeah ok okay please much also would could get got ' +
  'one even still always ever every lot lots way thing things make made know think see watch watching ' +
  'man guys bro sir mam dude people im ive dont doesnt didnt cant youre thats its isnt wasnt will can ' +
  'no not nah yes well work new time year years day today want need go going keep us me my mine your yours ' +
  // Words about the act of commenting: every comment section holds them, whatever the need.
  'comment comments question questions answer answers reply replies subscribe subscribed btw imo pls plz'
).split(' ');

const ZH_FILLER = (
  '哈哈 哈哈哈 哈哈哈哈 沙发 打卡 学到了 学习了 支持 感谢 谢谢 谢谢分享 分享 真棒 好看 喜欢 非常 真的 一下 一个 这个 那个 ' +
  '就是 还是 但是 因为 所以 如果 我们 你们 他们 自己 什么 怎么 没有 可以 觉得 知道 现在 已经 还有 这样 那样 ' +
  '这么 那么 这些 那些 不是 不会 不能 一样 一直 真是 看了 看完 视频 up主 up 博主 老师 大家 有点 起来 出来 ' +
  // Hedges and degree words: they colour a sentence, they name no need.
  '好像 感觉 似乎 仿佛 突然 比较 其实 确实 应该 可能 也许 大概 一点 一些 有些 有的 特别 稍微 挺 还是说 ' +
  // "how", a stop word in English too: course questions grew a theme of their own from it, one of
  // every topic ("如何让性能提升", "如何审核").
  '如何'
).split(' ');

export const STOP = new Set<string>([...eng, ...ISO_EN, ...zho, ...EN_FILLER, ...ZH_FILLER]);

/**
 * The fuller Chinese list of stopwords-iso (`stopwords-zh`: "通过", "比如", "然后"). Grouping keeps to
 * STOP (a wider list would move every theme); labels show these words after those that name a subject.
 */
export const ZH_FUNCTION_WORDS: ReadonlySet<string> = new Set(ISO_ZH);
