/**
 * The MAIN-world hook: copies the bodies of the site's own JSON responses to the isolated content
 * script. It stays tiny and dumb (no parsing here), keeps the page's fetch and XHR working exactly as
 * before, and installs once per page however often it is injected.
 */
export const HOOK_MESSAGE = 'coursepulse:response';
/** Larger bodies are not copied: no timeline the sites send comes near, and a page cannot flood us. */
export const MAX_BODY_CHARS = 8_000_000;

export interface HookMessage {
  type: typeof HOOK_MESSAGE;
  url: string;
  body: string;
}

const INSTALLED = Symbol.for('coursepulse.hook');

export function installHook(pattern: RegExp): void {
  const w = window as unknown as Record<symbol, boolean>;
  if (w[INSTALLED]) return;
  w[INSTALLED] = true;

  const post = (url: string, body: string) => {
    if (body.length > MAX_BODY_CHARS) return;
    const message: HookMessage = { type: HOOK_MESSAGE, url, body };
    window.postMessage(message, location.origin);
  };

  const originalFetch = window.fetch;
  window.fetch = async function (this: unknown, ...args: Parameters<typeof fetch>) {
    const response = await originalFetch.apply(this, args);
    try {
      const url = response.url || String(args[0] instanceof Request ? args[0].url : args[0]);
      if (pattern.test(url) && response.ok) {
        response
          .clone()
          .text()
          .then((body) => post(url, body))
          .catch(() => {});
      }
    } catch {
      // Never let the copy break the page's own request.
    }
    return response;
  };

  const originalOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    const url = String(args[1]);
    if (pattern.test(url)) {
      this.addEventListener('load', () => {
        try {
          if (this.status < 200 || this.status >= 300) return;
          if (this.responseType === '' || this.responseType === 'text')
            post(this.responseURL || url, this.responseText);
          else if (this.responseType === 'json') post(this.responseURL || url, JSON.stringify(this.response));
        } catch {
          // A response we cannot read is one we do not copy.
        }
      });
    }
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof XMLHttpRequest.prototype.open;
}
