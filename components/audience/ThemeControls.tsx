/**
 * The user's corrections of one theme in the Audience view: rename, pin, merge into another theme,
 * split by some of its words, and the way back from each (undo a merge or a split, the automatic
 * name back). Every change goes to the background, the single writer; the view re-reads and
 * re-analyses live. Keyboard first: each form takes the focus when it opens, Escape closes it and
 * gives the focus back to the button that opened it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ThemeSummary } from '@/lib/audience/analyse';
import type { Command } from '@/lib/messages';
import type { Translator } from '../hooks';
import { send } from '../send';
import type { ThemeEditState } from './edit-state';

type Mode = 'rename' | 'merge' | 'split' | null;

export function ThemeControls({
  theme,
  state,
  others,
  onMoved,
  tr,
}: {
  theme: { id: string; label: string };
  state: ThemeEditState;
  /** Themes it can be merged into. */
  others: Pick<ThemeSummary, 'id' | 'label'>[];
  /** After a merge, split or undo this theme may leave the list: the focus goes to the theme named. */
  onMoved: (theme: string) => void;
  tr: Translator;
}) {
  const { t } = tr;
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState('');
  const opener = useRef<HTMLButtonElement | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [mode]);
  const open = (next: Mode) => (event: Event) => {
    opener.current = event.currentTarget as HTMLButtonElement;
    setError('');
    setMode(next);
  };
  const close = () => {
    setMode(null);
    opener.current?.focus();
  };
  /** Sends the edit; on success closes the open form, and moves the focus where the comments went. */
  const run = async (command: Command, focusAfter?: (detail: unknown) => string) => {
    const reply = await send(command);
    if (!reply.ok) {
      setError(reply.reason);
      return;
    }
    setError('');
    if (focusAfter) {
      setMode(null);
      onMoved(focusAfter(reply.detail));
    } else if (mode) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  /** An open form: focused on opening, Escape or Cancel closes it; submitting hands over its fields. */
  const editForm = (submit: (fields: FormData) => void, children: ComponentChildren) => (
    <form
      ref={form}
      class="theme-form"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
    >
      {children}{' '}
      <button type="button" onClick={close}>
        {t('audienceEditCancel')}
      </button>
    </form>
  );
  const { centre } = state;
  return (
    <div class="theme-controls" data-testid="theme-controls">
      <div class="theme-actions">
        <button type="button" class="small" onClick={open('rename')} aria-expanded={mode === 'rename'}>
          {t('audienceEditRename')}
        </button>
        <button
          type="button"
          class="small"
          aria-pressed={state.pinned}
          onClick={() => void run({ type: 'theme.pin', theme: theme.id, pinned: !state.pinned, centre })}
        >
          {t(state.pinned ? 'audienceEditUnpin' : 'audienceEditPin')}
        </button>
        {others.length > 0 && (
          <button type="button" class="small" onClick={open('merge')} aria-expanded={mode === 'merge'}>
            {t('audienceEditMerge')}
          </button>
        )}
        {state.splitTerms.length > 0 && (
          <button type="button" class="small" onClick={open('split')} aria-expanded={mode === 'split'}>
            {t('audienceEditSplit')}
          </button>
        )}
      </div>
      {mode === 'rename' &&
        editForm(
          (fields) =>
            void run({
              type: 'theme.rename',
              theme: theme.id,
              label: String(fields.get('label') ?? ''),
              centre,
            }),
          <>
            <label>
              {t('audienceEditRenameField', theme.label)}{' '}
              <input name="label" type="text" maxLength={120} defaultValue={theme.label} required />
            </label>{' '}
            <button type="submit">{t('audienceEditSave')}</button>{' '}
            {state.renamed && (
              <button
                type="button"
                onClick={() => void run({ type: 'theme.rename', theme: theme.id, label: '', centre })}
              >
                {t('audienceEditAutoName')}
              </button>
            )}
          </>,
        )}
      {mode === 'merge' &&
        editForm(
          (fields) => {
            const into = String(fields.get('into') ?? '');
            void run(
              { type: 'theme.merge', theme: theme.id, into, shownAs: theme.label, centre },
              () => into,
            );
          },
          <>
            <label>
              {t('audienceEditMergeField', theme.label)}{' '}
              <select name="into" required>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit">{t('audienceEditMergeConfirm')}</button>
          </>,
        )}
      {mode === 'split' &&
        editForm(
          (fields) => {
            const terms = fields.getAll('term').map(String);
            if (terms.length === 0) setError(t('audienceEditSplitNone'));
            else void run({ type: 'theme.split', theme: theme.id, terms }, (detail) => String(detail));
          },
          <>
            <fieldset>
              <legend>{t('audienceEditSplitLegend', theme.label)}</legend>
              {state.splitTerms.map((term) => (
                <label key={term} class="theme-term">
                  <input type="checkbox" name="term" value={term} /> {term}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t('audienceEditSplitConfirm')}</button>
          </>,
        )}
      {error && (
        <p class="warning" role="alert">
          {t('audienceEditFailed', error)}
        </p>
      )}
      {state.mergedHere.length > 0 && (
        <ul class="theme-undo" aria-label={t('audienceEditMergedHere')}>
          {state.mergedHere.map((m) => (
            <li key={m.theme}>
              {t('audienceEditMergedFrom', m.label)}{' '}
              <button
                type="button"
                class="small"
                onClick={() => void run({ type: 'theme.unmerge', theme: m.theme }, () => m.theme)}
              >
                {t('audienceEditUnmerge', m.label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {state.splitFrom && (
        <p class="theme-undo">
          {t('audienceEditSplitFrom', state.splitFrom.label, state.splitFrom.terms.join(', '))}{' '}
          <button
            type="button"
            class="small"
            onClick={() => void run({ type: 'theme.unsplit', theme: theme.id }, () => state.splitFrom!.theme)}
          >
            {t('audienceEditUnsplit')}
          </button>
        </p>
      )}
    </div>
  );
}
