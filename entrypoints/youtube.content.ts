import { startCapture } from '@/lib/capture/content';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import { youtubeAdapter } from '@/lib/sites/youtube';

export default defineContentScript({
  matches: SITE_MATCHES.youtube,
  runAt: 'document_start',
  // YouTube navigates in-app; its own event says when the page describes the new URL.
  main: (ctx) => startCapture(ctx, youtubeAdapter, { navigationEvent: 'yt-navigate-finish' }),
});
