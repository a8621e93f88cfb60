import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** A fresh element to render into for each test of the file, unmounted and removed after it. */
export function renderTarget(): () => HTMLElement {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });
  return () => container;
}
