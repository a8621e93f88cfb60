import { installHook } from '@/lib/capture/hook';
import { YOUTUBE_HOOK_PATTERN } from '@/lib/sites/youtube/endpoints';
import { SITE_MATCHES } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: SITE_MATCHES.youtube,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installHook(new RegExp(YOUTUBE_HOOK_PATTERN)),
});
