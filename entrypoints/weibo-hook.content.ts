import { installHook } from '@/lib/capture/hook';
import { WEIBO_HOOK_PATTERN } from '@/lib/sites/weibo/endpoints';
import { SITE_MATCHES } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: SITE_MATCHES.weibo,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installHook(new RegExp(WEIBO_HOOK_PATTERN)),
});
