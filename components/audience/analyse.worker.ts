/// <reference lib="webworker" />
/**
 * Runs lib/audience's analysis off the UI thread: tagging and grouping 10k comments takes about a
 * second, which on the page would freeze the dashboard.
 */
import { type AudienceInput, analyseAudience } from '@/lib/audience/analyse';
import { answerOf } from '../worker-run';

self.onmessage = async (event: MessageEvent<AudienceInput>) => {
  self.postMessage(await answerOf(analyseAudience, event.data));
};

/**
 * A first analysis compiles the tag rules' expressions and loads the Chinese word segmenter and the
 * time zone's calendar, 0.2-0.5 s cold. The view starts this worker before reading its comments
 * (./worker-client.ts), so a made-up pair of comments pays for that while the view reads, and
 * the real comments meet warm code. A message arriving meanwhile waits for it, as it would have
 * paid the same.
 */
const AT = Date.UTC(2026, 0, 5);
analyseAudience({
  comments: [
    {
      platform: 'x',
      id: 'w1',
      authorId: 'w1',
      text: 'How do I install it? It fails with an error',
      createdAt: '2026-01-04T08:00:00Z',
    },
    {
      platform: 'weibo',
      id: 'w2',
      authorId: 'w2',
      text: '这个报错怎么解决？求资料，能不能出一期',
      createdAt: '2026-01-04T09:00:00Z',
    },
  ],
  accounts: [{ platform: 'weibo', id: 'w2', bio: '前端工程师，在读学生', location: '北京', followers: 10 }],
  now: AT,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});
