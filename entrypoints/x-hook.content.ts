import { installHook } from '@/lib/capture/hook';
import { X_HOOK_PATTERN } from '@/lib/sites/x/endpoints';
import { SITE_MATCHES } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: SITE_MATCHES.x,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installHook(new RegExp(X_HOOK_PATTERN)),
});
