import { type Browser, browser } from 'wxt/browser';
import { checkSavedCoursesInTab, clearFlag, flagCourseVisit } from '@/lib/background/check-course';
import { runCommand } from '@/lib/background/commands';
import { ingestMessage, RateLimiter } from '@/lib/background/ingest';
import { keepAliveUntil } from '@/lib/background/keep-alive';
import { saveCourseFromTab, saveCourseLink, saveListingChoice } from '@/lib/background/save-course';
import { isSyncMessage, syncRunner } from '@/lib/background/sync';
import { rememberTabCapture } from '@/lib/background/tab-captures';
import { now } from '@/lib/clock';
import { db } from '@/lib/db/schema';
import { todayPublisher } from '@/lib/db/today';
import { pruneLogs } from '@/lib/db/write';
import type { CommandReply } from '@/lib/messages';

const SAVE_COURSE_MENU = 'save-course';

export default defineBackground(() => {
  const limiter = new RateLimiter();
  const database = db();
  // Opening may run a schema upgrade, minutes long on a large profile. A failed open fails every
  // query after it, each reported where it is made.
  keepAliveUntil(database.open(), () => browser.runtime.getPlatformInfo()).catch(() => undefined);
  const publishToday = todayPublisher(database);
  const sync = syncRunner(database);
  void sync.resume();
  browser.alarms.onAlarm.addListener((alarm) => sync.onAlarm(alarm.name));
  // Session storage starts empty with the browser: the popup's quick copy of today's totals too.
  void publishToday();

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: SAVE_COURSE_MENU,
        title: browser.i18n.getMessage('menuSaveCourse'),
        contexts: ['page', 'link'],
      }),
    );
    void pruneLogs(database, now());
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_COURSE_MENU || !tab?.id) return;
    if (info.linkUrl) void saveCourseLink(database, tab.id, info.linkUrl, info.selectionText);
    else void saveCourseFromTab(database, tab.id);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    limiter.forget(tabId);
    void clearFlag(tabId);
  });
  // A page of a saved course whose price changed since the user saw it is flagged on its tab. The
  // address is there only where the browser shows it to the extension (lib/background/check-course.ts).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete')
      void flagCourseVisit(database, tabId, tab.url);
  });

  const handleMessage = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'capture') {
      return ingestMessage(
        database,
        message,
        { id: sender.id, tabId: sender.tab?.id, tabUrl: sender.tab?.url },
        browser.runtime.id,
        limiter,
        now(),
      ).then(async (result) => {
        if (result.ok && result.batch && sender.tab?.id !== undefined) {
          await rememberTabCapture(sender.tab.id, result.batch.records);
        }
        if (result.ok) {
          void publishToday();
          sync.afterCapture();
        }
        return result.ok ? { ok: true, batchId: result.batchId, written: result.written } : result;
      });
    }
    // The listing preview's answer comes from the tab it was shown in, checked against its nonce.
    if (type === 'listing.save' && sender.id === browser.runtime.id) {
      return saveListingChoice(database, message, sender.tab?.id);
    }
    // Commands come only from the extension's own pages, never from a tab's content script.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) {
      return Promise.resolve<CommandReply>({
        ok: false,
        reason: 'commands are accepted from extension pages only',
      });
    }
    if (isSyncMessage(type)) return sync.handle(message);
    return runCommand(
      {
        db: database,
        saveCourseFromTab: (tabId) => saveCourseFromTab(database, tabId),
        checkCoursesInTab: (tabId) => checkSavedCoursesInTab(database, tabId),
        stopSync: () => sync.disconnect(),
      },
      message,
    ).then((reply) => {
      void publishToday();
      return reply;
    });
  };
  // Replies go through sendResponse, which Chrome and Firefox both honour from a listener that
  // returns true, with no polyfill.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  if (import.meta.env.VITE_E2E) {
    const hook: Record<string, unknown> = {
      saveCourseFromTab: (tabId: number) => saveCourseFromTab(database, tabId),
      // A sync step now, resolved when it ends (the tests' way to sync without waiting for triggers).
      syncNow: () => sync.now(),
      checkSavedCoursesInTab: (tabId: number) => checkSavedCoursesInTab(database, tabId),
    };
    Object.assign(globalThis, { __test: hook });
    // WebDriver BiDi does not navigate to extension pages: Firefox's tests reach the database and
    // the dashboard through this tab (test/e2e/firefox.spec.ts).
    if (import.meta.env.FIREFOX) void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
    void import('@/lib/db/bench').then((bench) =>
      Object.assign(hook, {
        // A writer like any other: it publishes today's totals when done.
        generateLarge: async (
          posts: number,
          observationsPerPost: number,
          courses: number,
          comments: number,
        ) => {
          const generated = await bench.generateLarge(
            database,
            posts,
            observationsPerPost,
            courses,
            comments,
          );
          await publishToday();
          return generated;
        },
        ingestThroughput: bench.ingestThroughput,
        ordersImport: bench.ordersImport,
        ordersImportPhases: bench.ordersImportPhases,
        ordersWriteVariants: bench.ordersWriteVariants,
        popupWeekOrders: bench.popupWeekOrders,
        stored: () => bench.stored(database),
        upgradeToRuns: () => bench.upgradeToRuns(database),
      }),
    );
  }
});
