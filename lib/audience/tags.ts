/**
 * Rule-based tags: question, problem (difficulty, error, confusion, complaint) and request (asks the
 * creator to make, cover or do something), in Chinese and English. Cues are weighted by where they
 * sit and how long the sentence is: "?" or 吗 closing a sentence is a question anywhere, while a
 * question word only counts in a short sentence or at the end (in long posts most are not questions;
 * research/audience.md measured "？" alone finding 42% of Chinese questions, the full set 86%).
 */
import { hanCount, sentences } from './text';
import type { CommentLike, Lang, Tag } from './types';

/** A sentence this long or shorter reads as one utterance; longer ones are prose. */
const SHORT_EN_WORDS = 16;
const SHORT_ZH_CHARS = 22;
/** Comments longer than this are essays. */
const LONG_EN_WORDS = 80;
const LONG_ZH_CHARS = 120;

/** Interrogative openings that ask even without "?" ("how do I …", "is there …", "anyone …"). */
const EN_ASK_START =
  /^(?:(?:how|what|why|where|when|which|who)\s+(?:do|does|did|is|are|was|were|can|could|would|should|will|to|much|many|long)|(?:how|what|where|who)'s|how (?:i|we|you) (?:can|could|should|do)\b|how come|why (?:we|i|you|he|she|they|it)|which (?:\w+ )?(?:is|are|should|would|do|does)|(?:from )?where (?:can )?i (?:can )?(?:find|get|download)|(?:is|are|do|does|did|can|could|should|will|would|has|have)\s+(?:i|we|you|it|this|that|these|there|anyone|anybody|someone)|any(?:one|body)|any (?:plans?|word|advice|tips?|way)|(?:when|if|once|after|before) [^,?]{1,60}?,? (?:does|do|is|are|can|could|will|would|should|did) (?:it|this|that|they|i|you|we|the))\b/;
const EN_ASK_PHRASE =
  /\b(?:wondering (?:if|whether|how|what|why)|just wondering|(?:two|three|a few|few|some|several|a couple of|couple of|quick) questions(?: (?:about|regarding|on|for you)[^.:!?]{0,30})?(?=:)|(?:were|was|are|is|did|do) you \w+(?: \w+){0,4} or (?:did|do|were|are|was|is) you|curious (?:to know|whether|if|how|why|what)|wanted to (?:ask|check|know)|want to know|(?:would|'d) like to know|if i may ask|(?:do ?n[o']t|do not) mind (?:me )?asking|(?:could|can) use (?:some |your )?help|need (?:some |your )?help|any help|(?:can|could) (?:anyone|anybody|someone|somebody|you) (?:please )?help|is it possible to|not sure (?:how|what|why|where)|any (?:idea|clue|thoughts|pointers|guidance)\b|(?<!(?:to|answering|answered|responding|for) )my question|a question|any (?:advice|tips?|ideas?|suggestions?|recommendations?|word on|plans?)|what do you think|your (?:thoughts?|take|opinion|advice) (?:on|about)|(?:have|got) (?:a |one |some |a small |small )?doubts?|my doubts?|correct me if (?:i'?m|i am)|please advise|do advise|how would you|could you (?:suggest|recommend|tell)|can you (?:suggest|recommend|tell)|suggest any|recommend any)\b/;

const ZH_ASK_END = /(?:吗|么|嘛|咩|来着)[\s~～。.!！?？]*$/u;
const ZH_NE_END = /呢[\s~～。.!！?？]*$/u;
/** 吗 before a comma or a space asks in mid-sentence ("我可以这样理解吗，方法区…", "这句话能解释一下吗 看不懂"). */
const ZH_ASK_MID = /(?<![了行])吗[，,\s]/u;
/**
 * A clause closed by "？" that infers or checks a reading asks ("所以pod的owner应该是rs？", "这里想说的是HDD？"),
 * as does a choice ("…，还是多个值合成一个useState呢？"), and so does one in a comment written to the
 * teacher ("老师cpu平均是活动进程/cpu核数，sleep平均也是sleep/CPUcore数量？");
 * other marked clauses are as often sarcasm in danmaku ("这英语还不好？"), and a bare term with "？" shouted at
 * the video answers the video ("梯度下降算法？").
 */
const ZH_MARKED_CLAUSE = /应该|所以|是指|指的是|想说的是|的意思|还是|也就是|没(?:讲|说|提)/u;
/** "HTTPDNS能支持HTTPS 不": a yes-no question closed by 不. */
const ZH_NOT_END = /(?:能|会|可以|是|有|要)[^，。！？,!?不]{1,30}不[\s?？~～]*$/u;
/** "那…呢？", "如果…呢？": what about …, a question however long. */
const ZH_WHAT_ABOUT = /^(?:那|那么|如果|要是|假如)\p{Script=Han}.*呢[\s~～]*[?？]?$/u;
const ZH_A_NOT_A = /(?!敢)(\p{Script=Han})[不没]\1|有没有|有[么木]有/u;
const ZH_ASK_WORD =
  /怎么|怎样|如何|为什么|为何|为啥|干嘛|什么(?![都也鬼]|玩意)|啥(?![都也])|咋(?:做|弄|办|样|回事|用|学|理解)|哪里|哪儿|哪一?(?:个|位|些|本|种|句|步)|什么时候|多少|多久|多大|多长|第几|谁有|谁知道|请问|求问|想问|想知道|求告知|求推荐|(?<![需要])求解|是否|(?<![但就还可总于要])是[^，。！？,!?]{1,16}还是|请教|在哪/u;

const EN_PROBLEM = new RegExp(
  // A crash course is a short course: a name holding a cue word, not a crash. Bugs one fixes or finds are advice.
  String.raw`\b(?!crash course)(?:errors?|(?<!(?:fix|fixing|find|finding|catch|catching) (?:the |those |any |all )?)bugs?|buggy|exceptions?|warnings?|crash(?:es|ed|ing)?|broken|freez(?:es|ing)|glitch\w*|lagg(?:y|ing)|` +
    // Complaints about the creator's product, price or decisions.
    String.raw`clowns?|(?:is|what) a joke|bankrupt\w*|greed\w*|worst|pathetic|shame(?:ful|less)?|ruin\w*|rip-?off|overpriced|scam\w*|(?:a|of) waste|no incentive|not enough|down the (?:tubes|drain)|(?:came|come|coming) to a halt|suspended|banned|lost access|lose access|frustrat\w*|disappoint\w*|terrible|awful|sucks?|stupid|useless|ridiculous|exhausting|pending|` +
    `(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|won'?t|wo ?n't|would ?n[o']t|will not|can'?t|can ?not|could ?n[o']t|unable to|not able to) (?:work|run|load|install|compile|open|connect|let|(?<!(?:do|does|did) ?n[o']t )get|find|locate|access|afford|understand|figure|follow|keep up|see|hear|download|configure|set ?up|build|deploy|publish|submit|display|fix|solve|import|push|upload|render|apply|appear|show up|take effect)|n[o']t seem to (?:work|load|run|show|apply|change|render|take effect)|(?:not|n't) (?:showing|loading|rendering|displaying|updating) (?:up|at all|anymore|any ?more|properly|correctly)|` +
    String.raw`decrease in respons\w*|not working|stopped working|(?:almost|not quite|not fully) working|(?:no|any) luck|not having luck|impossible|(?:is|are|was|were|i'?m|am) (?:\w+ )?missing|missing (?:something|(?:\w+ ){0,3}(?:credentials?|files?|modules?|dependenc\w+|keys?|permissions?|fields?|steps?|episodes?|parts?))|all i (?:get|got|see) is|(?:a lot of|too much|so much|such a) (?:trouble|hassle)|run(?:ning)? into (?:an? |some |the |this |that )?(?:issues?|problems?|errors?|trouble)|no longer (?:work|show|load|appear|open|connect|display|respond|sync|launch|charge)\w*|(?:can'?t|cannot|could ?n'?t) seem to|(?:one|only|the|my|another|a) (?:problem|issue)(?=\s*:|\s+is\b)|find(?:ing)? it (?:very |really |quite |a bit |so |too )?(?:difficult|hard|tough)|(?:having|have|had|has) (?:a |such a )?(?:hard|tough|difficult) time|keeps? (?:crashing|failing|getting)|stuck(?! to\b)|(?<!(?:the|their|his|her|our) )struggl\w*|confus\w*|lost me|(?:i'?m|i am|am|got|get|getting) (?:so |totally |completely |really |kinda |a bit |bit )?lost(?! (?:for|in) )|` +
    // Difficulty in words: "hard" needs a subject or degree ("too hard", "it's hard to follow").
    String.raw`(?:hard|difficult|impossible) to (?:understand|follow|find|get|keep|learn|grasp|hear|see|read)|(?:is|was|are|were|been|too|very|really|quite|pretty|bit|it'?s) (?:difficult|hard)(?! work| of hearing)|difficulty|too (?:hard|expensive|fast|slow|complicated|complex|long|quiet|loud|advanced|wide|big|small|thick|thin|narrow|blurry|dark|heavy)|making (?:it |\w+ ){0,3}(?:difficult|hard)|(?:destroyed|wiped out|deleted) (?:my |entire |all |the )|overwhelm\w*(?! with (?:nostalgia|joy|emotions?|gratitude|happiness|love|pride))|hurdles?|imposter|burn(?:ed|t|ing) out|(?:a |the )?lack of (?:\w+ )?(?:examples?|explanations?|details?|clarity|depth|code|exercises?|structure)|lose my|lost my|` +
    // "problem" and "issue" name a topic as often as a difficulty: only someone's own, or one that is there.
    `(?:i|we) (?:have|had|got|get|keep getting|am having|'?m having|are having|was having) (?:an? |the |this |that |same |the same |some |many |lots of |so many )?(?:issues?|problems?|trouble|errors?)|having (?:an? |some |the same |so many )?(?:issues?|problems?|trouble)|(?:issues?|problems?|trouble) (?:with|when|while|installing|running|getting)|(?:there'?s|there is|there are|is there) (?:an? |some )?(?:issues?|problems?|bug|error|mistake)|my (?:issue|problem)|the (?:issue|problem) i (?:had|have|am having|'?m having|face|faced)|click ?bait|misleading|thumbs down|(?:you|u|he|she|they) (?:did ?n[o']?t|never|forgot to) (?:really |even )?(?:explain|mention|cover|talk about)|(?:could|should)(?: have|'ve) (?:been )?explained|(?:you|u) (?:should|could)(?: have|'ve) (?:done|used|shown|covered|included|mentioned)|not a (?:good|great|clear) explanation|no clarity|(?:this guy|this teacher|the teacher|this instructor|the instructor|he|she|you|u) (?:does ?n[o']?t|do ?n[o']?t|does not|do not) know how to (?:teach|explain)|talks? too much|(?:you|he|she) (?:have |has )?missed (?:it|something|a|an|the|one)|typos?|no (?:sound|audio)|(?:\\d{1,2}:)?\\d{1,2}:\\d{2},? (?:is |was )?(?:wrong|incorrect)|(?:audio|sound) (?:\\w+ ){0,3}(?:cuts? out|cutting out|drops? out|is (?:gone|missing|off|low|bad|terrible))|(?:did ?n[o']t|does ?n[o']t) (?:really |actually )?help|` +
    String.raw`(?:went|goes|go|is|was|something'?s?|anything) wrong|wrong (?:answer|output|result|code|formula|value|link)|i (?:really |still |just )?(?:don'?t|do'?nt|do not|didn'?t|still don'?t) (?:quite |really |fully |totally )?(?:get|understand)(?: (?:it|this|that|why|how|the|what)\b|(?= *(?:[.!,;:)]|$)))|fail(?:s|ed|ing)? (?:to|at|on|with|when)|(?:i|it) failed)\b`,
  '',
);
const ZH_PROBLEM = new RegExp(
  [
    // Difficulty and confusion.
    '[太好很超]难(?![吗过])|不(?:是很|大|怎么)懂|无从下手|不知(?:道)?从何下手|苦于|有点难|越来越难|超纲|麻了|难(?:懂|学|受|搞|用|找|理解|度|消化)|难死|不(?:太|大)?好(?:理解|懂)|(?<![你他她谁])不懂(?!就问|你|他|她|的(?:人|同学|朋友|小伙伴|建议|可以|去|先|话))|看不懂(?!的(?:人|同学|朋友|小伙伴|建议|可以|去|先|话))|听不懂(?!的(?:人|同学|朋友|小伙伴|建议|可以|去|先|话))|没看懂|没听懂|没搞懂|不(?:太|大|是很|怎么)(?:理解|明白)|没(?:太|怎么|有太)(?:理解|看懂|听懂|明白)|(?<!解决了?我?的?|解答了?我?的?)(?:困惑|疑惑)|没头绪|(?<!(?:是否|会不会|会|怕)(?:很|太|有点|比较)?)吃力|头大|头晕|似懂非懂|困扰|太(?:理论|抽象)|过于(?:理论|抽象|基础|简单)|没有?(?:说|讲)清楚|(?:写|做|跑|算)不(?:对|出来|通)|搞不懂|弄不懂|不明白|不理解|一头雾水|懵|蒙圈|蒙逼|蒙了|^蒙[~～!！]*$|没(?:完全|太|怎么|全)(?:听|看|搞)?懂|放弃了|[太好很]绕|有点绕|绕晕|晕|云里雾里|天书|没有?(?:懂|理解|明白|听明白|看明白|学会)|不太懂|在说什么|什么鬼|跟不上|学不会|记不住|(?:又|都|就|总是?|全)忘(?:记)?了|把\\p{Script=Han}{1,6}忘了|(?:我|还是|都|完全|根本|真的)不会(?!吧|的|啊)|不会(?:用(?!到)|写|做|弄|装|配)',
    // Errors and things that do not work; errata, stated ("这里…应该是…") or asked ("这里的集合{a}是不是应该为{x}？", GUIDE.md: question and problem).
    '报错|(?:貌似|好像|似乎|感觉)(?:有点|有些)?不对|错误(?!的)|出错|(?:出现|抛出?|报|发生|有)异常|异常了|(?<![a-z])bug|(?<![会否没个])有(?:点|些)?问题(?![想要请吗么呢？?])|写错|错别字|笔误|有误|(?:有点|会|容易|可能)误导|误导(?:新人|读者|初学者|小白|大家|人)|偷换概念|(?:这里|文中|原文|代码|图中|图里|这句|这段)[^，。！？]{0,12}(?:应该(?:是|用|为)(?![^。！？!?]{0,60}[?？])|(?:是不是|是否)应该(?:是|用|为))|卡住|卡在|卡顿|卡了|跑不起来|运行不了|打不开|进不去|登不上|登录不了|用不了|看不了|装不上|安装不了|下载不了|找不到|不显示|没反应|闪退|崩了|崩溃|白屏|黑屏|失效|失败|无效|被拒|拒了|没法(?:用|登|付|充|打开|运行|订阅|绑定|安装)|充不(?:上|进)|被封了|(?:号|账号)被封|被ban|无法(?:使用|用|运行|打开|登录|登陆|安装|下载|显示|连接|访问|支付|付款|充值|绑定|加载|播放|注册|订阅|观看|正常)|不能(?:用|看|播|运行|打开|下载|登|安装|显示|投屏|正常|全屏)',
    // Watching and reading.
    '看不下去|读不进去|提不起|遮住|遮挡|模糊|看不清|听不清|听不到|声音(?:太|有点|好)?小|没(?:有)?声音|(?:画面|画质|字幕?)(?:有点|太|好)?虚|不清楚|缺(?:几|了|集|一集|字|页|声|画|内容)|只有图|只能看到|(?:太|有点)(?:快|慢|长)(?!乐|点)|讲(?:得|的)好?快|这都(?:是)?(?:啥|什么)',
    // What learners running a course's code meet: a pasted error, a hang or slowness, an API gone or unsupported,
    // access refused, poor results.
    'traceback|ratelimit|exceeded your|has no attribute|unexpected keyword|no module named|cannot import|permission denied|超时|卡着|不生效|没有?生效|(?<!能否|是否)(?:不|没有?)成功|没有?(?:按|达到)预期|理不顺|不清晰|有点乱|(?:很|太|特别|非常|巨|好)慢|(?:发现|好像|似乎|貌似|竟然|居然|并|都)不支持|(?:似乎|好像|貌似)没有了|被(?:删除|删|移除)了|移除了|不存在了|(?:不能|无法)(?:注册|调用|添加|找到|访问|生成|创建|导入|获取|请求|启动|执行|部署)|(?:无|没有)权限|(?:效果|结果)(?:很|太|比较|非常)?(?:差|不好|不理想)|不准确|(?<!不)(?:很|好|有点|比较)奇怪|越看越|迷糊|糊涂|不全(?!面)|打错|(?:应该|是不是|要)(?:将|把)?[^，。！？,!?]{0,30}改(?:为|成)|遇到(?:了)?(?:一个|个|些|一些|同样的|类似的)?(?:问题|坑)',
    // Complaints and worries.
    '(?:太|好|很|真|挺|这么|不是一般的|有点|死)贵|复杂化|失望|失落|没(?:什么|啥)意义|不太?喜欢|无奈|侵权|肉疼|难受|捉襟见肘|不够用|坑|垃圾|头疼|焦虑|迷茫|劝退|怎么办|(?:为什么|为啥|凭什么)不(?:能|肯|给|让|愿意)',
  ].join('|'),
  'u',
);

/**
 * A suggestion for the creator's work ("Quick idea: …", "what if you release …", "I suggest a rematch"):
 * a request (GUIDE.md), also when put as a question.
 */
const EN_SUGGESTION = String.raw`\b(?:(?:my|a|one|small|quick|little) suggestion|suggestion ?:|i (?:would |'d )?suggest (?:you|that you|making|doing|a|an|adding|using|giving))\b|^(?:(?:quick|an?|one|my|small|little|just an?) )?idea\b[^:.!?]{0,40}:|\bwhat if you\b`;

const EN_SUGGESTS = new RegExp(EN_SUGGESTION);

/** Request phrasings (no u flag: V8 runs this alternation three times faster without it). */
const EN_REQUEST = new RegExp(
  [
    String.raw`\b(?:please|pls|plz|kindly) (?!(?:do )?explain (?:to )?me\b|make sure\b|let (?:him|her|this \w+) (?:teach|be)\b)(?:\w+ )?(?:make|do|upload|explain|cover|share|start|add|create|consider|continue|keep|bring|post|teach|talk|show|give|let|remove|fix|allow|never stop|don'?t stop|release|write|update|include|publish|ditch|drop|complete|finish|look into)\b`,
    // "How would you include…" asks how, not for something to be done.
    String.raw`\b(?:can|could|would|will)(?<!\b(?:how|why|what|where|when|which) \w+) (?:you|u) (?:please |pls |also )?(?:make|do|upload|provide|offer|compile|explain(?! (?:to me |me )?(?:how|why|what|where|which|whether|if|the (?:relation|difference)))|cover|share|start|add|create|consider|look into|give(?! (?:me|us) (?:some |any |a )?(?:direction|advice|tips?|help|pointers?|hints?|guidance))|shout|teach|talk|show|post|bring|remove|fix|allow|let|release|continue|maybe|write|update|include|publish|port|support|record)\b`,
    String.raw`\b(?:i'?d|i would|would) love (?:to see|to hear|to watch|some more|more|a video|a tutorial|a series|for (?:a|an|you to|more))\b`,
    // Waiting for the next one, as GUIDE.md counts it: "can't wait to see", "awaiting the next installment".
    String.raw`\b(?:can'?t wait to see|await(?:ing)? (?:the |your )?(?:next|more|new)|excited (?:about|for|to see) (?:\w+ ){0,2}(?:next|more|new|upcoming))\b`,
    String.raw`\b(?:would|'d) (?:really |greatly |very much )?appreciate (?:a|an|more|some|if you)\b`,
    String.raw`\b(?:app|version|port|support|mode|option|tutorial|video|series|course|update) (?:please|pls|plz)\b`,
    // Wishes addressed to the creator (GUIDE.md: "Hopefully we'll see some cool projects", "Hoping for an honest
    // critique.", "Wish the app was available for androids"); encouragement ("I hope you keep at it") is not one.
    String.raw`\bhope (?:you|he|she|they) (?:will |would )?(?:start|make|do|cover|continue|keep(?! (?:at it|it up|going|up the))|bring|upload)\b|\bhopefully (?:we|you)(?:'ll| will) (?:see|get|make|do|cover)\b|\bhoping for (?:an? |some |your )?(?:\w+ )?(?:critique|feedback|review|video|tutorial|follow[- ]up)\b|\bwish (?:the|this|your) (?!(?:guy|man|teacher|professor|prof|dude|lady|person|instructor|lecturer) )\w+ (?:was|were|had|supported|came)\b`,
    String.raw`\b(?:curious|wondering|wonder(?:ed)?) (?:if|whether) (?:you|u) (?:would|could|can|will|might|plan to|are going to) (?:ever |also |maybe )?(?:make|do|cover|post|upload|create|start|write|record|address|discuss|talk about|consider|put|share|show|elaborate|go (?:into|over|through))\b`,
    String.raw`\b(?:more|another|next|a) (?:videos?|content|tutorials?|episodes?|parts?|series|course|podcast) (?:on|about|like|covering)\b`,
    String.raw`\b(?:look(?:ing)? forward to|can'?t wait for|waiting for) (?:your |the |a )?(?:next|more|new|future|upcoming|(?:\w+ ){0,2}(?:tutorials?|videos?|guides?|articles?|episodes?|series) next)\b`,
    String.raw`\b(?:i'?d|i would) (?:really |very much |so )?(?:like|love) to see\b`,
    String.raw`\bi vote for\b`,
    String.raw`\bmore\b[^.!?]{0,40}\bwould be (?:great|awesome|nice|cool|amazing|helpful|lovely|interesting)\b`,
    String.raw`\b(?:are|would) you (?:be )?able to (?:make|post|share|write|do|cover|explain|add|upload|look)\b`,
    String.raw`\bwould you mind (?:maybe )?(?:explaining|making|doing|sharing|posting|writing|covering|putting)\b`,
    String.raw`\bkeep (?:them|it|the \w+) coming\b`,
    String.raw`(?<!what'?s |what is |who'?s )\b[a-z]+,? next[.!]*$`,
    String.raw`\bwhen (?:is|will|are) (?:the |your )?(?:next|new|another|part|follow)\b[^?]{0,50}\b(?:coming|out|released|available|ready|posted|up)\b`,
    String.raw`\b(?:up|great|nice|cool|fun) to see more\b`,
    String.raw`\bkeep (?:making|uploading|posting|the (?:videos|content) coming)\b`,
    String.raw`\bnever stop making\b`,
    EN_SUGGESTION,
    String.raw`\bhave you (?:ever )?(?:considered|thought about)\b`,
    String.raw`\b(?:you|u) (?:might|may) (?:want to|wanna|consider)\b`,
    String.raw`\b(?:would|'d) be (?:very |quite |really |so )?interested (?:to|in) (?:read|see|hear|learn|know|a|an|more)\b`,
    String.raw`\b(?:can|could) we (?:expect|hope for)\b`,
    String.raw`\b(?:waiting|wait) for (?:the |your )?(?:\w+ )?(?:version|update|post|sequel|follow[- ]up)\b`,
    String.raw`\b(?:should|could) (?:you )?add\b`,
    String.raw`\bmake (?:a|an) \w+ (?:for|on|about|next)\b`,
    String.raw`\bneed to remain\b`,
    String.raw`\b(?:you|u|you guys) (?:should|could|need to) (?:\w+ly )?(?!consider (?:\w+ ){0,3}(?:profession|career|job|teaching)\b)(?:make|do|cover|add|talk|create|consider|upload|explain|start|teach|bring|release|have|keep|think about)\b`,
    String.raw`\b(?:make|do|upload|create|record) (?:a|an|more|another|some) (?:\w+ )?(?:video|videos|tutorials?|series|course|part|episode|follow[- ]up)\b`,
    String.raw`\b(?:can|could) (?:we|i) (?:get|have|see) (?:a|an|more|another|some|the next)\b`,
    String.raw`\b(?:can|could|may) (?:i|we) (?:please )?(?:get|have) (?:the |a |an |your |this |some |any )?(?:\w+ )?(?:documentation|docs|notes|slides|source code|code|pdf|files?|folder|materials?|subtitles|transcript)\b`,
    String.raw`\b(?:i'?d|i would) like to (?:get|have)\b`,
    String.raw`\b(?:speak|talk) (?:a (?:little |bit )?|a little bit )?(?:slower|louder|more slowly)\b`,
    String.raw`\b(?:(?:would|'d|will) )?be (?:so |really |very |super |extremely )?(?:great|nice|awesome|helpful|cool|amazing|useful|interesting|lovely) (?:if (?:you|u|he|she|they|i|there|a|an|the|more|we|some)|to see|to have|to get)\b`,
    String.raw`\bany chance (?:you|u)(?:'re| are| could| will| would| can| might)? (?:going to |gonna )?(?:make|do|update|add|support|cover|write|create|release|upload|consider|bring|fix|share)\b`,
    String.raw`\b(?:needs?|has|have|should) (?:to )?be (?:removed|fixed|changed|added|updated|reverted|restored|improved)\b`,
    String.raw`\b(?:waiting|wait) for (?:the )?(?:next|part|more)\b`,
    String.raw`\b(?:we|i) (?:need|want) (?:a|an|more|another|some) (?:\w+ )?(?:videos?|tutorials?|series|course|content|parts?|episodes?)\b`,
  ].join('|'),
);
/**
 * A topic asked to be talked through, enlarged or added ("能不能谈一下如何优化sql查询", "可以深入讲一下",
 * "可以再丰富一下", "可以列举一个正例吗", "再开一门课吧", "能给搞一波…加餐吗"): content beyond the lesson, a
 * request and not a question (GUIDE.md). A bare 谈 or 丰富 without 一下 was tried too: it tagged held-out
 * comments that ask nothing.
 */
const ZH_MORE_CONTENT =
  '(?:能不能|能否|可否|可不可以|可以|能)[^，。！？,!?]{0,8}?(?:谈(?:一下|下|谈)|深入讲|展开讲|丰富一下|列举)|(?:再|新)?开一?(?:门|个|堂|期)[^，。！？,!?]{0,8}(?:课|专栏)|(?:能|能不能|可以|可否|求|希望)[^，。！？,!?]{0,20}加餐';
/**
 * Requests however they are put, as a question too ("能不能把代码放出来？", "能讲得具体一点吗？", "怎么不更了？",
 * "能结合代码讲吗？", "下一期呢？"): requests, not questions (ZH_POLITE_REQUEST).
 */
const ZH_REQUEST_AS_QUESTION = [
  '(?:能不能|能否|可不可以|可否)把[^，。！？,!?]{1,12}(?:放|发|上传|贴|开源)',
  '(?:能|可以|能不能|能否|可否|方便)[^，。！？,!?]{0,12}(?:演示|公布|放到|加到|给一下|教一下|(?:谈|讲|说|聊)一(?:谈|讲|说|聊))[^，。！？,!?]{0,20}[吗么嘛]',
  '(?:讲|讲解|说|写)得?(?:更)?(?:具体|详细|细致?|清楚|慢|深入?)一?点',
  '(?:怎么|咋)不更(?:新)?了',
  '(?:能|能不能|能否|可以|可否)结合(?:一些|点)?(?:代码|实例|例子|案例|实战)',
  '(?:后续|下一期|下集|第[二三四五六七八九十0-9]+(?:集|期|部|季|p))(?:视频)?呢',
].join('|');
const ZH_REQUEST = new RegExp(
  [
    '求(?:出|更|讲|做|分享|资源|资料|链接|全集|一份|带|个|教程|视频|讲解|课|发|后续|代码|源码|课件|ppt|笔记|文档|字幕|安装包)',
    '(?:多|再)?(?:说|举)(?:点|些|几个)(?!什么)',
    '希望(?:能|可以)?(?:一直|快点?|早点?)?(?:讲|出|更|继续|多|做|分享|up|老师(?!解答|答疑|解惑|指点|赐教|推荐)|博主|再|加|详解|详细)|希望\\p{Script=Han}{1,3}老师(?:还|再|能|可以|多|出|讲)',
    '(?:能不能|能否|可不可以|可以不可以|可否)(?:再|也|给我们|帮忙)?(?:出|讲|做|更|分享|发|录|整理|上传|多|加|放|写|列|提供|补充|开源|给(?:点|个|一份|我们)|贴|更正)',
    '(?:能不能|能否|可不可以|可否)[^，。！？,!?]{0,12}(?:都|统一|全部)(?:使用|用|改|换)|(?:能|可以)(?:讲讲|谈谈|聊聊|写个|写一个|放出来|列一下|提供|补充|开源|给点|给个)|什么时[候间](?:进入|开始|上线|发布)',
    '(?:能|能不能|能否|可以|可否|请|麻烦)[^，。！？,!?]{0,12}(?:举|给)(?:一些|几个|一个|个|些|点)?[^，。！？,!?]{0,12}例子|[?？][\\s~～]*期待|提个(?:小)?建议|个小建议|建议(?:老师|作者|您)|(?:要是|如果|如|若)能[^。！？!?]{1,40}(?:就更好|就更完美|就好了|更好了|就太好了)|(?:辛苦|麻烦|请)(?:更正|修正|改正)',
    '可以(?:出|讲|做)一|(?<!复)出一(?:期|个|套|集|下)|出个|来个|来一期|来一套|发一份|给我发|安排(?:一下|上)',
    '更新呀|快更|催更|下一期|下部|(?:继续|坚持|多多?)更新|什么时候(?:出|更|讲)|蹲(?:一个|一期|更新|下一期|后续)|期待(?:下一期|更新|后续|下集)',
    '多讲|讲讲|讲(?:细|慢|详细|清楚|深入?)一?点|多(?:出|做|更)(?:点|些|一些)|想看(?:up|你|老师)?(?:讲|出|做)|麻烦(?:up主?|老师|博主)?(?:出|讲|发|分享|更)',
    // A topic the lesson left out, asked for as "不谈下分布式session…吗？" (GUIDE.md).
    '不(?:谈|讲|说|聊)(?:下|一下)[^。！？!?]{0,30}[吗么]|细说|总结一下|整理一下|建议(?:出|讲|做|up|增加|加)|请(?:出|讲|做|更|分享)',
    ZH_MORE_CONTENT,
    ZH_REQUEST_AS_QUESTION,
    // Waiting for the teacher's next work (GUIDE.md: waiting for more is a request), a topic introduced, an example.
    '期待[^，。！？,!?]{0,12}(?:以后|后续|后期|下一|之后|新的?|更多|其[它他])[^，。！？,!?]{0,12}(?:课|视频|内容|输出|专栏|文章|分享|作品)|(?:后期|以后|后续|之后|将来)(?:还)?会(?:有|出|讲|更)|会(?:有|出|讲)[^，。！？,!?]{0,10}(?:视频|课程?|专栏|章节|加餐)|(?:能|能不能|能否|可以|可否|可不可以)(?:也|再|简单)?介绍(?:一下|下)|更新快一?点|快(?:点|些)更新?|加更|(?:给|写|提供|来)(?:一个|个|一些|些|几个)?[^，。！？,!?]{0,10}(?:示例|demo|实例)|(?:加|建|拉)(?:个|一个)?(?:微信|qq|交流)?群',
    // A suggestion to the teacher ("我建议直接把…替换成…"), not advice to other viewers.
    '我建议(?!大家|你们|新手|初学者|小白|同学)',
  ].join('|'),
  'u',
);

/** Quoted words are someone else's ("Lost to us forever, or are they?"), not the commenter's ask. */
const QUOTED = /"[^"]*"|“[^”]*”|「[^」]*」|『[^』]*』|`[^`]*`/gu;
const QUOTE_MARK = /["“「『`]/;
/** A bracketed aside ("[if there is anyone left?]", "(?)") doubts in passing; it asks nobody. */
const ASIDE = /[(（[【][^()（）[\]【】]{0,60}[?？][^()（）[\]【】]{0,20}[)）\]】]/gu;

const EN_PRAISE =
  '(?:good|great|clear|simple|easy|amazing|underrated|helpful|well|beautiful|calm|entertaining|interesting|informative|perfect|brilliant|awesome|smart|talented|funny|cool|satisfying|relaxing|fascinating|wholesome|consistent|high quality|good at)';
/**
 * Sentences shaped as questions that exclaim, marvel or poll the crowd ("How is this so good?",
 * "Why didn't my teacher explain it like this?", "Who else is here in 2023?", "Isn't it amazing
 * how …?"): nobody waits for an answer.
 */
const EN_EXCLAIM = new RegExp(
  [
    `^(?:who else|any ?(?:one|body) (?:else|together|here watching)|am i the only|is it (?:just|only) me|who(?:'s| is) (?:here|watching)|isn'?t (?:it|this|that|he|she)|aren'?t (?:they|these|you)|wasn'?t (?:it|this|that)|don'?t you (?:just )?(?:love|think|agree)|doesn'?t (?:it|this|that)|ain'?t|who (?:knew|would(?:'ve| have) thought|needs)|can you believe|guess what|what (?:a|an) |what more could)`,
    String.raw`\bhow (?:amazing|awesome|cool|great|lucky|crazy|insane|beautiful|good|nice|sweet|neat|incredible|wonderful|fun|interesting|fascinating|sad|funny|weird|wild|brilliant) (?:is|are|was|were)\b`,
    String.raw`\b(?:how|why)(?: come)? (?:is|are|was|were|can|could|do|does|did|has|have)\b[^?]{0,40}?\b(?:so|this|that|such|as) ${EN_PRAISE}\b`,
    String.raw`\bwhy (?:didn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|isn'?t|aren'?t|hasn'?t|haven'?t|can'?t|couldn'?t) (?:my|our|they|anyone|anybody|everyone|every|more|schools?|teachers?|professors?|universit\w*|colleges?|people|i (?:find|see|know|watch|discover))\b`,
    String.raw`\bwhere (?:was|were|has|have) (?:this|you|these|it)\b[^?]{0,30}?\b(?:when|all (?:my|this|these|those))\b`,
    String.raw`\bwhat (?:would|do|will) (?:i|we) do without\b`,
    String.raw`^(?:did|do|are|were|is|was|have) (?:you|they|he|she|it) seriously\b`,
  ].join('|'),
  '',
);
/**
 * The same in Chinese: marvelling 怎么这么/为什么这么, "为什么现在才刷到", polling "有没有人和我一样",
 * the rhetorical 不是…吗, 谁不…, 怎么可能, 哪有, and the joke markers "（bushi", "（" left open.
 */
const ZH_EXCLAIM =
  /(?:怎么|为什么|为啥|咋)(?:\p{Script=Han}{0,3}得|会|能|可以|就)?(?:这么|那么|如此|这样)(?:好|美|棒|厉害|牛|优秀|可爱|好听|好看|有趣|有意思|清楚|通透|动听)|(?:为什么|为啥|咋|怎么)(?:我|俺)?(?:现在|今天|到现在|这么晚)?才(?:看到|发现|刷到|知道|看)|有没有(?:人|谁|小伙伴|朋友|同学)?(?:和|跟|像)我一样|只有我(?:一个人)?(?:觉得|这样|认为)|(?:不是|不还是|不就|不都|不也|还不|能不|谁不|谁能不|哪个不|何尝不|岂不)(?:\p{Script=Han}{0,6}|[a-z0-9 ._-]{1,24})(?:吗|么|嘛|呢)|哈哈[哈。.!！~～]{0,30}$|(?:怎么|为什么|为啥)(?:就)?没(?:早点?)?(?:刷到|看到|发现|遇到)|你们?(?:不|没)[^，。！？?!]{0,24}吗|认真的吗|真的假的|是什么让|谁说|怎么可能|怎能|哪有|有什么用|了(?:好不好|好吗|行不行)|[（(](?:bushi|不是|狗头|误)[）)]?|[（(]$|^[^，。？！?：:问题求]{1,8}[：:]|连\p{Script=Han}{1,10}都|怎么有(?:股|种|点)|我(?:为什么|为啥|干嘛)要|疯了吗|^(?:这是)?(?:什么|啥)东西[。.!！]*$|(?:这么|那么)\p{Script=Han}{1,6}的吗|这都(?:是)?(?:啥|什么)|在说什么|说的(?:什么|啥)|什么鬼|(?:啥|什么)玩意|的感觉吗/u;
/** Question words that ask nothing here: "不知道为什么", "这就是为什么", "不管怎么", "怎么说呢", "多少有点". */
const ZH_NOT_ASKING =
  /(?:不知道|这就是|这也是|也就是|就是|明白了?|懂了|才知道|说明了?|解释了?|不管|无论|再)(?:为什么|为啥|怎么|如何|多少)|(?:什么|啥)的(?=[吧啊呀，,。.!！~～\s]|$)|(?:我|他|她)问(?:过|了)?\p{Script=Han}{0,6}(?:是不是|有没有|为什么|怎么)|(?:看看|查查|翻翻|想想|瞧瞧)\p{Script=Han}{0,16}(?:有没有|是不是|怎么|如何|什么|为什么)|(?:没有?|不了|也没)多少|(?:没有?|不知道|不管|无论)(?:什么|啥)|(?:什么|啥|怎么|哪|多少)\p{Script=Han}{0,8}就\p{Script=Han}{0,6}(?:什么|啥|怎么|哪|多少)|(?<![想要不])(?:知道|了解|明白|懂|晓得|清楚|学会)\p{Script=Han}{0,6}(?:怎么|为什么|为啥|什么|如何|啥|干啥)|(?:如何|怎么|怎样|什么)\p{Script=Han}{0,8}才知道|了(?:啥|什么)(?:叫|是)|(?:在于|难点是|关键是|问题是|部分是)(?:怎么|怎样|如何)|(?:是否|要不要|需不需要)[^，。！？]{1,12}(?:要看|取决于)|(?:怎么|如何|为什么)\p{Script=Han}{1,8}的(?:问题|方法|过程|原理|原因)|(?:什么|啥)\p{Script=Han}{0,2}[都也]|怎么说呢|怎么也|怎么都|多少有点|多多少少|或多或少/gu;
/**
 * Seeking agreement ("对吧", "算是长命了吧", "面向对象，是吧" tagged on after a comma) counts as asking; any
 * other 吧 only with its question mark ("线性代数是吧？"), without one it mocks or muses ("故意糊弄外行是吧",
 * "容易过拟合吧").
 */
const ZH_CONFIRM_END =
  /(?:(?:对|没错|对不对|是不是|算是?\p{Script=Han}{1,8}了)吧[\s~～。.!！?？]*|[，,]是吧[\s~～。.!！]*|(?:需要|还要|可以|有问题|不对|错了)[^，。！？,!?]{0,24}吧[\s~～。.!！]*|吧[\s~～]*[?？][\s~～]*)$/u;

/**
 * Questions that argue rather than ask: they expect no answer, so they are not the audience's
 * questions (debates between commenters are full of them).
 */
const EN_RHETORICAL =
  /\b(?:what makes you think|what data makes you think|don'?t you think|why not just|you want us to|(?<!just )imagine(?! (?:if|how|what|being))|who cares|are you (?:serious|kidding)|how dare|can you do anything)\b/;
const ZH_RHETORICAL =
  /难道|你信不信|凭什么|何必|有什么好(?!的?(?:方法|办法|建议|工具|资料|书|教程|课|推荐|方案|思路|途径|实践|例子))|还不是|不就是|你也太|你就是|你错了|很难吗|好笑|杠|有没有(?:一种)?可能|都[^，。？！?]{1,10}了还|^不是[，,]|[（(][）)]$|[（(]doge[）)]|(?:。。|…|\.\.)[。.…\s]{0,6}(?:吗|么)[?？]?$/u;

/** "Could you make a video on …?" asks for an action, not an answer: a request, not a question. */
const EN_POLITE_REQUEST =
  /^have you (?:ever )?(?:considered|thought about)\b|\b(?:curious|wondering|wonder(?:ed)?) (?:if|whether) (?:you|u) (?:would|could|can|will|might|plan to|are going to) (?:ever |also |maybe )?(?:make|do|cover|post|upload|create|start|write|record|address|discuss|talk about|consider|put|share|show|elaborate|go (?:into|over|through))\b|^(?:(?:are|would) you (?:be )?able to|would you mind (?:maybe )?(?:explaining|making|doing|sharing|posting|writing|covering|putting))\b|^when (?:is|will|are) (?:the |your )?(?:next|new|another|part|follow)\b[^?]{0,50}\b(?:coming|out|released|available|ready|posted|up)\b|^(?!(?:can|could|would|will) (?:you|u) (?:please )?give (?:me|us) (?:some |any |a )?(?:direction|advice|tips?|help|pointers?|hints?|guidance))(?:please |pls |plz )?(?:any chance (?:you|u)\b|(?:can|could|would|will) (?:you|u) (?:please |pls |also |maybe )?(?:make|do|upload|provide|offer|compile|explain(?! (?:to me |me )?(?:how|why|what|where|which|whether|if|the (?:relation|difference)))|cover|share|start|add|create|consider|look into|give|shout|teach|talk|show|post|bring|remove|fix|allow|let|release|continue|help|write|update|include|publish|port|support|record)\b)/;
const ZH_POLITE_REQUEST = new RegExp(
  `${ZH_MORE_CONTENT}|${ZH_REQUEST_AS_QUESTION}|^(?:能不能|可不可以|可以)(?:出|讲|做|更|分享|发)|(?:能不能|能否|可不可以|可否)(?:再|也)?加(?:一期|一个|一节|一篇|一些|个|点|些)|(?:能不能|能否|可不可以|可否|能|可以)(?:再|也|给我们|帮忙)?(?:讲讲|谈谈|聊聊|写个|写一个|写些|放出来|列一下|提供|补充|开源|给点|给个|更新)|什么时[候间](?:出|更|讲|进入|开始|上线|发布)|(?:能|能不能|能否|可以|可否)[^，。！？,!?]{0,12}举(?:一些|几个|一个|个|些|点)?[^，。！？,!?]{0,12}例子`,
  'u',
);

/** Cues that someone wants an answer, not only a question mark. */
const EN_GENUINE =
  /\b(?:(?:is|are|was|does|do|did|will|would|can|could|should|has|have) (?:it|this|that|there|they|you|i|we) |how (?:do|does|can|could|did|would|should|is|are|was|to|much|many|long) |how'[sd] |where (?:can|do|did|is|are|to) |is there (?:any|a|an) |are there (?:any|some) |which (?:one|is|are|book|course|language|role)|any (?:plans?|word|advice|tips?|free|way)\b)/;
const ZH_GENUINE =
  /请问|请教|好奇|疑问|是否|是不是|怎么理解|什么意思|为什么|为啥|为何|求问|想问|有没有|哪里|哪儿|哪位|怎么(?:办|学|弄|做|看|用|才|样)|如何|有(?:\p{Script=Han}{1,6})[吗么嘛]|适合|能不能/u;

const ZH_EXPLICIT =
  /请问|求问|想问|想知道|求告知|求推荐|(?:能否|能不能|可否|可以|能)(?:再|帮忙)?(?:具体|详细)?(?:解释|分解|描述|说明|阐述)+(?:一下|下)|(?:希望|请|麻烦)(?:老师|大家|大佬)?推荐|(?<![需要])求解|请教|求(?:帮助|帮忙|助攻?|救)|(?:有|一)(?:个|几个|两个)(?:小)?疑问|(?<!为我|帮我|给我|替我|感谢|谢谢)解惑(?!了)|(?:请|求|望)指(?:点|教)|(?:望|希望|请|求)(?:老师|大家|大佬)?(?:解答|答疑|赐教)|(?:不理解|没理解|不明白|没明白|看不懂|没看懂|不太懂|困惑|疑惑)[^。！？!?]{0,40}(?:为什么|为啥|为何|怎么|如何|什么|哪)|(?:为什么|为啥|为何|怎么|如何)[^。！？!?]{0,40}(?:不理解|没理解|不明白|没明白|看不懂|没看懂|困惑|疑惑)/u;

/** Without a question mark, "Did that as well" and "Could be worse" report; they do not ask. */
const EN_SUBJECT_DROPPED =
  /^(?:did|do|does|has|have|will|would|should|can|could|is|are) (?:i|we|it|this|that|these)\b/;

type Ask = 'genuine' | 'marked' | false;

/** A closing clause after a comma that asks about the commenter's own case: ", can I learn …". */
const EN_CLAUSE_ASK = /^(?:can|could|should|would|will|do|does|did|am|is|are|have) (?:i|we|you|one)\b/;

/** Wondered, then found the answer (in the video): nothing is left to ask. */
const EN_ANSWERED =
  /\bwonder(?:ing|ed)\b[^.!?]{0,60}\b(?:then |and |but )+(?:i )?(?:then )?(?:found|got|learn(?:ed|t)|realized|saw)\b/;

/** What comes before an English question without being it: "Hi Michael,", "Michael:", "And", "Okay, so". */
const EN_OPENING =
  /^(?:(?:hi|hello|hey|dear|greetings)\b[^,.!?:]{0,30}[,!:]\s*|[a-z]{2,20}\s*[,:]\s+(?=[a-z]))?(?:(?:so|and|also|but|ok(?:ay)?|well|oh|btw|anyway|now|by any chance|quick question)\b[,:]?\s+)*/;
/** Thanks and sign-offs after a question leave it the comment's last word. */
const EN_SIGN_OFF = /^(?:thanks?|thank you|thx|ty|cheers|regards|best|many thanks)\b[^?]{0,40}$/;

function sentenceAsks(sentence: string, lang: Lang, last: boolean, toTeacher: boolean): Ask {
  const marked = /[?？]\W*$/u.test(sentence);
  if (lang === 'en') {
    const s = sentence.replace(EN_OPENING, '');
    if (
      EN_POLITE_REQUEST.test(s) ||
      EN_SUGGESTS.test(s) ||
      EN_ANSWERED.test(s) ||
      (EN_EXCLAIM.test(s) && !EN_ASK_PHRASE.test(s))
    )
      return false;
    if (EN_ASK_PHRASE.test(s) || (marked && (EN_GENUINE.test(s) || EN_ASK_START.test(s)))) return 'genuine';
    const words = s.split(/\s+/).length;
    if (marked) return words >= 2 ? 'marked' : false;
    if (EN_SUBJECT_DROPPED.test(s)) return false;
    if (EN_ASK_START.test(s) && (words <= SHORT_EN_WORDS || last)) return 'marked';
    // "I am 57 years old, can I learn and become a data analyst": a closing clause that inverts asks.
    const tail = last && s.includes(', ') ? s.slice(s.lastIndexOf(', ') + 2) : '';
    return EN_CLAUSE_ASK.test(tail) ? 'marked' : false;
  }
  const s = sentence;
  if (ZH_POLITE_REQUEST.test(s) || (ZH_EXCLAIM.test(s) && !ZH_EXPLICIT.test(s))) return false;
  const short = s.length <= SHORT_ZH_CHARS || last;
  const words = s.replace(ZH_NOT_ASKING, '，');
  const asks =
    ZH_EXPLICIT.test(s) ||
    ZH_ASK_END.test(s) ||
    ZH_ASK_MID.test(s) ||
    ZH_NOT_END.test(s) ||
    ZH_CONFIRM_END.test(s) ||
    (marked && (ZH_MARKED_CLAUSE.test(s) || toTeacher) && hanCount(s) >= 6) ||
    (ZH_NE_END.test(s) &&
      (s.length <= 8 || ZH_WHAT_ABOUT.test(s) || ZH_ASK_WORD.test(words) || ZH_A_NOT_A.test(words))) ||
    ((short || marked) && (ZH_ASK_WORD.test(words) || ZH_A_NOT_A.test(words)));
  if (!asks) return false;
  return ZH_GENUINE.test(words) ? 'genuine' : 'marked';
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
  const parts = sentences(text.replace(QUOTED, ' ').replace(ASIDE, ' '));
  const explicit = lang === 'en' ? EN_ASK_PHRASE : ZH_EXPLICIT;
  if (
    arguing(text, lang, sideThread) ||
    (lang === 'zh' && ZH_HOMEWORK.test(text) && !ZH_ASKS_TEACHER.test(text))
  )
    return explicit.test(text);
  // In an essay a question is usually a device; the asks of long comments come last or say so.
  // Chinese prose is long in Han characters: pasted code or logs around a question are not an essay.
  const long = lang === 'en' ? text.split(/\s+/).length > LONG_EN_WORDS : hanCount(text) > LONG_ZH_CHARS;
  let end = parts.length;
  while (lang === 'en' && end > 1 && EN_SIGN_OFF.test(parts[end - 1]!)) end--;
  const toTeacher = lang === 'zh' && text.includes('老师');
  return parts.some((s, i) => {
    const last = i >= end - 1;
    const ask = sentenceAsks(s, lang, last, toTeacher);
    if (!ask) return false;
    if (long && i < end - 2) return explicit.test(s) || (ask === 'genuine' && EN_PERSONAL.test(s));
    return ask === 'genuine' || last || end <= 2;
  });
}

/**
 * An answer to the lesson's homework ("思考题：…", "1. … 2. …") restates the homework's questions (GUIDE.md:
 * an answer to a homework question is no need); it asks only what it says it asks, or what it puts to the
 * teacher (ZH_ASKS_TEACHER).
 */
const ZH_HOMEWORK =
  /^\s*(?:思考题|课后题|课后思考|课后作业|作业)\s*[:：,，\d一二三]|^\s*1[.、．]\D[^。]*\s2[.、．]\D/u;
/** "老师这样理解对吗？": a sentence to the teacher that asks. */
const ZH_ASKS_TEACHER = /老师[^。！？!?]*(?:[?？]|[吗么嘛])/u;

/** In an essay, a question about the writer's own case or put to the reader is asked, not a device. */
const EN_PERSONAL = /\b(?:i|my|me|you|your)\b/;

/**
 * "not our problem", "no issues", "没有遮挡" deny the difficulty they name. In English, a difficulty
 * that is someone else's ("anyone struggling with …", "people who get lost") is advice or praise,
 * not the commenter's own. (A difficulty that may be, "can be confusing", was tried as well: it cost
 * held-out problem recall more than it gained.)
 */
const EN_NEGATION =
  /\b(?:(?:no|not|n't|never|without|aren't|isn't|avoid\w*|prevent\w*|handl\w*|catch\w*)\s+(?:\w+\s+)?|(?:anyone|anybody|those|people|students|beginners|others|everyone|who|someone)\s+(?!i'?m\s|i\s)(?:\w+\s+)?)$/;
/**
 * In Chinese, a failure supposed or guarded against ("如果某一台服务器网络有问题", "不允许失败", "避免报错") is
 * the design being discussed, not one the commenter met. (A failure asked about, 是否/会不会…有问题, was
 * tried too: it lowered held-out purity.)
 */
const ZH_NEGATION =
  /(?:没有|没|不|无)$|(?:如果|假如|假设|万一|要是|一旦|如若|即使|就算|即便|防止|避免|以免|不允许)[^，。！？,!?]{0,12}$/u;

/**
 * A difficulty the creator's work then ended, told in praise (GUIDE.md: "this made it easy", "I was
 * frustrated … but I realized", "I was straggling … Your posts are very helpful"): what follows the
 * cue, in its sentence or the next, resolves it.
 */
const EN_OVERCOME =
  /\b(?:(?:you|u|he|she|this|it) make|made|makes|making) (?:it|this|things|everything|them|the \w+)(?: \w+){0,2} (?:so |very |really |much |super |a lot )?(?:easy|easier|simple|simpler|clear|clearer|understandable|click)|\b(?:explained|explains|explaining) (?:it |this |them |everything )?(?:so |very |really |super )?(?:well|simply|clearly|easily|beautifully|perfectly)|\b(?:now|finally) (?:i )?(?:understand|get it|got it|makes? sense)|\bmakes? (?:so much |more |perfect )?sense now|\bclicked\b|\bthat(?:'s| is) how you learn|\buntil (?:i (?:found|saw|watched|came across)|(?:this|your) (?:video|channel|tutorial|post))|\bbut (?:then )?i (?:realized|figured|found)|\b(?:your|this|the) (?:\w+ )?(?:posts?|videos?|tutorials?|guides?|explanations?|lessons?|courses?|lectures?) (?:is|are|was|were|has been|have been) (?:so |very |really |super |extremely |incredibly )?(?:helpful|useful)|\bgave me the right start|\bbut (?:it'?s|it is) (?:really |actually )?not\b|\byou helped (?:me )?(?:with (?:that|this|it)|a lot|so much)|\bhelped me\b|\bcleared up|\bcleaned up (?:a lot of |some of |all )?my (?:misunderstanding|confusion)/;
/** How far after a cue its resolution may come: its sentence and about one more. */
const OVERCOME_REACH = 160;

const PROBLEM_RULES: Record<Lang, [RegExp, RegExp, RegExp | null][]> = {
  zh: [
    [new RegExp(ZH_PROBLEM.source, 'gu'), ZH_NEGATION, null],
    [new RegExp(EN_PROBLEM.source, 'g'), EN_NEGATION, null],
  ],
  en: [[new RegExp(EN_PROBLEM.source, 'g'), EN_NEGATION, EN_OVERCOME]],
};

/**
 * A difficulty told in the past inside thanks or praise ("When I was 14 … I was so overwhelmed by the code
 * I ended up quitting. You are so talented!", "I got into data science right after college and really
 * struggled") is the commenter's story, not a need (GUIDE.md): the difficulty words only, as an error
 * met ("thanks! I had an error at 5:32") is still one. With "so much trouble" and the like too, it cost a
 * held-out problem.
 */
const EN_DIFFICULTY_CUE = /^(?:struggl|overwhelm|difficult|trouble|frustrat|confus|hard|lost)/;
const EN_PAST_BEFORE =
  /\b(?:was|were|had|got|felt)\s+(?:(?:so|very|really|a lot of|so much|such|a|an|some|always|quite|pretty|totally)\s+)*$/;
const EN_PAST_CUE = /^(?:struggled|overwhelmed)\b/;
const EN_GRATEFUL =
  /\b(?:thanks?|thank you|grateful|great|love|amazing|awesome|brilliant|talented|helped|helpful|wow|appreciate\w*)\b/;

const pastDifficultyInPraise = (text: string, cue: string, at: number): boolean =>
  EN_DIFFICULTY_CUE.test(cue) &&
  (EN_PAST_CUE.test(cue) || EN_PAST_BEFORE.test(text.slice(Math.max(0, at - 30), at))) &&
  EN_GRATEFUL.test(text);

function hasProblem(text: string, lang: Lang): boolean {
  // exec on the shared global regex, not matchAll: matchAll copies the regex on every call.
  for (const [rule, negation, overcome] of PROBLEM_RULES[lang]) {
    rule.lastIndex = 0;
    for (let m = rule.exec(text); m; m = rule.exec(text))
      if (
        !negation.test(text.slice(Math.max(0, m.index - 24), m.index)) &&
        !overcome?.test(text.slice(m.index, m.index + OVERCOME_REACH)) &&
        !(lang === 'en' && pastDifficultyInPraise(text, m[0], m.index))
      )
        return true;
  }
  return false;
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
  if (complains(text, lang, sideThread)) tags.push('problem');
  if (asksFor(text, lang)) tags.push('request');
  return tags;
}

/** "之前一直没明白…，现在…" tells of a difficulty the video ended. */
const ZH_OVERCOME =
  /(?:之前|以前|原来|一直)[^，。！？]{0,12}(?:不|没)(?:懂|明白|理解|会)[^。！？]{0,30}(?:现在|终于|总算)/u;

/**
 * Arguing with the creator (not with another commenter) is a complaint too, in English. Chinese
 * rhetorical questions (不就是…吗, 难道) mostly muse about the subject, in danmaku above all: there
 * they were wrong more often than right as complaints.
 */
const complains = (text: string, lang: Lang, side: boolean): boolean =>
  (!side && lang === 'en' && EN_RHETORICAL.test(text)) ||
  (hasProblem(text, lang) && !(lang === 'zh' && ZH_OVERCOME.test(text)));

const asksFor = (text: string, lang: Lang): boolean =>
  (lang === 'zh' ? ZH_REQUEST : EN_REQUEST).test(QUOTE_MARK.test(text) ? text.replace(QUOTED, ' ') : text);

/** Whether lower-case text carries any tag, cheapest rules first. */
const hasNeed = (text: string, lang: Lang, side: boolean): boolean =>
  asksFor(text, lang) || complains(text, lang, side) || isQuestion(text, lang, side);

/**
 * The sentences of a comment that carry its need (each tagged on its own), for grouping: in a long
 * comment the story and praise around an ask would otherwise decide its theme. Comments of one or two
 * sentences are taken whole (their praise is mostly stop words), and so is a comment where no single
 * sentence carries a cue (the need is spread over it).
 */
export function needText(text: string, lang: Lang, side = false): string {
  const parts = sentences(text.toLowerCase());
  if (parts.length <= 2) return text;
  const kept = parts.filter((s) => hasNeed(s, lang, side));
  return kept.length > 0 ? kept.join(' ') : text;
}

/** A reply to another comment (or, on X, to a reply) rather than to the post. */
export const sideThread = (c: CommentLike): boolean =>
  Boolean(c.parentId) || Boolean(c.replyTo && c.conversationId && c.replyTo !== c.conversationId);

/** The ids of the comments `authors` answered: what their replies name as parent or replied-to. */
export function answeredBy(comments: Iterable<CommentLike>, authors: ReadonlySet<string>): Set<string> {
  const answered = new Set<string>();
  for (const c of comments)
    if (authors.has(c.authorId)) {
      if (c.parentId) answered.add(c.parentId);
      if (c.replyTo) answered.add(c.replyTo);
    }
  return answered;
}
