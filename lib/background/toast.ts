/**
 * Injected into the page with `scripting.executeScript({func})`, so it is serialised on its own:
 * it must reference nothing outside its body. Text only, in a closed shadow root, gone after 6 s.
 */
export function showToastInPage(message: string, editUrl: string, editLabel: string, ok: boolean): void {
  const host = document.createElement('coursepulse-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.style.cssText = [
    'position:fixed',
    'right:16px',
    'bottom:16px',
    'z-index:2147483647',
    'max-width:360px',
    'padding:10px 14px',
    'border-radius:8px',
    'font:14px/1.4 system-ui,sans-serif',
    'box-shadow:0 4px 16px rgba(0,0,0,.25)',
    `background:${ok ? '#064e3b' : '#7f1d1d'}`,
    'color:#fff',
  ].join(';');
  const text = document.createElement('span');
  text.textContent = `课脉 CoursePulse · ${message} `;
  box.append(text);
  if (ok) {
    const link = document.createElement('a');
    link.textContent = editLabel;
    link.href = editUrl;
    link.target = '_blank';
    link.rel = 'noopener';
    link.style.color = '#a7f3d0';
    box.append(link);
  }
  root.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 6000);
}
