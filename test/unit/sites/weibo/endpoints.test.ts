import { describe, expect, it } from 'vitest';
import { endpointOf, idParam, WEIBO_HOOK_PATTERN } from '../../../../lib/sites/weibo/endpoints';
import { idToMblogid, mblogidToId } from '../../../../lib/sites/weibo/ids';

const hook = new RegExp(WEIBO_HOOK_PATTERN);

// [url, endpoint id]: the same URLs must pass the hook's pattern.
const POSITIVE: Array<[string, string]> = [
  ['https://weibo.com/ajax/statuses/mymblog?uid=1645372340&page=1&feature=0', 'ajax/statuses/mymblog'],
  ['https://www.weibo.com/ajax/statuses/show?id=K3fnuEfZK', 'ajax/statuses/show'],
  ['https://weibo.com/ajax/statuses/longtext?id=K3dsQFvJr', 'ajax/statuses/longtext'],
  [
    'https://weibo.com/ajax/feed/friendstimeline?list_id=1&refresh=4&since_id=0&count=25',
    'ajax/feed/friendstimeline',
  ],
  [
    'https://weibo.com/ajax/feed/groupstimeline?list_id=4671234&refresh=4&count=25',
    'ajax/feed/groupstimeline',
  ],
  [
    'https://weibo.com/ajax/feed/unreadfriendstimeline?list_id=&refresh=4&since_id=0&count=10',
    'ajax/feed/unreadfriendstimeline',
  ],
  ['https://weibo.com/ajax/profile/info?uid=1669879400', 'ajax/profile/info'],
  [
    'https://weibo.com/ajax/statuses/repostTimeline?id=4984924937388692&page=1&moduleID=feed',
    'ajax/statuses/repostTimeline',
  ],
  [
    'https://weibo.com/ajax/statuses/buildComments?is_reload=1&id=4984924937388692&count=10',
    'ajax/statuses/buildComments',
  ],
  ['/ajax/statuses/mymblog?uid=1&page=2', 'ajax/statuses/mymblog'],
  ['https://m.weibo.cn/api/container/getIndex?containerid=1076036279793937', 'm/container/getIndex'],
  ['https://m.weibo.cn/api/container/getIndex?type=uid&value=6279793937', 'm/container/getIndex'],
  ['https://m.weibo.cn/api/config', 'm/config'],
  ['https://m.weibo.cn/statuses/show?id=4383411844046171', 'm/statuses/show'],
  ['https://m.weibo.cn/statuses/extend?id=4645748019299849', 'm/statuses/extend'],
  [
    'https://m.weibo.cn/comments/hotflow?id=4645748019299849&mid=4645748019299849&max_id_type=0',
    'm/comments/hotflow',
  ],
  [
    'https://m.weibo.cn/comments/hotFlowChild?cid=4645748019299850&max_id=0&max_id_type=0',
    'm/comments/hotFlowChild',
  ],
  [
    'https://weibo.com/ajax/statuses/buildComments?flow=0&is_reload=1&id=4984924937388693&fetch_level=1&count=20',
    'ajax/statuses/buildComments',
  ],
  ['/api/container/getIndex?containerid=2304131669879400', 'm/container/getIndex'],
  ['//m.weibo.cn/statuses/extend?id=1', 'm/statuses/extend'],
];

const NEGATIVE = [
  'https://weibo.com/ajax/statuses/mymblogs?uid=1',
  'https://weibo.com/ajax/statuses/config',
  'https://weibo.com/ajax/side/hotSearch',
  'https://weibo.com/1669879400/J74OAhxtL',
  'https://m.weibo.cn/ajax/statuses/show?id=1',
  'https://weibo.com/api/container/getIndex?containerid=1',
  'https://evil.example/ajax/statuses/show?id=1',
  'https://m.weibo.cn.evil.example/statuses/show?id=1',
  'https://m.weibo.cn/status/4645748019299849',
  'https://x.com/i/api/graphql/abc/UserTweets',
];

describe('weibo endpoints', () => {
  it.each(POSITIVE)('classifies %s', (url, id) => {
    expect(endpointOf(url)).toBe(id);
    expect(hook.test(url)).toBe(true);
  });

  it.each(NEGATIVE)('ignores %s', (url) => {
    expect(endpointOf(url)).toBeNull();
  });

  it('keeps the hook pattern small and free of other hosts', () => {
    expect(WEIBO_HOOK_PATTERN.length).toBeLessThan(400);
    expect(hook.test('https://evil.example/ajax/statuses/show?id=1')).toBe(false);
    expect(hook.test('https://weibo.com/ajax/side/hotSearch')).toBe(false);
  });

  it('reads the id parameter of longtext and extend requests', () => {
    expect(idParam('https://m.weibo.cn/statuses/extend?id=4645748019299849')).toBe('4645748019299849');
    expect(idParam('/ajax/statuses/longtext?id=K3dsQFvJr')).toBe('K3dsQFvJr');
    expect(idParam('https://weibo.com/ajax/statuses/longtext')).toBeNull();
  });
});

describe('mblogid ↔ id', () => {
  // Vectors from research/analytics.md §4.3 (stablog, 2026 API notes, an m.weibo.cn sample) plus two
  // pairs read from our own fixtures (weibo_ak_list_0.json: id + bid on the same mblog).
  const PAIRS: Array<[string, string]> = [
    ['4607741009594608', 'K3fnuEfZK'],
    ['4607667449893429', 'K3dsQFvJr'],
    ['5319196504230218', 'R83o6hKtk'],
    ['5312356647437845', 'R5bs4vcVf'],
    ['4387933362623405', 'HATy0b0sZ'],
    ['4645748019299849', 'Kjc77D1jz'],
    ['4984924937388692', 'NzDhHv08s'],
  ];
  it.each(PAIRS)('%s ↔ %s', (id, mblogid) => {
    expect(idToMblogid(id)).toBe(mblogid);
    expect(mblogidToId(mblogid)).toBe(id);
  });

  it('rejects what is no mblogid', () => {
    expect(mblogidToId('')).toBeNull();
    expect(mblogidToId('K3f-nuEfZK')).toBeNull();
    expect(mblogidToId('ZZZZ')).toBeNull();
  });
});
