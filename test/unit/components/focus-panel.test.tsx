// @vitest-environment happy-dom
/**
 * A detail panel opened from a row's button (components/hooks.ts useFocusWhenOpened): the focus moves
 * into it when it opens and back to that button when it closes from inside, in happy-dom.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { useFocusWhenOpened } from '../../../components/hooks';

function Panel({ row, onClose }: { row: string; onClose: () => void }) {
  const panel = useFocusWhenOpened<HTMLElement>(row);
  return (
    <section data-testid="panel" tabIndex={-1} ref={panel}>
      {row}{' '}
      <button type="button" data-testid="close" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

function Table() {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div>
      {['a', 'b', 'c'].map((row) => (
        <button type="button" key={row} data-row={row} onClick={() => setOpen(row)}>
          {row}
        </button>
      ))}
      {open && <Panel row={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

let container: HTMLElement;
const $ = (selector: string) => container.querySelector<HTMLElement>(selector)!;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<Table />, container));
});

afterEach(() => {
  render(null, container);
  container.remove();
});

/** Focuses and clicks, as Enter on a focused button does. */
async function press(el: HTMLElement) {
  el.focus();
  await act(() => el.click());
}

it('moves the focus into the panel, then back to the row button that opened it on Close', async () => {
  await press($('[data-row="b"]'));
  expect(document.activeElement).toBe($('[data-testid="panel"]'));
  await press($('[data-testid="close"]'));
  expect(container.querySelector('[data-testid="panel"]')).toBeNull();
  expect(document.activeElement).toBe($('[data-row="b"]'));
});

it('returns to the button of the row shown last when another row was opened meanwhile', async () => {
  await press($('[data-row="a"]'));
  await press($('[data-row="c"]'));
  expect(document.activeElement).toBe($('[data-testid="panel"]'));
  expect($('[data-testid="panel"]').textContent).toContain('c');
  await press($('[data-testid="close"]'));
  expect(document.activeElement).toBe($('[data-row="c"]'));
});
