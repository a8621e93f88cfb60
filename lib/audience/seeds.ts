/**
 * The needs a programmer-course audience keeps coming back to, as seed themes: each starts a
 * cluster with a stable id, so the same need keeps its id from run to run and week to week.
 * Terms are tokens as lib/audience/tokens.ts produces them (English stemmed, Chinese words or
 * bigrams). Themes the data holds beyond these grow from its own frequent terms.
 *
 * A term should name its need on its own: words a programmer audience uses about anything ("code",
 * "run", "import", "package", 代码, 运行) pulled comments about courses, concepts and praise into
 * tech-issue, so that theme holds words of failure (error, crash, 报错, 跑不起来) instead. Likewise
 * "start" is not a learning-path term ("how do I start a new drawing" asks how to use a tool): the
 * path's "where do I start" reaches it as the §path need token.
 */
import type { Tag } from './types';

export interface Seed {
  id: string;
  terms: readonly string[];
  /**
   * The main needs (lib/audience/themes.ts `mainNeed`) a comment must have to join, where the
   * theme is itself a kind of need (GUIDE.md): a tech issue is an error or a failure, so a question
   * naming "install" or "version" is not one; more content is asked for, so "more" in a question or
   * a complaint is not a request for it; a concept is asked about, confusion suffered. Absent:
   * every need.
   */
  needs?: readonly Tag[];
}

/** Words of the subject matter itself, asked about (concept) or not understood (confusion). */
const SUBJECT_MATTER = [
  'mean',
  'meaning',
  'difference',
  'concept',
  'theory',
  'intuition',
  'formula',
  'proof',
  'definition',
  '§concept',
  '意思',
  '区别',
  '原理',
  '概念',
  '含义',
  '定义',
];

export const SEEDS: readonly Seed[] = [
  {
    id: 'learning-path',
    terms: [
      'learn',
      'beginner',
      'roadmap',
      'career',
      'job',
      'interview',
      'degree',
      'major',
      'role',
      'skill',
      'path',
      'motivat',
      'study',
      'junior',
      'resume',
      'switch',
      '入门',
      '学习路线',
      '转行',
      '面试',
      '简历',
      '找工作',
      '就业',
      '自学',
      '零基础',
      // Lost for want of the basics ("没学高数听不懂了") is the path's need (prerequisites), not confusion.
      '基础',
      '高数',
      'prerequisite',
      '适合',
      '八股',
      '大厂',
      '秋招',
      '实习',
      '迷茫',
      '读不进去',
      '怎么学',
      '§path',
    ],
  },
  {
    id: 'pricing',
    terms: [
      'price',
      'pricing',
      'free',
      'pay',
      'paid',
      'cost',
      'afford',
      'expensive',
      'cheap',
      'free tier',
      'tier',
      'subscription',
      'money',
      'discount',
      'refund',
      'month',
      'monthly',
      'plan',
      'premium',
      'charg',
      '价格',
      '多少钱',
      '太贵',
      '便宜',
      '免费',
      '付费',
      '收费',
      '优惠',
      '退款',
      '会员',
    ],
  },
  {
    id: 'access',
    terms: [
      'access',
      'account',
      'suspended',
      'banned',
      'approval',
      'login',
      'permission',
      'api access',
      '账号',
      '登录',
      '封号',
      '权限',
      '申请',
      '审核',
    ],
  },
  {
    id: 'tech-issue',
    needs: ['problem'],
    terms: [
      'error',
      'bug',
      'warning',
      'install',
      'setup',
      'version',
      'crash',
      'plugin',
      'compile',
      'stopped',
      '报错',
      '环境',
      '安装',
      '配置',
      '版本',
      '跑不起来',
      '§broken',
      '源码',
    ],
  },
  {
    id: 'materials',
    terms: [
      'link',
      'book',
      'resource',
      'source',
      'pdf',
      'slide',
      'dataset',
      'note',
      '全集',
      '文字版',
      '资料',
      '链接',
      '课件',
      '书单',
      '背景音乐',
      '§materials',
    ],
  },
  {
    id: 'playback',
    terms: [
      'audio',
      'sound',
      'quality',
      'subtitle',
      'caption',
      'resolution',
      'volume',
      'blurry',
      '投屏',
      '字幕',
      '高清',
      '清晰',
      '声音',
      '背景音',
      '画质',
    ],
  },
  {
    id: 'more-content',
    needs: ['request'],
    terms: [
      'more',
      'next',
      'upload',
      'series',
      'part',
      'episode',
      'cover',
      'podcast',
      'course',
      '更新',
      '下一期',
      '出一期',
      '全套',
      '下部',
      '更多',
      '出个',
      '§more',
    ],
  },
  {
    id: 'concept',
    needs: ['question'],
    terms: SUBJECT_MATTER,
  },
  // Not understanding a lesson is a need of its own: where it lost people (pace, prerequisites)
  // rather than a question to answer, and the comments read apart ("这里晕了" beside "这个公式是什么意思").
  {
    id: 'confusion',
    needs: ['problem'],
    terms: SUBJECT_MATTER,
  },
];
