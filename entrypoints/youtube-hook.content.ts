import { installHook } from '@/lib/capture/hook';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import { YOUTUBE_HOOK_PATTERN } from '@/lib/sites/youtube/endpoints';

export default defineContentScript({
  matches: SITE_MATCHES.youtube,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installHook(new RegExp(YOUTUBE_HOOK_PATTERN)),
});
