import { startCapture } from '@/lib/capture/content';
import { weiboAdapter } from '@/lib/sites/weibo';
import { SITE_MATCHES } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: SITE_MATCHES.weibo,
  runAt: 'document_start',
  main: (ctx) => startCapture(ctx, weiboAdapter),
});
