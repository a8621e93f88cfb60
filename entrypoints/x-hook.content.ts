import { installHook } from '@/lib/capture/hook';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import { X_HOOK_PATTERN } from '@/lib/sites/x/endpoints';

export default defineContentScript({
  matches: SITE_MATCHES.x,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installHook(new RegExp(X_HOOK_PATTERN)),
});
