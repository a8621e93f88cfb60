// @vitest-environment happy-dom
/**
 * Listing pages (issue 16): every course a captured listing page or list API body holds, with its
 * title and price. The expected tables were read from the files independently of the extractors
 * (the Udemy cards' "Current price: CA$…" spans, Gumroad's Discover props, Class Central's microdata
 * names; see test/fixtures/courses/MANIFEST.md).
 */
import { describe, expect, it } from 'vitest';
import { CourseRecord } from '../../../../lib/records';
import { extractCourseJson, extractListing, readCoursePage } from '../../../../lib/sites/course';
import { fixtureJson } from '../../fixtures';
import { quietDocument } from './helpers';

const UDEMY_SEARCH: Array<[string, string, number]> = [
  ['/course/100-days-of-code/', '100 Days of Code: The Complete Python Pro Bootcamp for 2023', 21.99],
  ['/course/complete-python-bootcamp/', 'The Complete Python Bootcamp From Zero to Hero in Python', 19.99],
  [
    '/course/complete-python-developer-zero-to-mastery/',
    'Complete Python Developer in 2023: Zero to Mastery',
    19.99,
  ],
  [
    '/course/web-developer-bootcamp-flask-python/',
    'Web Developer Bootcamp with Flask and Python in 2023',
    19.99,
  ],
  [
    '/course/the-complete-python-postgresql-developer-course/',
    'The Complete Python & PostgreSQL Developer Course',
    19.99,
  ],
  ['/course/rest-api-flask-and-python/', 'REST APIs with Flask and Python in 2023', 19.99],
  ['/course/the-python-mega-course/', 'The Python Mega Course: Learn Python in 60 Days with 20 Apps', 19.99],
  ['/course/python-the-complete-python-developer-course/', 'Learn Python Programming Masterclass', 34.99],
  [
    '/course/python-for-data-science-and-machine-learning-bootcamp/',
    'Python for Data Science and Machine Learning Bootcamp',
    19.99,
  ],
  [
    '/course/programming-fundamental-coding-interview-beginner-tutorial-python/',
    '100 days of Python 2023: Practical Python Challenges',
    19.99,
  ],
  ['/course/python-programming-for-the-total-beginner/', 'Python Programming for the Total Beginner', 19.99],
  [
    '/course/excellent-python-3-bootcamp-in-2023/',
    'Excellent Python 3 Bootcamp For Absolute Beginners In 2023',
    19.99,
  ],
  [
    '/course/python-programming-fundamentals-with-ai-insights/',
    'Python Programming Fundamentals with AI Insights',
    19.99,
  ],
  [
    '/course/python-programming-language-professional-interview-questions/',
    'Python Programming Language Professional Interview Questions',
    19.99,
  ],
  ['/course/pythonmastery/', 'Python Mastery: The Ultimate Test for Your Python Skills', 19.99],
  [
    '/course/complete-data-science-machine-learning-a-z-with-python/',
    'Complete Data Science & Machine Learning A-Z with Python',
    19.99,
  ],
  ['/course/py-fundamentals/', 'Python Fundamentals: Learn Python within 2 hours', 19.99],
  ['/course/python-for-absolute-beginners-u/', 'Python for Absolute Beginners', 19.99],
  [
    '/course/the-complete-python-course/',
    'The Complete Python Course | Learn Python by Doing in 2023',
    19.99,
  ],
  ['/course/automate/', 'Automate the Boring Stuff with Python Programming', 19.99],
  ['/course/python-core-and-advanced/', 'Python for beginners', 19.99],
  ['/course/python-pcep/', 'Python PCEP: Become Certified Entry-Level Python Programmer', 19.99],
  ['/course/the-modern-python3-bootcamp/', 'The Modern Python 3 Bootcamp', 19.99],
  ['/course/the-python-bible/', 'The Python Bible™ | Everything You Need to Program in Python', 19.99],
  [
    '/course/python-for-machine-learning-data-science-masterclass/',
    'Python for Machine Learning & Data Science Masterclass',
    39.99,
  ],
  ['/course/total-python/', 'TOTAL Python: 16 days to Become an Advanced Python Developer', 19.99],
  ['/course/python-3-deep-dive-part-1/', 'Python 3: Deep Dive (Part 1 - Functional)', 21.99],
  ['/course/learn-to-code-with-python/', 'Learn to Code with Python', 19.99],
  ['/course/pythontutorial/', 'Python Complete Masterclass for Beginners', 19.99],
  ['/course/python3-fundamentals/', 'Python 3: Fundamentals', 19.99],
  ['/course/learn-python-by-making-games/', 'Learn Python by making games', 19.99],
];
const GUMROAD_DISCOVER: Array<[string, string, number, string]> = [
  [
    'https://lastknight.gumroad.com/l/zerotoai',
    'ZeroToAi - Una introduzione (gentile) agli LLM e alla AI Generative',
    299.0,
    'EUR',
  ],
  ['https://simplemarketmetrics.gumroad.com/l/gpcfp', 'Live Futures Educational Platform', 99.0, 'USD'],
  ['https://twostraws.gumroad.com/l/hws-subscription', 'Hacking with Swift+', 20.0, 'USD'],
  ['https://tradeconfident.gumroad.com/l/zplpvh', 'Market Cycle Highs & Lows', 397.0, 'USD'],
  ['https://simplemarketmetrics.gumroad.com/l/jeiyj', 'SMM Ninja Trader Version', 149.0, 'USD'],
  ['https://allpatriots.gumroad.com/l/abllh', '5 WTW + 5 Gitmo 999 Fine Silver Coins', 1130.0, 'USD'],
  ['https://rogers1906.gumroad.com/l/fcxjqn', 'RED-E Society', 85.0, 'USD'],
  ['https://juliawinterpaw.gumroad.com/l/Feline', 'Winterpaw Feline ~ VRChat + VTuber', 0.0, 'USD'],
  ['https://dvassallo.gumroad.com/l/consultations', 'Lifetime Consultations', 2500.0, 'USD'],
  ['https://tradeconfident.gumroad.com/l/wyqwk', 'Volume Bubbles', 597.0, 'USD'],
  ['https://inchman.gumroad.com/l/Bloom', 'Bloom - Refined Finder Experience', 16.0, 'USD'],
  [
    'https://thezherkaofficial.gumroad.com/l/DateIQBasic',
    '🎯 Secret Society Basic Subscription',
    46.0,
    'USD',
  ],
  ['https://thearmoredgarage.gumroad.com/l/LMdGL', 'Armorsmith Designer', 40.0, 'USD'],
  ['https://kittomatic.gumroad.com/l/Novabeast', 'Novabeast [VRChat Avatar]', 35.0, 'USD'],
  ['https://spotidown.gumroad.com/l/premiumkey', 'SpotiDown Premium License Key', 20.0, 'USD'],
  ['https://cwsproducts.gumroad.com/l/axpoe', 'SubMachine - Subscription', 8.0, 'USD'],
  ['https://allpatriots.gumroad.com/l/gitmo10', '2025 GITMO 999 Fine Silver Coin 10 CNT', 1130.0, 'USD'],
  ['https://dvassallo.gumroad.com/l/small-bets', 'Small Bets - Lifetime Membership', 450.0, 'USD'],
  ['https://codegrid.gumroad.com/l/codegridpro', 'CodegridPRO', 3.49, 'USD'],
  ['https://rankingtactics.gumroad.com/l/ai-writer-subscription', 'ZimmWriter (Subscription)', 24.97, 'USD'],
  [
    'https://tylerstump.gumroad.com/l/tncww',
    'The Stump Grinding Playbook: How to Start and Build a 6 Figure Stump Grinding Business',
    359.0,
    'USD',
  ],
  [
    'https://higherplane.gumroad.com/l/spacewalk',
    'SpaceWalk - Ambient Chord Progression Generator',
    15.0,
    'GBP',
  ],
  [
    'https://crashsune.gumroad.com/l/LowPolyCourse',
    "Create Animated Low Poly Characters – Even If You've Never Opened Blender",
    59.99,
    'USD',
  ],
  ['https://glcrify.gumroad.com/l/yzdnw', 'JUMP AT IT (NBA2K26 Zen Script)', 39.95, 'USD'],
  ['https://noahnuebling.gumroad.com/l/mmfinappusd', 'Mac Mouse Fix', 2.99, 'USD'],
  [
    'https://daribodrawing.gumroad.com/l/all_practice_cards',
    'All Practice Books in One Bundle || Over 100 pages of drawing tips and practice exercises',
    11.9,
    'EUR',
  ],
  ['https://coburnian5.gumroad.com/l/xxogns', 'ZK-Theta Language', 7.77, 'USD'],
  [
    'https://signalsniper.gumroad.com/l/signalsniper',
    'Signal Sniper Trading Software — See the Signal, Take the Shot 🎯🔭💹',
    149.0,
    'USD',
  ],
  [
    'https://oliviaspark45.gumroad.com/l/Thekskinniwinterissue',
    'The Skinni Winter Issue - Your Holiday Survival Guide',
    75.0,
    'USD',
  ],
  ['https://atilla1.gumroad.com/l/bauhausclock', 'Bauhaus Clock — macOS Screensaver V1.2.1', 19.0, 'USD'],
  ['https://sindresorhus.gumroad.com/l/supercharge', 'Supercharge', 18.0, 'USD'],
  ['https://teracarissa.gumroad.com/l/sBSS', 'Lifespirational Audio', 97.0, 'USD'],
  [
    'https://leartesstudios.gumroad.com/l/blackfridayextra',
    'Black Friday Extra Limited-Time Mega Discounted Unreal Engine Bundle',
    99.99,
    'USD',
  ],
  ['https://twostraws.gumroad.com/l/everything-but-the-code', 'Everything but the Code', 100.0, 'USD'],
  ['https://enhancedinfo.gumroad.com/l/innersanctum', 'THE INNER SANCTUM - by enhancedinfo', 10.0, 'EUR'],
  [
    'https://max2712.gumroad.com/l/scania_ng_dc16_660',
    '2022 Scania NextGen 660 DC16 V8 Sound Pack',
    4.49,
    'EUR',
  ],
  ['https://logopackage.gumroad.com/l/logoPackageExpress3', 'Logo Package Express 3.0', 149.0, 'USD'],
  ['https://amirfl.gumroad.com/l/TwMal', "PilotsCafe's IFR Quick-Review Study Guide", 0.0, 'USD'],
  ['https://tallguytycoon.gumroad.com/l/dnbhb', 'CNC CORE Membership (Yearly)', 1524.0, 'USD'],
  ['https://icudoctor.gumroad.com/l/sblhe', 'ICU Pocket Notes', 40.0, 'USD'],
  ['https://dnksaus.gumroad.com/l/m4l', 'All Max For Live Devices Bundle', 33.0, 'USD'],
  ['https://studenalbatroz.gumroad.com/l/FRRja', 'V.I.P Supporters', 10.0, 'USD'],
  [
    'https://richburlew.gumroad.com/l/ootsbritf',
    'The Order of the Stick: Blood Runs in the Family (Book 5)',
    19.0,
    'USD',
  ],
];
const CLASS_CENTRAL_UDEMY: Array<[string, string]> = [
  ['https://www.classcentral.com/course/udemy-java-tutorial-27747', 'संपूर्ण नौसिखियों के लिए जावा ट्यूटोरियल'],
  [
    'https://www.classcentral.com/course/udemy-complete-python-bootcamp-23623',
    'पायथन में जीरो से हीरो तक का पूरा पायथन बूटकैंप',
  ],
  [
    'https://www.classcentral.com/course/udemy-microsoft-excel-2013-from-beginner-to-advan-24946',
    'माइक्रोसॉफ्ट एक्सेल - शुरुआती से उन्नत तक एक्सेल',
  ],
  [
    'https://www.classcentral.com/course/udemy-automate-23543',
    'पायथन प्रोग्रामिंग के साथ बोरिंग स्टफ को स्वचालित करें',
  ],
  [
    'https://www.classcentral.com/course/udemy-machinelearning-23826',
    'मशीन लर्निंग AZ™: डेटा साइंस में Python और R [2023]',
  ],
  [
    'https://www.classcentral.com/course/udemy-the-complete-web-development-bootcamp-26925',
    'पूरा 2023 वेब डेवलपमेंट बूटकैंप',
  ],
  ['https://www.classcentral.com/course/udemy-the-web-developer-bootcamp-25316', 'वेब डेवलपर बूटकैंप 2023'],
  ['https://www.classcentral.com/course/udemy-pythonforbeginnersintro-26577', 'पायथन प्रोग्रामिंग का परिचय'],
  [
    'https://www.classcentral.com/course/udemy-100-days-of-code-23494',
    'कोड के 100 दिन: 2023 के लिए पूर्ण पायथन प्रो बूटकैम्प',
  ],
  [
    'https://www.classcentral.com/course/udemy-java-the-complete-java-developer-course-23544',
    'जावा प्रोग्रामिंग मास्टरक्लास को जावा 17 में अपडेट किया गया',
  ],
  [
    'https://www.classcentral.com/course/udemy-the-complete-javascript-course-23699',
    'संपूर्ण JavaScript पाठ्यक्रम 2023: शून्य से विशेषज्ञ तक!',
  ],
  [
    'https://www.classcentral.com/course/udemy-learn-digital-marketing-course-27350',
    'पूरा डिजिटल मार्केटिंग कोर्स - 1 में 12 कोर्स',
  ],
  [
    'https://www.classcentral.com/course/udemy-aws-certified-solutions-architect-associate-26089',
    'अल्टीमेट AWS सर्टिफाइड सॉल्यूशंस आर्किटेक्ट एसोसिएट SAA-C03',
  ],
  [
    'https://www.classcentral.com/course/udemy-react-the-complete-guide-incl-redux-23502',
    'प्रतिक्रिया - पूरी गाइड (हुक, रिएक्ट राउटर, रेडक्स सहित)',
  ],
  [
    'https://www.classcentral.com/course/udemy-the-complete-guide-to-angular-2-24294',
    'कोणीय - पूर्ण गाइड (2023 संस्करण)',
  ],
];

/** The 25 cards of imooc's free-course list, read from the `.course-card-container` markup by hand. */
const IMOOC_FREE: Array<[number, string, number]> = [
  [996, 'HBase 存储原理剖析', 370],
  [999, 'iOS开发之LeanCloud', 233],
  [997, 'Java9之模块系统', 1537],
  [998, 'Unity 3D 翻牌游戏开发', 1596],
  [994, 'TensorFlow与Flask结合打造手写体数字识别', 1535],
  [995, '化妆品套装建模', 1089],
  [984, 'MAYA-贴图基础', 646],
  [993, 'MySQL集群（PXC）入门', 3057],
  [987, 'C4D地面多边形建模', 1034],
  [991, 'Storm基础入门', 3302],
  [981, 'Android O(8.0)通知栏解决方案', 1634],
  [988, '区块链技术核心概念与原理讲解', 9828],
  [985, 'MAYA-材质基础入门', 917],
  [989, 'Unity 3D基础之变体Transform', 1347],
  [990, '推荐算法理论与实践', 5938],
  [983, 'Android与WebView的js交互', 2674],
  [978, 'Kubernetes基础：开启云原生之门', 2776],
  [986, 'Android UiAutomator 2.0 入门实战', 4100],
  [979, 'iOS开发之传感器', 1208],
  [982, 'Go并发编程案例解析', 3852],
  [971, 'React知识点综合运用实例', 5806],
  [980, 'vue2.5入门', 20584],
  [977, 'Shiro安全框架入门', 10467],
  [974, '入门微信小程序开发', 44524],
  [975, 'MAYA动画入门课-飞机飞行', 4900],
];

/** imooc.com home page cards, read with a regular expression over the saved HTML, not with the extractor: [course URL, title, price in yuan, learners]; 69 courses. */
const IMOOC_HOME: Array<[string, string, number, number]> = [
  ['https://class.imooc.com/sc/25', '前端进阶：响应式开发与常用框架', 599, 490],
  ['https://coding.imooc.com/class/129.html', '前端跳槽面试必备技巧', 266, 1177],
  ['https://coding.imooc.com/class/152.html', 'ES6+ 开发电商网站的账号体系 JS SDK', 248, 126],
  ['https://coding.imooc.com/class/99.html', 'React高级实战 打造大众点评 WebApp', 248, 1199],
  ['https://class.imooc.com/sc/41', 'C++零基础入门', 399, 2],
  ['https://coding.imooc.com/class/125.html', 'Spring Boot带前后端 渐进式开发企业级博客系统', 348, 566],
  ['https://coding.imooc.com/class/92.html', '聚焦Python分布式爬虫必学框架Scrapy 打造搜索引擎', 388, 1706],
  ['https://www.imooc.com/learn/717', '初识机器学习-理论篇', 0, 72434],
  ['https://class.imooc.com/sc/6', '零基础入门Android语法与界面', 399, 1408],
  ['https://coding.imooc.com/class/147.html', 'BAT大厂APP架构演进实践与优化之路', 248, 149],
  ['https://class.imooc.com/sc/17', 'Android进阶：网络与数据存储', 399, 231],
  ['https://www.imooc.com/learn/831', 'Android常用异常集及解决方案', 0, 5194],
  ['https://coding.imooc.com/class/96.html', 'Java大牛 带你从0到上线开发企业级电商项目', 348, 3271],
  ['https://coding.imooc.com/class/114.html', 'Python操作三大主流数据库', 168, 522],
  ['https://coding.imooc.com/class/79.html', '高性能可扩展MySQL数据库设计及架构优化 电商项目', 249, 331],
  ['https://coding.imooc.com/class/49.html', 'MySQL性能管理及架构设计', 199, 1559],
  ['https://coding.imooc.com/class/112.html', '以慕课网日志分析为例 进入大数据 Spark SQL 的世界', 366, 553],
  ['https://www.imooc.com/learn/727', 'Python在数据科学中的应用', 0, 38919],
  ['https://coding.imooc.com/class/153.html', 'Spark Streaming实时流处理项目实战', 388, 220],
  ['https://www.imooc.com/learn/881', 'HBase入门', 0, 9913],
  [
    'https://coding.imooc.com/class/121.html',
    '企业级刚需Nginx入门，全面掌握Nginx配置+快速搭建高可用架构',
    199,
    1193,
  ],
  ['https://www.imooc.com/learn/847', '使用java构建和维护接口自动化测试框架', 0, 13119],
  ['https://coding.imooc.com/class/118.html', 'Web自动化测试 Selenium基础到企业应用', 266, 416],
  ['https://www.imooc.com/learn/583', 'Linux系统管理', 0, 52666],
  ['https://www.imooc.com/learn/900', 'Sketch的基础实例应用', 0, 4945],
  ['https://www.imooc.com/learn/716', 'Pscc全面技能培训', 0, 55197],
  ['https://www.imooc.com/learn/159', 'PS大神通关教程', 0, 274139],
  ['https://www.imooc.com/learn/857', '基础线性和剪影化icon的制作方法', 0, 6660],
  ['https://coding.imooc.com/class/109.html', '对接真实数据 从0开发前后端分离企业级上线项目', 299, 1841],
  ['https://coding.imooc.com/class/144.html', 'SSM到Spring Boot 从零开发校园商铺平台', 299, 416],
  [
    'https://coding.imooc.com/class/116.html',
    '人人都是架构师 从零开始设计架构并开发Android电商项目',
    348,
    934,
  ],
  ['https://coding.imooc.com/class/167.html', 'BAT大牛亲授 基于ElasticSearch的搜房网实战', 348, 82],
  ['https://coding.imooc.com/class/149.html', 'Java开发企业级权限管理系统', 388, 362],
  ['https://www.imooc.com/learn/927', '搭建并行处理管道，感受GO语言魅力', 0, 1165],
  ['https://coding.imooc.com/class/101.html', 'BAT大咖助力 全面升级Android面试', 288, 1947],
  ['https://coding.imooc.com/class/117.html', 'Spring Boot企业微信点餐系统', 348, 1308],
  ['https://coding.imooc.com/class/150.html', 'Redux+React Router+Node.js全栈开发', 388, 585],
  ['https://www.imooc.com/learn/928', 'Hadoop基础及演练', 0, 2180],
  ['https://www.imooc.com/learn/930', '神经网络简介', 0, 524],
  ['https://coding.imooc.com/class/113.html', 'Get全栈技能点 Vue2.0/Node.js/MongoDB 打造商城系统', 348, 1108],
  ['https://class.imooc.com/sc/20', '前端小白入门', 499, 3277],
  ['https://class.imooc.com/sc/18', 'Java零基础入门', 299, 2887],
  ['https://www.imooc.com/learn/923', 'Android互动直播APP开发入门', 0, 4450],
  ['https://coding.imooc.com/class/75.html', '微信小程序入门与实战 常用组件API开发技巧项目实战', 149, 8743],
  ['https://class.imooc.com/sc/2', 'HTML5与CSS3实现动态网页', 599, 1605],
  ['https://class.imooc.com/sc/22', 'PHP从基础语法到原生项目开发', 498, 879],
  ['https://www.imooc.com/learn/924', 'IntelliJ IDEA神器使用技巧', 0, 10748],
  ['https://coding.imooc.com/class/71.html', '程序猿的内功修炼，学好算法与数据结构', 166, 4172],
  ['https://www.imooc.com/learn/890', 'Hadoop进阶', 0, 7713],
  ['https://coding.imooc.com/class/91.html', '最容易上手的Vue 2.0入门实战教程', 148, 2961],
  ['https://coding.imooc.com/class/133.html', '360大牛带你横扫PHP职场 全面解读PHP面试', 266, 553],
  ['https://class.imooc.com/sc/35', '进击JavaScript核心', 368, 159],
  ['https://www.imooc.com/learn/767', '2小时学会Spring Boot', 0, 78488],
  ['https://coding.imooc.com/class/134.html', 'Spring Security技术栈开发企业级认证与授权', 366, 685],
  ['https://coding.imooc.com/class/166.html', 'Kotlin打造完整电商APP 模块化+MVP+主流框架', 348, 46],
  ['https://www.imooc.com/learn/744', '在React中使用Redux数据流', 0, 18133],
  [
    'https://coding.imooc.com/class/78.html',
    'Python升级3.6 强力Django+杀手级Xadmin打造在线教育平台',
    369,
    1791,
  ],
  ['https://www.imooc.com/learn/826', 'bootstrap快速入门', 0, 45771],
  [
    'https://coding.imooc.com/class/119.html',
    '开发微信全家桶项目 Vue/Node/MongoDB高级技术栈全覆盖',
    448,
    526,
  ],
  ['https://www.imooc.com/learn/885', '基于websocket的火拼俄罗斯（升级版）', 0, 11194],
  ['https://coding.imooc.com/class/128.html', '10小时入门大数据', 188, 515],
  ['https://coding.imooc.com/class/156.html', 'Python3数据科学入门与实战', 248, 123],
  ['https://www.imooc.com/learn/929', '2017AWS 技术峰会——UG用户社区', 0, 292],
  ['https://coding.imooc.com/class/145.html', '深度学习之神经网络核心原理与算法', 199, 284],
  ['https://coding.imooc.com/class/124.html', 'Python Flask 构建微电影视频网站', 248, 419],
  ['https://coding.imooc.com/class/98.html', 'ES6零基础教学 解析彩票项目', 188, 1226],
  ['https://www.imooc.com/learn/824', '第一个docker化的java应用', 0, 25648],
  ['https://coding.imooc.com/class/165.html', '跨平台混编框架 MUI 仿豆瓣电影 APP', 199, 79],
  ['https://www.imooc.com/learn/917', 'CDN与智能DNS原理和应用', 0, 5610],
];

/** 网易云课堂's category list (生活英语, page 2): [courseId, name, provider, price in yuan, learnerCount, mark]. */
const STUDY163_CATEGORY: Array<[number, string, string, number, number, number]> = [
  [1003801012, 'Frank可复制的自学英语完整攻略', '野生英语老师Frank', 49, 1883, 4.884211],
  [249009, '酷艾英语', '新东方在线', 0, 143201, 4.829618],
  [1209391813, 'Frank掰开揉碎讲摩登家庭第一季', '野生英语老师Frank', 69, 580, 4.978261],
  [1003146001, '说文解词-初级 (高中版)', '杜松老师', 299, 479, 4.930233],
  [1006536032, '零基础学新概念英语一情景教学', 'lily学英语', 499, 553, 4.990446],
  [1543008, '精看电影学英语【公开课】', '任杰Jack', 0, 143646, 4.655172],
  [363001, '91趣玩英语', '91外教', 0, 59149, 4.628788],
  [305005, 'J博士美语', '美国格林希尔外语', 0, 36366, 4.811258],
  [1003594004, 'Frank生活口语指南（全面覆盖）', '野生英语老师Frank', 49, 940, 5],
  [519020, '60秒学英语（每周一更新）', '新航道国际教育集团', 0, 35095, 4.649305],
];

const valid = (records: CourseRecord[]) => records.every((r) => CourseRecord.safeParse(r).success);

describe('listing pages', () => {
  it('Udemy search results: all 31 cards with title and price (data-purpose hooks, not the SEO spans)', () => {
    const doc = quietDocument('courses/soodaayush__udemy-price-tracker/index.html');
    const read = readCoursePage(doc, 'https://www.udemy.com/courses/search/?q=python&src=ukw');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(read.page).toBe('https://www.udemy.com/courses/search/');
    expect(read.courses.map((c) => [c.url.replace('https://www.udemy.com', ''), c.title, c.price])).toEqual(
      UDEMY_SEARCH,
    );
    expect(new Set(read.courses.map((c) => c.currency))).toEqual(new Set(['CAD']));
    expect(read.courses.every((c) => c.listedOn === 'https://www.udemy.com/courses/search/')).toBe(true);
    expect(read.courses[0]).toMatchObject({ instructor: 'Dr. Angela Yu', listPrice: 139.99, rating: 4.7 });
    expect(valid(read.courses)).toBe(true);
  });

  it('Gumroad Discover: 44 cards, the product listed twice is one record, prices from price_cents', () => {
    const doc = quietDocument('courses/Mikebrayshaw__gumroad-scraper/gumroad_page.html');
    const read = readCoursePage(doc, 'https://gumroad.com/discover');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(read.courses.map((c) => [c.url, c.title, c.price, c.currency])).toEqual(GUMROAD_DISCOVER);
    expect(
      read.courses.filter((c) => c.url === 'https://sindresorhus.gumroad.com/l/supercharge'),
    ).toHaveLength(1);
    expect(valid(read.courses)).toBe(true);
  });

  it('Class Central provider page: the microdata ItemList of 15 courses (no prices on the page)', () => {
    const doc = quietDocument('courses/Cinemato__codingallstars-classcentral-task/provider__udemy.html');
    const read = readCoursePage(doc, 'https://www.classcentral.com/provider/udemy');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(read.courses.map((c) => [c.url, c.title])).toEqual(CLASS_CENTRAL_UDEMY);
    for (const c of read.courses) {
      expect(c).toMatchObject({
        price: null,
        source: 'microdata',
        provider: 'classcentral.com',
        listedOn: 'https://www.classcentral.com/provider/udemy',
      });
    }
    expect(valid(read.courses)).toBe(true);
  });

  it('慕课网 home page: 69 courses from 73 cards (a course in the banner and again below is one record), 免费 and /learn/ at 0', () => {
    const doc = quietDocument('courses/newbeedaly__python_spider_basis/imooc.html');
    const read = readCoursePage(doc, 'https://www.imooc.com/');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(read.courses.map((c) => [c.url, c.title, c.price, c.students])).toEqual(IMOOC_HOME);
    expect(read.courses.every((c) => c.currency === 'CNY' && c.provider === '慕课网')).toBe(true);
    // The banner card of 前端跳槽面试必备技巧 has no stars; the card below it shows five.
    expect(read.courses.find((c) => c.url === 'https://coding.imooc.com/class/129.html')?.rating).toBe(5);
    expect(read.courses.find((c) => c.url === 'https://coding.imooc.com/class/156.html')?.rating).toBe(4.5);
    expect(read.courses.find((c) => c.url === 'https://coding.imooc.com/class/119.html')?.rating).toBe(4);
    expect(read.courses.find((c) => c.url === 'https://www.imooc.com/learn/717')?.rating).toBeUndefined();
    expect(valid(read.courses)).toBe(true);
  });

  it('慕课网 free-course list: all 25 cards, free (0 CNY) with their learner counts', () => {
    const doc = quietDocument('courses/MelonYu__Online-Education-Analysis/imooc_page_1.txt');
    const read = readCoursePage(doc, 'https://www.imooc.com/course/list?page=1');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(read.courses.map((c) => [c.url, c.title, c.students])).toEqual(
      IMOOC_FREE.map(([id, title, students]) => [`https://www.imooc.com/learn/${id}`, title, students]),
    );
    for (const c of read.courses) {
      expect(c).toMatchObject({
        price: 0,
        currency: 'CNY',
        provider: '慕课网',
        source: 'site',
        listedOn: 'https://www.imooc.com/course/list?page=1',
      });
    }
    expect(valid(read.courses)).toBe(true);
  });

  it('a page that is neither one course nor a list says so (Class Central About)', () => {
    const doc = quietDocument('courses/Cinemato__codingallstars-classcentral-task/about.html');
    expect(readCoursePage(doc, 'https://www.classcentral.com/about')).toEqual({
      kind: 'neither',
      page: 'https://www.classcentral.com/about',
    });
  });

  it('a course page stays one course (Udemy learner view, Class Central course page)', () => {
    const udemy = quietDocument(
      'courses/CealanM__cv/The Complete 2023 Web Development Bootcamp _ Udemy.html',
    );
    const read = readCoursePage(udemy, 'https://www.udemy.com/course/the-complete-web-development-bootcamp/');
    expect(read).toMatchObject({ kind: 'course', course: { price: 84.99, currency: 'EUR' } });
    const cc = quietDocument(
      'courses/Cinemato__codingallstars-classcentral-task/know-thyself-the-examined-life-432.html',
    );
    const course = readCoursePage(
      cc,
      'https://www.classcentral.com/course/know-thyself-the-examined-life-432',
    );
    expect(course).toMatchObject({ kind: 'course', course: { price: 0, currency: 'USD' } });
    expect(
      extractListing(cc, 'https://www.classcentral.com/course/know-thyself-the-examined-life-432'),
    ).toEqual([]);
  });
});

describe('list API bodies', () => {
  it('极客时间 column list: every column with its title and price in yuan (fen in the body)', () => {
    const body = fixtureJson('courses/cpselvis__geektime-webpack-course/geekbang_column_list.data.json');
    const records = extractCourseJson('https://time.geekbang.org/serv/v1/column/newAll', body);
    expect(records.map((r) => [r.title, r.price, r.currency, r.instructor, r.students])).toEqual([
      ['SQL必知必会', 68, 'CNY', '陈旸', 5556],
      ['Kafka核心技术与实战', 99, 'CNY', '胡夕', 5446],
      ['透视HTTP协议', 99, 'CNY', '罗剑锋（Chrono）', 4209],
      ['零基础学Java', 129, 'CNY', '臧萌', 1196],
      ['Web协议详解与抓包实战', 129, 'CNY', '陶辉', 5120],
      ['从0开发一款iOS App', 129, 'CNY', '朱德权', 1390],
      ['深入浅出gRPC', 9, 'CNY', '李林锋', 9580],
      ['Service Mesh实践指南', 9, 'CNY', '周晶', 5761],
      ['如何做好一场技术演讲', 1, 'CNY', '极客时间', 15259],
    ]);
  });

  it('B站课堂 course list (pugv my/paid): every course, price in hundredths of a B币, the bracket tag kept in the title', () => {
    const body = fixtureJson(
      'courses/SocialSisterYi__bilibili-API-collect/cheese_mypaid.md__pugv_pay_web_my_paid.json',
    );
    const records = extractCourseJson('https://api.bilibili.com/pugv/pay/web/my/paid?ps=10&pn=1', body);
    expect(records.map((r) => [r.url, r.title, r.price, r.currency, r.lessons])).toEqual([
      ['https://www.bilibili.com/cheese/play/ss3739', '3天Python数据分析+AI特训营（涨薪提效）', 99, null, 10],
      ['https://www.bilibili.com/cheese/play/ss316', '《宏观经济学》期末4小时讲完附赠讲义', 39, null, 10],
      ['https://www.bilibili.com/cheese/play/ss183', '国家玮：高考作文提分攻略', 158, null, 26],
      [
        'https://www.bilibili.com/cheese/play/ss3635',
        '【加v私信班班+领福利包】3天学会日系头像体验营',
        99,
        null,
        7,
      ],
    ]);
  });

  it('B站课堂 up主 course list (pugv season/page): every course at its www address, no price invented', () => {
    const body = fixtureJson(
      'courses/SocialSisterYi__bilibili-API-collect/user_space.md__pugv_app_web_season_page.json',
    );
    const records = extractCourseJson(
      'https://api.bilibili.com/pugv/app/web/season/page?mid=33683045&ps=5&pn=1',
      body,
    );
    expect(records.map((r) => [r.url, r.title, r.price, r.lessons])).toEqual([
      ['https://www.bilibili.com/cheese/play/ss80', '《战忽知道》第一季', null, 10],
      ['https://www.bilibili.com/cheese/play/ss145', '【体验课】局座讲5G：5G如何改变我们的生活？', null, 1],
      ['https://www.bilibili.com/cheese/play/ss113', '《战忽知道》第二季', null, 10],
      ['https://www.bilibili.com/cheese/play/ss51', '局座的国际战略课', null, 10],
      ['https://www.bilibili.com/cheese/play/ss121', '《战忽知道》第三季', null, 10],
    ]);
    expect(records.every((r) => r.provider === 'B站课堂' && r.students === undefined)).toBe(true);
    expect(valid(records)).toBe(true);
  });

  it('网易云课堂 category list: every course with its price in yuan, 0 for the free ones, seller and learners', () => {
    const body = fixtureJson('courses/Blues9527__BluesApps/CategoryCourseEntity.java__result.json');
    for (const url of ['https://study.163.com/j/web/fetchPersonalData.json', 'saved.json']) {
      const records = extractCourseJson(url, body);
      expect(records.map((r) => [r.url, r.title, r.instructor, r.price, r.students, r.rating])).toEqual(
        STUDY163_CATEGORY.map(([id, title, seller, price, learners, mark]) => [
          `https://study.163.com/course/introduction/${id}.htm`,
          title,
          seller,
          price,
          learners,
          mark,
        ]),
      );
      expect(records.every((r) => r.currency === 'CNY' && r.provider === '网易云课堂')).toBe(true);
      expect(records[0]).toMatchObject({ lessons: 49 });
      expect(records.some((r) => 'listPrice' in r)).toBe(false);
      expect(valid(records)).toBe(true);
    }
  });

  it('中国大学MOOC school course list: all 126 courses with title, teacher and enrolment', () => {
    const body = fixtureJson('courses/ChaiCunhao__mooc_spider/北京大学.json') as {
      school_courses: Array<{ id: number; name: string; teacherName: string; enrollCount: number }>;
    };
    const records = extractCourseJson(
      'https://www.icourse163.org/web/j/courseBean.getCourseListBySchoolId.rpc',
      body,
    );
    expect(records).toHaveLength(126);
    expect(records.map((r) => [r.url, r.title, r.instructor, r.students])).toEqual(
      body.school_courses.map((c) => [
        `https://www.icourse163.org/course/PKU-${c.id}`,
        c.name,
        c.teacherName,
        c.enrollCount,
      ]),
    );
    expect(records[0]).toMatchObject({ title: '骨骼肌肉系统再生医学', instructor: '葛子钢', students: 1605 });
  });
});

describe('listing shapes the captures lack (synthetic pages, test/fixtures/synthetic/courses/README.md)', () => {
  it('coding.imooc.com 实战 list (synthetic, modelled on other projects): teacher, learners, score out of 10 as 0–5, the ￥ price not the one in the title', () => {
    const doc = quietDocument('synthetic/courses/listing-imooc-coding.html');
    const read = readCoursePage(doc, 'https://coding.imooc.com/?sort=0&page=1');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(
      read.courses.map((c) => [c.url, c.title, c.price, c.instructor, c.students, c.rating, c.ratingCount]),
    ).toEqual([
      [
        'https://coding.imooc.com/class/901.html',
        'Go 微服务实战 从零到上线',
        348,
        '示例老师甲',
        166,
        4.855,
        7,
      ],
      [
        'https://coding.imooc.com/class/902.html',
        '【拼团0.1元】Vue3 电商项目实战',
        299,
        '示例老师乙',
        1280,
        5,
        undefined,
      ],
    ]);
    expect(read.courses.every((c) => c.currency === 'CNY')).toBe(true);
    expect(valid(read.courses)).toBe(true);
  });

  it('a JSON-LD ItemList: a price in the title is not the price, "0.0" is free, a course listed twice is one record', () => {
    const doc = quietDocument('synthetic/courses/listing-jsonld-itemlist.html');
    const read = readCoursePage(doc, 'https://learn.example.cn/c/code?page=1');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(read.courses.map((c) => [c.url, c.title, c.price, c.currency, c.rating])).toEqual([
      ['https://learn.example.cn/course/go', '【拼团0.1元】Go 语言实战课', null, null, undefined],
      ['https://learn.example.cn/course/rust', 'Rust 入门', 0, 'CNY', 4.8],
      ['https://learn.example.cn/course/py', 'Python 数据分析', 199, 'CNY', undefined],
    ]);
    expect(read.courses.every((c) => c.listedOn === 'https://learn.example.cn/c/code')).toBe(true);
  });

  it('inline state: window.__INITIAL_STATE__ holding a 极客时间 column list gives its columns', () => {
    const doc = quietDocument('synthetic/courses/listing-inline-state.html');
    const read = readCoursePage(doc, 'https://time.geekbang.org/');
    expect(read.kind).toBe('list');
    if (read.kind !== 'list') return;
    expect(read.courses.map((c) => [c.title, c.price])).toEqual([
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
});
