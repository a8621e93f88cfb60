/**
 * The isolated-world glue every site's content script shares: it relays the hook's JSON copies and
 * the DOM to the site's pure extractors, and sends what they find to the background in batches,
 * resending each batch until the background acknowledges it.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { now, nowDate } from '../clock';
import { unreadResponse } from '../diagnostic';
import type { CaptureAck, CaptureBatch, CaptureRecord, ExtractFailure, Extraction } from '../records';
import type { SiteAdapter } from '../sites/types';
import { HOOK_MESSAGE, type HookMessage, MAX_BODY_CHARS } from './hook';
import { captureEnabled, watchCaptureSetting } from './settings';

const FLUSH_DELAY_MS = 800;
const MAX_RECORDS_PER_BATCH = 200;
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 30_000;
const MAX_QUEUED_FAILURES = 200;

interface Options {
  /** A site event after which the page describes a new URL (YouTube's `yt-navigate-finish`). */
  navigationEvent?: string;
}

export function startCapture(ctx: ContentScriptContext, adapter: SiteAdapter, options: Options = {}): void {
  const sender = new BatchSender(ctx, adapter.platform);
  let enabled = false;
  const extractionContext = () => ({
    url: location.href,
    pageUrl: location.href,
    now: nowDate(),
    locale: document.documentElement.lang,
  });

  const accept = (source: string, extraction: Extraction) => sender.add(source, extraction);
  const unreadSeen = new Map<string, ExtractFailure>();

  // With capture off for this site nothing is parsed at all, not merely left unsent.
  const onHookMessage = (event: MessageEvent) => {
    if (!enabled || event.source !== window || !isHookMessage(event.data)) return;
    const url = new URL(event.data.url, location.href).href;
    const endpoint = adapter.endpointOf(url);
    if (!endpoint) return;
    const source = `${adapter.platform}.${endpoint}`;
    // The hook never copies a larger body, so a larger one was forged by the page: not parsed at all.
    if (event.data.body.length > MAX_BODY_CHARS) {
      const cap = MAX_BODY_CHARS.toLocaleString('en');
      const reason = `response of ${event.data.body.length} characters is over the ${cap}-character cap; not read`;
      accept(source, { records: [], failures: [{ extractor: source, reason }] });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(event.data.body);
    } catch {
      accept(source, { records: [], failures: [{ extractor: source, reason: 'response is not JSON' }] });
      return;
    }
    const extraction = adapter.extractJson(endpoint, body, { ...extractionContext(), url });
    // Data that yields nothing is how a site's change shows: say so, with the response's key skeleton,
    // computed once per endpoint and page (a cold first run on a 1 MB body takes up to ~100 ms).
    if (!extraction.records.length) {
      const unread = unreadResponse(source, url, body, event.data.body.length, unreadSeen.get(source));
      if (unread) {
        unreadSeen.set(source, unread);
        extraction.failures.push(unread);
      }
    }
    accept(source, extraction);
  };
  // Listening before the first await: the hook may copy responses while settings load.
  const early: MessageEvent[] = [];
  const buffer = (event: MessageEvent) => early.push(event);
  ctx.addEventListener(window, 'message', buffer);

  const scanDocument = () => {
    if (enabled) accept(`${adapter.platform}.dom`, adapter.extractDom(document, extractionContext()));
  };
  const observer = new SubtreeQueue(ctx, (roots) => {
    if (!enabled) return;
    for (const root of roots)
      accept(`${adapter.platform}.dom`, adapter.extractDom(root, extractionContext()));
  });

  void (async () => {
    enabled = await captureEnabled(adapter.platform);
    watchCaptureSetting(adapter.platform, (on) => {
      enabled = on;
    });
    window.removeEventListener('message', buffer);
    ctx.addEventListener(window, 'message', onHookMessage);
    for (const event of early.splice(0)) onHookMessage(event);
    if (document.readyState === 'loading') {
      ctx.addEventListener(document, 'DOMContentLoaded', () => {
        scanDocument();
        observer.start();
      });
    } else {
      scanDocument();
      observer.start();
    }
    if (options.navigationEvent) {
      ctx.addEventListener(document, options.navigationEvent as 'DOMContentLoaded', () => scanDocument());
    }
  })();
}

function isHookMessage(data: unknown): data is HookMessage {
  const m = data as HookMessage | null;
  return !!m && m.type === HOOK_MESSAGE && typeof m.url === 'string' && typeof m.body === 'string';
}

/**
 * One MutationObserver that only queues added elements; the work runs when the page is idle, once
 * per element, skipping elements inside another queued one.
 */
class SubtreeQueue {
  private queued = new Set<Element>();
  private scheduled = false;

  constructor(
    private ctx: ContentScriptContext,
    private process: (roots: Element[]) => void,
  ) {}

  start(): void {
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes)
          if (node.nodeType === Node.ELEMENT_NODE) this.queued.add(node as Element);
      }
      this.schedule();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    this.ctx.onInvalidated(() => observer.disconnect());
  }

  private schedule(): void {
    if (this.scheduled || this.queued.size === 0) return;
    this.scheduled = true;
    this.ctx.requestIdleCallback(
      () => {
        this.scheduled = false;
        const roots = [...this.queued].filter((el) => el.isConnected);
        this.queued.clear();
        const rootSet = new Set(roots);
        const outermost = roots.filter((el) => {
          for (let p = el.parentElement; p; p = p.parentElement) if (rootSet.has(p)) return false;
          return true;
        });
        this.process(outermost);
      },
      { timeout: 2000 },
    );
  }
}

/**
 * Collects records, drops ones identical to what this page already sent, and sends batches to the
 * background; a batch is resent with the same id until acknowledged, so a service-worker restart
 * loses nothing and a resend is recognised.
 */
class BatchSender {
  private sent = new Map<string, string>();
  private pending = new Map<string, { record: CaptureRecord; source: string; fingerprint: string }>();
  private failures: Array<ExtractFailure> = [];
  private timer: number | undefined;

  constructor(
    private ctx: ContentScriptContext,
    private site: CaptureBatch['site'],
  ) {}

  add(source: string, extraction: Extraction): void {
    for (const extracted of extraction.records) {
      const key = recordKey(extracted);
      const record = keepViewerIsOwner(this.pending.get(key)?.record, extracted);
      const fingerprint = JSON.stringify(record);
      if (this.sent.get(key) === fingerprint) continue;
      this.pending.set(key, { record, source, fingerprint });
    }
    // A page feeding garbage must not grow the queue without bound: the first failures tell the story.
    const room = MAX_QUEUED_FAILURES - this.failures.length;
    this.failures.push(...extraction.failures.slice(0, Math.max(0, room)));
    if (this.pending.size || this.failures.length) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.timer !== undefined) return;
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, FLUSH_DELAY_MS);
  }

  private flush(): void {
    const bySource = new Map<string, CaptureRecord[]>();
    for (const [key, { record, source, fingerprint }] of this.pending) {
      this.sent.set(key, fingerprint);
      const list = bySource.get(source) ?? [];
      list.push(record);
      bySource.set(source, list);
    }
    this.pending.clear();
    const failures = this.failures.splice(0, 50);
    if (failures.length && bySource.size === 0) bySource.set(`${this.site}.failures`, []);
    for (const [source, records] of bySource) {
      for (let i = 0; i < Math.max(records.length, 1); i += MAX_RECORDS_PER_BATCH) {
        const batch: CaptureBatch = {
          type: 'capture',
          batchId: crypto.randomUUID(),
          site: this.site,
          pageUrl: location.href,
          source,
          records: records.slice(i, i + MAX_RECORDS_PER_BATCH),
          failures: i === 0 ? failures.splice(0) : [],
          observedAt: now(),
        };
        void this.send(batch, 0);
      }
    }
    if (this.failures.length) this.scheduleFlush();
  }

  private async send(batch: CaptureBatch, attempt: number): Promise<void> {
    if (this.ctx.isInvalid) return;
    let ack: CaptureAck | undefined;
    try {
      ack = (await browser.runtime.sendMessage(batch)) as CaptureAck | undefined;
    } catch {
      ack = undefined;
    }
    if (ack?.ok) return;
    if (ack && !ack.ok && !ack.reason.startsWith('retry')) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt);
    this.ctx.setTimeout(() => void this.send(batch, attempt + 1), delay);
  }
}

/**
 * The account a page's state names as the signed-in viewer stays so when the page's JSON describes
 * the same account before the batch goes (the user's own profile: its UserByScreenName response
 * follows the page within the flush delay); the later record would otherwise replace it and lose it.
 */
function keepViewerIsOwner(queued: CaptureRecord | undefined, record: CaptureRecord): CaptureRecord {
  const ownerQueued = queued?.kind === 'account' && queued.viewerIsOwner;
  return ownerQueued && record.kind === 'account' && !record.viewerIsOwner
    ? { ...record, viewerIsOwner: true }
    : record;
}

const recordKey = (record: CaptureRecord): string =>
  record.kind === 'course' ? `course:${record.url}` : `${record.kind}:${record.platform}:${record.id}`;
