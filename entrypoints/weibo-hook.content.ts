import { installHook } from '@/lib/capture/hook';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import { WEIBO_HOOK_PATTERN } from '@/lib/sites/weibo/endpoints';

export default defineContentScript({
  matches: SITE_MATCHES.weibo,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installHook(new RegExp(WEIBO_HOOK_PATTERN)),
});
