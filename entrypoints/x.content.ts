import { startCapture } from '@/lib/capture/content';
import { xAdapter } from '@/lib/sites/x';
import { SITE_MATCHES } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: SITE_MATCHES.x,
  runAt: 'document_start',
  main: (ctx) => startCapture(ctx, xAdapter),
});
