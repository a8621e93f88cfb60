import type { ComponentChildren } from 'preact';
import { useFocusWhenOpened } from './hooks';

/**
 * The detail card a row of a table opens (a post's history, an account's growth path, a course's
 * price history): it takes the focus when it opens for `openKey` and gives it back to the row's
 * button when closed (useFocusWhenOpened), with the title and a Close button in its head.
 */
export function DetailPanel(props: {
  openKey: string;
  titleId: string;
  testId: string;
  title: ComponentChildren;
  closeLabel: string;
  onClose: () => void;
  /** Buttons before Close (e.g. Delete post). */
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const panel = useFocusWhenOpened<HTMLElement>(props.openKey);
  const close = (
    <button type="button" onClick={props.onClose}>
      {props.closeLabel}
    </button>
  );
  return (
    <section
      class="card"
      aria-labelledby={props.titleId}
      data-testid={props.testId}
      tabIndex={-1}
      ref={panel}
    >
      <div class="card-head">
        <h2 id={props.titleId}>{props.title}</h2>
        {props.actions ? (
          <span>
            {props.actions} {close}
          </span>
        ) : (
          close
        )}
      </div>
      {props.children}
    </section>
  );
}
