import { startCapture } from '@/lib/capture/content';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import { xAdapter } from '@/lib/sites/x';

export default defineContentScript({
  matches: SITE_MATCHES.x,
  runAt: 'document_start',
  main: (ctx) => startCapture(ctx, xAdapter),
});
