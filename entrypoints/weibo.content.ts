import { startCapture } from '@/lib/capture/content';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import { weiboAdapter } from '@/lib/sites/weibo';

export default defineContentScript({
  matches: SITE_MATCHES.weibo,
  runAt: 'document_start',
  main: (ctx) => startCapture(ctx, weiboAdapter),
});
