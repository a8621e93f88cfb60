/**
 * Rule-based tags: question, problem (difficulty, error, confusion, complaint) and request (asks the
 * creator to make, cover or do something), in Chinese and English. Cues are weighted by where they
 * sit and how long the sentence is: "?" or 吗 closing a sentence is a question anywhere, while a
 * question word only counts in a short sentence or at the end (in long posts most are not questions;
 * research/audience.md measured "？" alone finding 42% of Chinese questions, the full set 86%).
 */
import { sentences } from './text';
import type { CommentLike, Lang, Tag } from './types';

/** A sentence this long or shorter reads as one utterance; longer ones are prose. */
const SHORT_EN_WORDS = 16;
const SHORT_ZH_CHARS = 22;
/** Comments longer than this are essays. */
const LONG_EN_WORDS = 80;
const LONG_ZH_CHARS = 120;

/** Interrogative openings that ask even without "?" ("how do I …", "is there …", "anyone …"). */
const EN_ASK_START =
  /^(?:(?:how|what|why|where|when|which|who)\s+(?:do|does|did|is|are|was|were|can|could|would|should|will|to|much|many|long)|(?:is|are|do|does|did|can|could|should|will|would|has|have)\s+(?:i|we|you|it|this|that|these|there|anyone|anybody|someone)|any(?:one|body)|any (?:plans?|word|advice|tips?|way))\b/u;
const EN_ASK_PHRASE =
  /\b(?:wondering (?:if|whether|how|what|why)|just wondering|wanted to (?:ask|check|know)|want to know|would like to know|if i may ask|my question|a question|any (?:advice|tips?|ideas?|suggestions?|recommendations?|word on|plans?)|what do you think|your (?:thoughts?|take|opinion|advice) (?:on|about)|please advise|do advise|how would you|could you (?:suggest|recommend|tell)|can you (?:suggest|recommend|tell)|suggest any|recommend any)\b/u;

const ZH_ASK_END = /(?:吗|么|嘛|咩)[\s~～。.!！]*$/u;
const ZH_NE_END = /呢[\s~～。.!！]*$/u;
const ZH_A_NOT_A = /(\p{Script=Han})[不没]\1|有没有/u;
const ZH_ASK_WORD =
  /怎么|怎样|如何|为什么|为何|为啥|干嘛|哪里|哪儿|哪个|哪位|哪些|哪本|什么时候|多少|多久|第几|谁有|谁知道|请问|求问|求告知|求推荐|求解|是否/u;

const EN_PROBLEM =
  /\b(?:errors?|bugs?|clowns?|joke|bankrupt\w*|greed\w*|worst|pathetic|shame|ruin\w*|rip-?off|overpriced|scam\w*|waste|no way|no incentive|not enough|down the (?:tubes|drain)|(?:came|come|coming) to a halt|exceptions?|warnings?|crash(?:es|ed|ing)?|broken|(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|won'?t|wo ?n't|can'?t|cannot|could ?n[o']t) (?:work|run|load|install|compile|let|get|find|access|afford|understand|figure)|not working|stopped working|stuck|struggl\w*|confus\w*|(?:hard|difficult) to (?:understand|follow|find|get|keep)|difficult|difficulty|too (?:hard|expensive|fast|slow|complicated)|overwhelm\w*|hurdles?|suspended|banned|lost access|lose access|frustrat\w*|disappoint\w*|terrible|awful|sucks?|stupid|useless|ridiculous|insane|exhausting|issues?|problems?|fail(?:s|ed|ing)?|wrong|imposter|lose my|lost my|pending)\b/u;
const ZH_PROBLEM =
  /[太好很超]难(?!吗)|难(?:懂|学|受|搞|用|找|啃|理解|度)|不懂|看不懂|听不懂|不明白|不理解|报错|错误|bug|卡住|卡在|跑不起来|运行不了|打不开|用不了|不能|失败|看不下去|读不进去|提不起|记不住|忘了|遮住|遮挡|模糊|不清|虚|不太?喜欢|无奈|(?<!不)缺|只有图|只能看到|侵权|太贵|坑|垃圾|崩溃|头疼|焦虑|迷茫|怎么办|不会/u;

/**
 * Request phrasings, one pattern each: each starts with a literal, which the regex engine scans for
 * quickly (one alternation of them all cost a third of the whole analysis).
 */
const EN_REQUESTS = [
  /\b(?:please|pls|plz|kindly) (?:\w+ )?(?:make|do|upload|explain|cover|share|start|add|create|consider|continue|keep|bring|post|teach|talk|show|give|let|remove|fix|allow|never stop|don'?t stop|release)\b/u,
  /\b(?:can|could|would|will) (?:you|u) (?:please |pls |also )?(?:make|do|upload|explain|cover|share|start|add|create|consider|give|shout|teach|talk|show|post|bring|remove|fix|allow|let|release|continue|maybe)\b/u,
  /\b(?:i'?d|i would|would) love (?:to see|to hear|some more|more|a video|a tutorial|a series)\b/u,
  /\bhope (?:you|he|she|they) (?:will |would )?(?:start|make|do|cover|continue|keep|bring|upload)\b/u,
  /\b(?:more|another|next|a) (?:videos?|content|tutorials?|episodes?|parts?|series|course|podcast) (?:on|about|like|covering)\b/u,
  /\blooking forward to (?:more|the next)\b/u,
  /\b(?:up|great|nice|cool|fun) to see more\b/u,
  /\bkeep (?:making|uploading|posting|the (?:videos|content) coming)\b/u,
  /\bnever stop making\b/u,
  /\bsuggestions?\b/u,
  /\bhave you (?:considered|thought about)\b/u,
  /\b(?:should|could) (?:you )?add\b/u,
  /\bmake (?:a|an) \w+ (?:for|on|about|next)\b/u,
  /\bneed to remain\b/u,
];
const ZH_REQUEST =
  /求(?:出|更|讲|做|分享|资源|链接|全集|一份|带|个)|希望(?:能|可以)?(?:讲|出|更|继续|多|做|分享|up)|能不能(?:出|讲|做|更|分享)|可以(?:出|讲|做)一|出一期|出一个|来个|来一期|来一套|发一份|给我发|更新呀|快更|催更|下一期|下部|继续更新|多讲|讲讲|总结一下|整理一下|建议(?:出|讲|做|up)|请(?:出|讲|做|更|分享)/u;

/** Quoted words are someone else's ("Lost to us forever, or are they?"), not the commenter's ask. */
const QUOTED = /"[^"]*"|“[^”]*”|「[^」]*」|『[^』]*』/gu;

/**
 * Questions that argue rather than ask: they expect no answer, so they are not the audience's
 * questions (debates between commenters are full of them).
 */
const EN_RHETORICAL =
  /\b(?:what makes you think|what data makes you think|don'?t you think|why not just|you want us to|imagine|who cares|are you (?:serious|kidding)|how dare|can you do anything)\b/u;
const ZH_RHETORICAL = /难道|你信不信|凭什么|何必|有什么好|还不是|不就是|你也太|你就是|你错了|很难吗|好笑|杠/u;

/** "Could you make a video on …?" asks for an action, not an answer: a request, not a question. */
const EN_POLITE_REQUEST =
  /^(?:can|could|would|will) (?:you|u) (?:please |pls |also |maybe )?(?:make|do|upload|explain|cover|share|start|add|create|consider|give|shout|teach|talk|show|post|bring|remove|fix|allow|let|release|continue|help)\b/u;
const ZH_POLITE_REQUEST = /^(?:能不能|可不可以|可以)(?:出|讲|做|更|分享|发)/u;

/** Cues that someone wants an answer, not only a question mark. */
const EN_GENUINE =
  /\b(?:how (?:do|can|could|did|would|should|to|much|many|long) |where (?:can|do|did|is|are|to) |is there (?:any|a|an) |are there (?:any|some) |which (?:one|is|are|book|course|language|role)|any (?:plans?|word|advice|tips?|free|way)\b)/u;
const ZH_GENUINE =
  /请问|为什么|为啥|为何|求问|想问|有没有|哪里|哪儿|哪位|怎么(?:办|学|弄|做|看|用|才|样)|如何|有(?:\p{Script=Han}{1,6})[吗么嘛]|适合|能不能/u;

const ZH_EXPLICIT = /请问|求问|想问|求告知|求推荐|求解/u;

type Ask = 'genuine' | 'marked' | false;

function sentenceAsks(s: string, lang: Lang, last: boolean): Ask {
  const marked = /[?？]\W*$/u.test(s);
  if (lang === 'en') {
    if (EN_POLITE_REQUEST.test(s)) return false;
    if (EN_ASK_PHRASE.test(s) || (marked && EN_GENUINE.test(s))) return 'genuine';
    const words = s.split(/\s+/u).length;
    if (marked) return words >= 2 ? 'marked' : false;
    return EN_ASK_START.test(s) && (words <= SHORT_EN_WORDS || last) ? 'marked' : false;
  }
  if (ZH_POLITE_REQUEST.test(s)) return false;
  const short = s.length <= SHORT_ZH_CHARS || last;
  const asks =
    marked ||
    ZH_ASK_END.test(s) ||
    (ZH_NE_END.test(s) && (s.length <= 8 || ZH_ASK_WORD.test(s) || ZH_A_NOT_A.test(s))) ||
    (short && (ZH_ASK_WORD.test(s) || ZH_A_NOT_A.test(s)));
  if (!asks) return false;
  return ZH_GENUINE.test(s) ? 'genuine' : 'marked';
}

function arguing(text: string, lang: Lang, sideThread: boolean): boolean {
  return (
    (lang === 'en' ? EN_RHETORICAL : ZH_RHETORICAL).test(text) ||
    (sideThread && (lang === 'en' ? /\byou\b/u : /你(?!们)/u).test(text))
  );
}

/**
 * A comment asks when one sentence carries a cue of wanting an answer, or when a question stands
 * where questions stand (the last sentence, or a comment of one or two sentences) in a comment that
 * does not argue (rhetorical markers, or a reply to another commenter speaking to "you").
 */
function isQuestion(text: string, lang: Lang, sideThread: boolean): boolean {
  const parts = sentences(text.replace(QUOTED, ' '));
  const explicit = lang === 'en' ? EN_ASK_PHRASE : ZH_EXPLICIT;
  if (arguing(text, lang, sideThread)) return explicit.test(text);
  // In an essay a question is usually a device; the asks of long comments come last or say so.
  const long = lang === 'en' ? text.split(/\s+/u).length > LONG_EN_WORDS : text.length > LONG_ZH_CHARS;
  return parts.some((s, i) => {
    const last = i === parts.length - 1;
    const ask = sentenceAsks(s, lang, last);
    if (!ask) return false;
    if (long && i < parts.length - 2) return explicit.test(s);
    return ask === 'genuine' || last || parts.length <= 2;
  });
}

/** "not our problem", "no issues", "没有遮挡" deny the difficulty they name. */
const EN_NEGATION = /\b(?:no|not|n't|never|without|aren't|isn't)\s+(?:\w+\s+)?$/u;
const ZH_NEGATION = /(?:没有|没|不|无)$/u;

const PROBLEM_RULES: Record<Lang, [RegExp, RegExp][]> = {
  zh: [
    [new RegExp(ZH_PROBLEM.source, 'gu'), ZH_NEGATION],
    [new RegExp(EN_PROBLEM.source, 'gu'), EN_NEGATION],
  ],
  en: [[new RegExp(EN_PROBLEM.source, 'gu'), EN_NEGATION]],
};

function hasProblem(text: string, lang: Lang): boolean {
  return PROBLEM_RULES[lang].some(([rule, negation]) => {
    for (const m of text.matchAll(rule))
      if (!negation.test(text.slice(Math.max(0, m.index - 14), m.index))) return true;
    return false;
  });
}

/**
 * The tags of a normalised comment, in TAGS order. `sideThread`: the comment answers another
 * commenter rather than the post (there, questions to "you" are mostly arguments).
 */
export function tagsOf(original: string, lang: Lang, sideThread = false): Tag[] {
  // Lower case once, so every rule is case-sensitive: far faster in V8 than the i flag.
  const text = original.toLowerCase();
  const tags: Tag[] = [];
  if (isQuestion(text, lang, sideThread)) tags.push('question');
  // Arguing with the creator (not with another commenter) is a complaint.
  const complains = !sideThread && (lang === 'en' ? EN_RHETORICAL : ZH_RHETORICAL).test(text);
  if (complains || hasProblem(text, lang)) tags.push('problem');
  if (lang === 'zh' ? ZH_REQUEST.test(text) : EN_REQUESTS.some((r) => r.test(text))) tags.push('request');
  return tags;
}

/** A reply to another comment (or, on X, to a reply) rather than to the post. */
export const sideThread = (c: CommentLike): boolean =>
  Boolean(c.parentId) || Boolean(c.replyTo && c.conversationId && c.replyTo !== c.conversationId);
