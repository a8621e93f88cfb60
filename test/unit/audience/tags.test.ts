/**
 * Outcomes of the tag rules on short synthetic comments written for these cases (the measured
 * quality on real comments is eval.test.ts). Assertions are on tags, never on Chinese tokens, which
 * differ between ICU versions (Chrome vs Firefox).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needText, tagsOf } from '../../../lib/audience/tags';
import { hanCount, languageOf, normalise } from '../../../lib/audience/text';
import { tokenize } from '../../../lib/audience/tokens';

const tags = (raw: string, sideThread = false) => {
  const text = normalise(raw);
  return tagsOf(text, languageOf(text), sideThread);
};

describe('tagsOf', () => {
  it('takes a question mark alone in Chinese for a guess or a jab, and a question word or 吧？ for asking', () => {
    expect(tags('梯度下降算法？')).not.toContain('question');
    expect(tags('你不写单元测试吗？')).not.toContain('question');
    expect(tags('已经很简单了好不好')).not.toContain('question');
    expect(tags('故意把简单的东西讲复杂是吧')).not.toContain('question');
    expect(tags('这个是什么软件啊')).toContain('question');
    expect(tags('输出只有一个值是因为外层只有一个输入吧？')).toContain('question');
    expect(tags('Vue 和 React 有什么区别？')).toContain('question');
  });

  it('reads help-seeking, yes/no questions and suggestions in English', () => {
    expect(tags("I'm curious to know how you deploy it")).toContain('question');
    expect(tags('Hey, I could use some help here, the build keeps failing')).toContain('question');
    expect(
      tags('Do you think this works for a site with daily posts? Thanks for the post. Great write-up.'),
    ).toContain('question');
    expect(tags('Did that as well, and all I get is an empty list')).toEqual(['problem']);
    expect(tags('Any chance you could add dark mode to the theme?')).toEqual(['request']);
    expect(tags('You might want to look at incremental builds')).toContain('request');
    expect(tags('How would you include pictures in the comments?')).toEqual(['question']);
  });

  it('finds Chinese confusion and requests for materials and updates', () => {
    expect(tags('中间这里讲的太绕了')).toContain('problem');
    expect(tags('多元函数，超纲了')).toContain('problem');
    expect(tags('已三连，求代码！')).toContain('request');
    expect(tags('up什么时候更新啊')).toEqual(['request']);
    expect(tags('训练时肯定不会用到测试集')).not.toContain('problem');
  });

  it("finds what a course's learners meet when its code runs, and what they ask the teacher to add", () => {
    expect(tags('跑第一段代码就报 RateLimitError，额度用完了')).toContain('problem');
    expect(tags('PaddleSpeech 转换语音很慢')).toContain('problem');
    expect(tags('这个方法似乎没有了，新版本换成了别的')).toContain('problem');
    expect(tags('按文中配置了，还是不生效')).toContain('problem');
    expect(tags('这个数据集是不是不全？')).toEqual(['question', 'problem']);
    expect(tags('老师可以讲得深入一点吗')).toContain('request');
    expect(tags('期待老师后续的新课程')).toEqual(['request']);
    expect(tags('可以介绍下 prompt engineering 吗？')).toContain('request');
    expect(tags('老师，建个微信群吧')).toEqual(['request']);
    expect(tags('做这种分类有什么好的方法吗？')).toEqual(['question']);
    expect(tags('把简单问题复杂化了，没什么意义')).toEqual(['problem']);
  });

  it("reads suggestions for a creator's game as requests, and praise as praise", () => {
    expect(tags('Quick idea: the paths could act as barriers for the weeds')).toEqual(['request']);
    expect(tags('Cool video! I suggest a rematch.')).toEqual(['request']);
    expect(tags('An idea for the skins: maybe make them unlockable in the cave?')).toEqual(['request']);
    expect(tags('Imagine if this came out in the 90s, it would have sold millions')).toEqual([]);
    expect(tags("I'm overwhelmed with nostalgia")).toEqual([]);
    expect(tags("I'm overwhelmed by all the engines to choose from")).toEqual(['problem']);
    expect(tags('Comment your code, it makes it easier to fix bugs')).toEqual([]);
    expect(tags('I love how you stuck to your plan')).toEqual([]);
    expect(tags('The title is clickbait, this is not about becoming a developer')).toEqual(['problem']);
    expect(tags('Imagine CHARGING for API access')).toEqual(['problem']);
  });

  it('finds questions with or without a question mark, in both languages', () => {
    expect(tags('Vue3 的响应式怎么调试？')).toContain('question');
    expect(tags('请问零基础适合这门课吗')).toContain('question');
    expect(tags('有没有配套的源码')).toContain('question');
    expect(tags('How do I set up the environment on Windows')).toContain('question');
    expect(tags('Is there a text version of this course?')).toContain('question');
  });

  it('does not take quoted, rhetorical or arguing questions for the audience asking', () => {
    expect(tags('"Why does it work?" is the best line of the video')).not.toContain('question');
    expect(tags('What makes you think anyone can pay $40k a month?')).not.toContain('question');
    expect(tags('你也太好笑了吧，你看过原书吗？', true)).not.toContain('question');
  });

  it('does not take exclaiming, polling or marvelling questions, or asides, for asking', () => {
    expect(tags('How is this so clear? Thank you!')).not.toContain('question');
    expect(tags("Why didn't my professor explain it like this?")).not.toContain('question');
    expect(tags('Who else is watching this in 2024?')).not.toContain('question');
    expect(tags('Where was this video when I was in college?')).not.toContain('question');
    expect(tags('The docs [are they even maintained?] say nothing about it.')).not.toContain('question');
    expect(tags('为什么讲得这么清楚')).not.toContain('question');
    expect(tags('为什么现在才刷到')).not.toContain('question');
    expect(tags('不知道为什么，看哭了')).not.toContain('question');
    expect(tags('有没有人和我一样看了三遍')).not.toContain('question');
    // Genuine asks in the same words still count.
    expect(tags('How is this different from a transformer?')).toContain('question');
    expect(tags('为什么我的代码跑不起来')).toContain('question');
    expect(tags('这一步是先装依赖对吧')).toContain('question');
  });

  it('reads "could you make …?" as a request, not a question', () => {
    const t = tags('Could you make a video on Docker networking?');
    expect(t).toContain('request');
    expect(t).not.toContain('question');
    expect(tags('能不能出一期讲面试八股的')).toContain('request');
    expect(tags('求更新下一期！')).toContain('request');
    expect(tags('能否出一期 Docker 部署的教程')).toContain('request');
    expect(tags('蹲一个下一期')).toContain('request');
    expect(tags('You should make a series on system design')).toContain('request');
    expect(tags('It would be great to see a video on testing')).toContain('request');
    expect(tags('Any suggestions on where to start?')).not.toContain('request');
  });

  it('finds difficulties and complaints, but not denied ones', () => {
    expect(tags('npm install 一直报错，跑不起来')).toContain('problem');
    expect(tags('I keep getting this error and I am stuck')).toContain('problem');
    expect(tags('The pricing is too expensive for students')).toContain('problem');
    expect(tags('No problem at all, great video')).not.toContain('problem');
    expect(tags('没有遮挡的版本更好看')).not.toContain('problem');
    expect(tags('学了三遍还是没看懂，一头雾水')).toContain('problem');
    expect(tags('装不上，pip 一直报错')).toContain('problem');
    expect(tags("I'm having trouble with the install step")).toContain('problem');
    // "problem" as the topic, and praise of a hard subject made easy, are no difficulty.
    expect(tags('This video explains the travelling salesman problem so well')).not.toContain('problem');
    expect(tags('Insane video, the best explanation of backprop')).not.toContain('problem');
  });

  it('leaves praise and filler without tags', () => {
    expect(tags('Great video, thanks!')).toEqual([]);
    expect(tags('学到了，感谢up主[打call]')).toEqual([]);
  });

  it('ignores what the sites add around the words (reply prefix, mentions, links, stickers)', () => {
    expect(normalise('回复 @小明 :哪里能看全集[doge] https://b23.tv/x')).toBe('哪里能看全集');
    expect(normalise('@TwitterDev Any plans for a free tier?')).toBe('Any plans for a free tier?');
  });

  it('reads danmaku: dares, correlatives, surprise, joke markers and musing are not asks', () => {
    expect(tags('敢不敢来个一百集的')).toEqual(['request']);
    expect(tags('什么样的人就有什么样的理解')).toEqual([]);
    expect(tags('什么，计算机发展这么快的吗')).toEqual([]);
    expect(tags('这算不算一种大力出奇迹（')).toEqual([]);
    expect(tags('这就是过拟合吧（bushi）')).toEqual([]);
    expect(tags('那要是输入全是零呢？')).toEqual(['question']);
    expect(tags('这都是啥')).toEqual(['problem']);
  });

  it('finds a difficulty only when it is the commenter’s own, and asks for the next episode', () => {
    expect(tags('这个概念不太好理解')).toEqual(['problem']);
    expect(tags('讲的有点快，越来越难消化了')).toEqual(['problem']);
    expect(tags('很好，没懂')).toEqual(['problem']);
    expect(tags('举这个例子就说明你不懂')).toEqual([]);
    expect(tags('不懂就问，这算梯度下降吗')).toEqual(['question']);
    expect(tags('人类不就是听多了就会说话了吗')).toEqual([]);
    expect(tags('已经过去十分钟了，好快')).toEqual([]);
    expect(tags('都到年底了，第二集呢～')).toEqual(['request']);
    expect(tags('复出一下')).toEqual([]);
  });

  it('reads knowing how, nominal and correlative question words as statements, and either-or as asking', () => {
    expect(tags('这里的参数是指 token 数量还是权重数量呀')).toEqual(['question']);
    expect(tags('我就想知道一件事，它是真的懂了还是只是在模仿')).toContain('question');
    expect(tags('终于知道激活函数是干啥的了')).toEqual([]);
    expect(tags('相当于学外语，知道外语怎么表达，再结合词汇输出')).toEqual([]);
    expect(tags('最优化，怎么求最优解的问题')).toEqual([]);
    expect(tags('这AI怎么有股玄学的味道')).toEqual([]);
    expect(tags('有多少人工就有多少智能')).toEqual([]);
    expect(tags('以前考试不都是靠猜的吗')).toEqual([]);
    expect(tags('单个都认识。放一起。什么东西。')).not.toContain('question');
    expect(tags('anybody together?')).toEqual([]);
    expect(tags('逐渐蒙圈~')).toEqual(['problem']);
    expect(tags('听懂了，但没完全听懂。')).toEqual(['problem']);
    expect(tags('看到这里果断放弃了')).toEqual(['problem']);
    expect(tags('细说兴奋')).toEqual(['request']);
  });

  it('reads what-if without its mark, argument, "and such" and reported questions, and payment failures', () => {
    expect(tags('如果验证集也过拟合了呢')).toEqual(['question']);
    expect(tags('有没有一种可能，大家只是想入门，你在凶什么')).toEqual([]);
    expect(tags('你都用上GPU了还用这种写法吗')).toEqual([]);
    expect(tags('可能是缓存啥的吧，重启就好了')).toEqual([]);
    expect(tags('我问过同事是不是版本问题，他说不是')).toEqual([]);
    expect(tags('老哥你自己翻翻文档里面有没有')).toEqual([]);
    expect(tags('产品经理：这个需求很简单吗')).toEqual([]);
    expect(tags('为什么不能是我？（）')).not.toContain('question');
    expect(tags('看到反向传播已经云里雾里了')).toEqual(['problem']);
    expect(tags('绑卡的时候直接被拒了，换了节点也无效')).toEqual(['problem']);
    expect(tags('免费额度根本没法用')).toEqual(['problem']);
    expect(tags('过拟合是无法完全避免的')).toEqual([]);
    expect(tags('一定要坚持更新啊')).toEqual(['request']);
  });

  it('reads English questions after greetings and before thanks, help asked for, and asks for the next part', () => {
    expect(tags('Hi Sam, is the plugin you showed still maintained?')).toEqual(['question']);
    expect(tags("How's it compare to webpack?")).toEqual(['question']);
    expect(tags('How i can set the port?')).toEqual(['question']);
    expect(tags("Hello, I'd like to know if this works on Windows.")).toEqual(['question']);
    expect(tags('I opened the app today. The sidebar is empty. What happened? Thank you.')).toContain(
      'question',
    );
    expect(
      tags('I am finding it difficult to set up the config. Can you give me some direction please?'),
    ).toEqual(['question', 'problem']);
    expect(tags('when is the next part of your tutorial coming?')).toEqual(['request']);
    expect(tags("Can't wait for your next post!")).toEqual(['request']);
    expect(tags("I can't seem to find a way to change the font.")).toEqual(['problem']);
    expect(tags('The menu no longer shows my pages.')).toEqual(['problem']);
    expect(tags('One problem: my laptop is too old.')).toEqual(['problem']);
  });

  it('reads laughter, (doge) and "。。。么？" as jokes, 没多少 as a statement, and an overcome difficulty as praise', () => {
    expect(tags('英文发音为啥呢哈哈哈')).toEqual([]);
    expect(tags('你这个代码正经吗？（doge）')).toEqual([]);
    expect(tags('简单到爆炸。。。么？')).toEqual([]);
    expect(tags('不是pytorch吗')).toEqual([]);
    expect(tags('我学前端的时候怎么没刷到这个')).toEqual([]);
    expect(tags('每秒十亿次没多少，单核都能做到')).toEqual([]);
    expect(tags('之前一直没明白闭包的意义，现在一下子懂了')).toEqual([]);
    expect(tags('看不懂的建议先去看入门课')).toEqual([]);
    expect(tags('实际上这是错误的写法')).toEqual([]);
    expect(tags('太好了希望能一直更')).toEqual(['request']);
  });

  it('reads asks for the next tutorial and for more detail as requests, and a question answered as none', () => {
    expect(tags('Great guide. Look forward to the testing tutorial next.')).toEqual(['request']);
    expect(tags('Definitely hooks, context, reducers next.')).toEqual(['request']);
    expect(tags('I would really like to see more on performance please.')).toEqual(['request']);
    expect(tags('I vote for more TypeScript.')).toEqual(['request']);
    expect(tags('Would you mind explaining your build setup more extensively?')).toEqual(['request']);
    expect(tags('Are you able to post the config you used?')).toEqual(['request']);
    // Encouragement asks for nothing in particular (GUIDE.md); naming what to go on making does.
    expect(tags('Great tutorial! Keep going.')).toEqual([]);
    expect(tags('Great tutorial! Keep the tutorials coming.')).toEqual(['request']);
    expect(tags('Thank you for responding to my question. I enjoy your blog.')).toEqual([]);
    expect(tags('The sidebar is too narrow to fit the menu.')).toEqual(['problem']);
  });

  it('tells an explanation asked for oneself (a question) from content asked for (a request)', () => {
    const own = tags('Can you explain how to install the plugin? I click on it and nothing happens.');
    expect(own).toContain('question');
    expect(own).not.toContain('request');
    expect(tags('Can you explain the difference between props and state??')).toEqual(['question']);
    expect(tags('Please do explain me in detail.')).not.toContain('request');
    expect(tags('Can you explain all the sub fields of machine learning in a video?')).toEqual(['request']);
    expect(tags('Question, can you provide these lessons as a PDF?')).toEqual(['request']);
    expect(tags('Curious if you would do a video on system design interviews?')).toEqual(['request']);
    expect(tags('It would be great if a video is made on time series too.')).toEqual(['request']);
  });

  it('reads asks in a closing clause, an opener, a list of questions and either-or, and not one answered', () => {
    expect(tags('I am 40 years old and work in sales, can I still learn to code')).toContain('question');
    expect(tags('By any chance do you know how much the course costs? Thanks!')).toContain('question');
    expect(tags('If I buy the course, does it include the projects')).toContain('question');
    expect(tags('Great post. Two questions about the setup: 1. which editor. 2. which theme.')).toContain(
      'question',
    );
    expect(tags('When you started out were you good at it or did you practice a lot')).toContain('question');
    expect(tags('I was wondering what a closure is and then I found your video. Thanks!')).toEqual([]);
    expect(tags('Did you seriously build this in a weekend?')).toEqual([]);
    expect(tags('Thanks, did that as well')).toEqual([]);
  });

  it('reads learners writing to the teacher: checked readings, stated doubts, errata, confusion and asks for examples', () => {
    expect(tags('我可以这样理解吗，缓存只是一层代理')).toEqual(['question']);
    expect(tags('所以这里的锁应该是读锁？')).toEqual(['question']);
    expect(tags('这个库能支持Windows 不')).toEqual(['question']);
    expect(tags('老师有么有更简单的办法')).toEqual(['question']);
    expect(tags('还需要在配置里打开这个开关吧')).toEqual(['question']);
    expect(tags('我有个疑问，希望老师解答一下')).toEqual(['question']);
    expect(tags('求老师解惑')).toEqual(['question']);
    expect(tags('课程学完了，感谢徐老师带我进入AI这扇神秘的大门，感谢老师为我解惑')).toEqual([]);
    expect(tags('但是写的时候还是有些地方写不对')).toEqual(['problem']);
    expect(tags('示例代码有点问题，第三行少了一个括号')).toEqual(['problem']);
    expect(tags('文中有两个错别字')).toEqual(['problem']);
    expect(tags('这一节有点不太理解')).toEqual(['problem']);
    expect(tags('完全没头绪')).toEqual(['problem']);
    expect(tags('老师能写个完整的例子吗？')).toEqual(['request']);
    // Asked to show, publish or talk something through, in question form: a request, not a question.
    expect(tags('老师能谈一谈百度的文心一言吗？')).toEqual(['request']);
    expect(tags('这个能演示一下吗')).toEqual(['request']);
    expect(tags('serviceWorker的代码，可以加到 codesandbox 吗，想跟着实现一下')).toEqual(['request']);
    expect(tags('演示的代码能跑通吗？')).toEqual(['question']);
    expect(tags('能不能把源码放到github上')).toEqual(['request']);
    expect(tags('什么时候更新下一章？期待')).toEqual(['request']);
    expect(tags('希望可以详解')).toEqual(['request']);
    expect(tags('transformClassesWithDexBuilderForDebug 是怎么替换的')).not.toContain('problem');
    // Any clause closed by "？" in a comment written to the teacher asks.
    expect(tags('老师，这两种写法的作用是一样的？第一次见这种写法')).toEqual(['question']);
    expect(tags('老师cpu平均是活动进程/cpu核数，sleep平均也是sleep/CPUcore数量？')).toEqual(['question']);
    expect(tags('老师讲得太好了，期待下一课')).not.toContain('question');
    // A choice put with "？" asks, to anyone: this or that ("…，还是…呢？", "在宿主机还是在容器内？").
    expect(tags('建议分开用多个值多个useState，还是多个值合成一个useState呢？')).toEqual(['question']);
    expect(tags('文章中的工具分析是在宿主机还是在容器内？')).toEqual(['question']);
    expect(tags('我还是喜欢原来的版本')).toEqual([]);
    // An answer to the homework restates its questions; it asks only what it puts to the teacher.
    expect(
      tags(
        '思考题：首先想到的是官方的一个api useReducer。还有的话，就是监听滚动条向上向下呀。看了老师这节课，才弄清hooks真正重要的东西是啥。',
      ),
    ).toEqual([]);
    expect(tags('思考题：为什么要用红黑树？因为查找、插入、删除都是O(logn)')).toEqual([]);
    expect(tags('思考题：用一个map记录每个key的访问次数，老师这样理解对吗？')).toEqual(['question']);
    expect(tags('思考题有做出来的吗？老师有答案吗？')).toEqual(['question']);
    // Danmaku sarcasm keeps its old reading.
    expect(tags('这英语还不好？')).toEqual([]);
    expect(tags('自己有点主见行吗，张嘴就来')).not.toContain('question');
  });

  it('reads asks for examples and code as requests, too theoretical lessons as problems, and code around a Chinese question as Chinese', () => {
    expect(tags('老师，能不能举几个实际的例子')).toEqual(['request']);
    expect(tags('能结合一些代码吗')).toEqual(['request']);
    expect(tags('这一讲太理论了')).toEqual(['problem']);
    expect(tags('看完似懂非懂')).toEqual(['problem']);
    expect(tags('求帮助，装好插件以后启动就卡住')).toEqual(['question', 'problem']);
    expect(tags('学flutter会不会很吃力')).not.toContain('problem');
    const code = 'let cache = new Map(); cache.set(key, value); return cache.get(key).value; ';
    expect(tags(`${code}请问这段代码为什么先存再取`)).toEqual(['question']);
    expect(tags('https://example.com/a.html（这篇文章的方法怎么用在我的项目里')).toEqual(['question']);
  });

  it("reads GUIDE.md's own examples as the guide tags them", () => {
    // Course comments: a topic left out and a change to the lessons are requests; errata asked are problems.
    expect(tags('不谈下分布式session…吗？')).toEqual(['request']);
    expect(tags('能否在代码中都使用英文？')).toEqual(['request']);
    expect(tags('这句话能解释一下吗 看不懂')).toEqual(['question', 'problem']);
    expect(tags('这里的集合{a}是不是应该为{x}？')).toEqual(['question', 'problem']);
    // Wishes addressed to the creator are requests; encouragement is not.
    expect(tags("Hopefully we'll see some cool projects in Unreal Engine at some point")).toEqual([
      'request',
    ]);
    expect(tags('Hoping for an honest critique.')).toEqual(['request']);
    expect(tags('Wish the app was available for androids')).toEqual(['request']);
    expect(tags('I hope you keep at it')).toEqual([]);
    expect(tags('Have you ever considered the Surface Pro?')).toEqual(['request']);
    expect(tags("I'll be awaiting the next installment")).toEqual(['request']);
    expect(tags('ANDROID APP PLEASE')).toEqual(['request']);
    // A career difficulty still going on is a problem; one overcome in praise is not.
    expect(tags('Finding a job has been difficult, several unsuccessful job applications')).toEqual([
      'problem',
    ]);
    expect(tags('I was straggling to make it happen all day. Your posts are very helpful')).toEqual([]);
  });

  it('reads a difficulty that is supposed, guarded against or someone else’s as none of the commenter’s', () => {
    expect(tags('如果这时候某一台服务器网络有问题，没收到推送的消息')).not.toContain('problem');
    expect(tags('在执行的时候，就不允许失败')).not.toContain('problem');
    expect(tags('代码跑起来一直报错')).toContain('problem');
    expect(tags('Great resource for anyone struggling with recursion')).toEqual([]);
    expect(tags('Best crash course on pandas I have seen')).toEqual([]);
    expect(tags("I'm struggling with recursion")).toEqual(['problem']);
    expect(tags('The people behind the editing don’t get the recognition they deserve')).toEqual([]);
    expect(tags("I can't get it to work")).toEqual(['problem']);
  });

  it('reads learners under recorded lessons: doubts, lessons that leave things out, errors at a time, sound, and wishes that praise', () => {
    expect(tags('I have a doubt, why is the array size 8')).toContain('question');
    expect(tags('Which method is more efficient, recursion or iteration')).toEqual(['question']);
    expect(tags('From where I can find the advanced linked list concepts')).toEqual(['question']);
    expect(tags('Please can you make a project on bank accounts in Java?')).toEqual(['request']);
    expect(tags("You didn't explain why i starts at -1")).toEqual(['problem']);
    expect(tags('1:00:42 wrong, Python is strongly typed')).toEqual(['problem']);
    expect(tags('At 34:35 there is no sound')).toEqual(['problem']);
    expect(tags('I really didn’t get it')).toEqual(['problem']);
    expect(tags('I’m new to programming, I do`nt understand ...')).toEqual(['problem']);
    expect(tags("arrays are lists in python, so why not append those 5 people, i'm confused")).toContain(
      'problem',
    );
    expect(tags('A simpler loop that avoids errors when the list is empty')).toEqual([]);
    expect(tags('Being a bit hard of hearing, I love these subtitles')).toEqual([]);
    expect(tags('I struggled with classes, but this video helped me')).toEqual([]);
    expect(tags('It would be so helpful if you ran the program in an IDE')).toEqual(['request']);
    expect(tags('Can I get the documentation for this course')).toContain('request');
    expect(tags('Great lecture, only if he could speak a little slower')).toEqual(['request']);
    expect(tags('I wish this guy was the teacher at my uni')).toEqual([]);
    expect(tags('Please let him teach at a university')).toEqual([]);
    expect(tags('You should consider making teaching your profession')).toEqual([]);
  });

  it('reads a difficulty told in the past inside thanks or praise as a story, and an error met as a problem still', () => {
    expect(tags('Great insight! I got into data science right after college and really struggled')).toEqual(
      [],
    );
    expect(
      tags('When I was 14 I was so overwhelmed by the code I ended up quitting. You are so talented!'),
    ).toEqual([]);
    expect(tags('Thanks for the video! I had an error at 5:32 when I ran it')).toEqual(['problem']);
    expect(tags('Great video, but I struggled with the install and it still does not work')).toEqual([
      'problem',
    ]);
    expect(tags('I am so overwhelmed by all the code, where do I start?')).toContain('problem');
  });

  it('reads long hostile comments in linear time (bounded repeats in every rule that scans ahead)', () => {
    const n = 50_000;
    const hostile = [
      '(?'.repeat(n / 2),
      `how is ${'so '.repeat(n / 3)}x?`,
      `对吧${'。'.repeat(n)}x`,
      `${'为什么这么'.repeat(n / 5)}`,
      `${'吗 '.repeat(n / 2)}x`,
      `@${'a'.repeat(n)} [${'b'.repeat(n)}`,
      `${'error '.repeat(n / 6)}`,
      `${'a.'.repeat(n / 2)}!`,
      `${'我有问题？'.repeat(n / 5)}`,
      `${'如果'.repeat(n / 2)}失败`,
      `${'不谈下'.repeat(n / 3)}`,
      `${'hard but '.repeat(n / 9)}`,
    ];
    // CPU time, not wall time: the suite runs beside other test files on a shared machine.
    const started = process.cpuUsage();
    for (const raw of hostile) {
      const text = normalise(raw);
      const lang = languageOf(text);
      tagsOf(text, lang, true);
      tokenize(needText(text, lang), lang);
    }
    const { user, system } = process.cpuUsage(started);
    // Quadratic, one of these would take minutes; linear, all of them take well under a second.
    expect((user + system) / 1000).toBeLessThan(3000);
  });
});

describe('hanCount', () => {
  it('counts what \\p{Script=Han} matches, astral ideographs, radicals and 〇 included, whatever surrounds them', () => {
    expect(hanCount('Vue3 的响应式怎么调试？')).toBe(8);
    expect(hanCount('𠀀𪚥⺀〇々。，ｱ한')).toBe(5);
    const pieces = fc.constantFrom(
      'a',
      ' ',
      '，',
      '。',
      '？',
      '的',
      '〇',
      '々',
      '⺀',
      '𠀀',
      '𪚥',
      '한',
      'ｱ',
      'é',
      '\u{1f600}',
      '\ud800',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(hanCount(text)).toBe(text.match(/\p{Script=Han}/gu)?.length ?? 0);
      }),
    );
  });
});
