/**
 * The preview of "Save N courses on this page" (issue 16), injected into the tab with
 * `scripting.executeScript({func})` like the toast: serialised on its own, so it references nothing
 * outside its body. Text only (page data never becomes markup), in a shadow root, keyboard first:
 * focus starts on Save, Tab moves through the rows, Escape cancels. The user's choice goes back to the
 * background as the URLs picked plus the nonce of this preview; the records themselves stay in the
 * background, so the page cannot slip in a course of its own.
 */

export interface PreviewItem {
  url: string;
  title: string;
  /** "US$19.99", "¥68" or the no-price label: formatted by the background in the UI language. */
  price: string;
  listPrice?: string;
  details: string;
  saved: boolean;
  /** "price changed from CA$21.99": the saved course's last price when the page now shows another. */
  changed?: string;
}

export interface PreviewLabels {
  heading: string;
  /** With "{count}" where the number of courses ticked goes. */
  save: string;
  cancel: string;
  all: string;
  none: string;
  saved: string;
  listPrice: string;
}

export function showListingPreviewInPage(
  items: PreviewItem[],
  labels: PreviewLabels,
  nonce: string,
  shadowMode: 'open' | 'closed',
): void {
  document.querySelector('coursepulse-listing')?.remove();
  const host = document.createElement('coursepulse-listing');
  const root = host.attachShadow({ mode: shadowMode });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; }
    .box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: min(560px, calc(100vw - 32px));
      max-height: min(70vh, 640px); display: flex; flex-direction: column; border-radius: 10px;
      font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 8px 28px rgba(0,0,0,.3);
      background: #fff; color: #111827; border: 1px solid #d1d5db; }
    h2 { font-size: 15px; margin: 0; padding: 12px 14px 8px; }
    ul { list-style: none; margin: 0; padding: 0 6px; overflow: auto; flex: 1; }
    li { display: flex; gap: 8px; align-items: flex-start; padding: 6px 8px; border-top: 1px solid #e5e7eb; }
    label { flex: 1; min-width: 0; cursor: pointer; }
    .title { font-weight: 600; overflow-wrap: anywhere; }
    .meta { color: #4b5563; font-size: 12px; }
    .saved { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 8px; font-size: 11px;
      background: #dcfce7; color: #14532d; }
    s { color: #6b7280; }
    a { color: #1d4ed8; font-size: 12px; }
    .bar { display: flex; gap: 8px; padding: 10px 14px; border-top: 1px solid #e5e7eb; flex-wrap: wrap; }
    button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid #9ca3af; background: #f9fafb;
      color: inherit; cursor: pointer; }
    button.primary { background: #047857; border-color: #047857; color: #fff; margin-left: auto; }
    :focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .box { background: #111827; color: #f3f4f6; border-color: #374151; }
      li, .bar { border-color: #374151; }
      .meta, s { color: #9ca3af; }
      a { color: #93c5fd; }
      button { background: #1f2937; border-color: #4b5563; }
      .saved { background: #14532d; color: #dcfce7; }
    }`;
  const box = document.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-labelledby', 'cp-listing-heading');
  const heading = document.createElement('h2');
  heading.id = 'cp-listing-heading';
  heading.textContent = `课脉 CoursePulse · ${labels.heading}`;
  const list = document.createElement('ul');
  const boxes: HTMLInputElement[] = [];
  items.forEach((item, i) => {
    const row = document.createElement('li');
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.checked = true;
    check.id = `cp-listing-${i}`;
    check.value = item.url;
    boxes.push(check);
    const label = document.createElement('label');
    label.htmlFor = check.id;
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = item.title;
    if (item.saved) {
      const mark = document.createElement('span');
      mark.className = 'saved';
      mark.textContent = labels.saved;
      title.append(mark);
    }
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.append(item.price);
    if (item.listPrice) {
      const was = document.createElement('s');
      was.textContent = item.listPrice;
      was.title = labels.listPrice;
      meta.append(' ', was);
    }
    if (item.details) meta.append(` · ${item.details}`);
    if (item.changed) {
      const changed = document.createElement('strong');
      changed.textContent = ` · ${item.changed}`;
      meta.append(changed);
    }
    label.append(title, meta);
    row.append(check, label);
    // Only http(s) links are clickable; the background sends no other kind, and this checks again.
    if (/^https?:\/\//i.test(item.url)) {
      const link = document.createElement('a');
      link.href = item.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = '↗';
      link.setAttribute('aria-label', item.title);
      row.append(link);
    }
    list.append(row);
  });
  const bar = document.createElement('div');
  bar.className = 'bar';
  const button = (text: string, onClick: () => void, primary = false) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (primary) b.className = 'primary';
    b.addEventListener('click', onClick);
    return b;
  };
  const save = button(
    '',
    () => {
      const urls = boxes.filter((b) => b.checked).map((b) => b.value);
      host.remove();
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const scope = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
      void (scope.browser ?? scope.chrome)?.runtime.sendMessage({ type: 'listing.save', nonce, urls });
    },
    true,
  );
  const count = () => {
    save.textContent = labels.save.replace('{count}', String(boxes.filter((b) => b.checked).length));
    save.disabled = !boxes.some((b) => b.checked);
  };
  for (const b of boxes) b.addEventListener('change', count);
  const setAll = (on: boolean) => () => {
    for (const b of boxes) b.checked = on;
    count();
  };
  const close = () => host.remove();
  bar.append(
    button(labels.all, setAll(true)),
    button(labels.none, setAll(false)),
    button(labels.cancel, close),
    save,
  );
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  box.append(heading, list, bar);
  root.append(style, box);
  document.documentElement.append(host);
  count();
  save.focus();
}
