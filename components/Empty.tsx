import type { ComponentChildren } from 'preact';

/**
 * A view with nothing to show: what is missing and what to do, with a link to the view where it is
 * done (the dashboard follows the address's hash).
 */
export function Empty(props: {
  children: ComponentChildren;
  go?: { view: string; label: string };
  action?: { label: string; run: () => void };
  testId?: string;
}) {
  return (
    <p class="empty" data-testid={props.testId}>
      {props.children}
      {props.go && (
        <>
          {' '}
          <a href={`#${props.go.view}`}>{props.go.label}</a>
        </>
      )}
      {props.action && (
        <>
          {' '}
          <button type="button" onClick={props.action.run}>
            {props.action.label}
          </button>
        </>
      )}
    </p>
  );
}
