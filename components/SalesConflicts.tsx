import { useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n';
import type { Command } from '@/lib/messages';
import { formatMoney } from '@/lib/metrics';
import { type CodeField, NO_POST } from '@/lib/sales/attribute';
import { type PostRef, postKey } from '@/lib/sales/links';
import { netMinor, orderKey } from '@/lib/sales/order';
import { formatCount, formatDateTime, safeHref } from './format';
import type { Translator } from './hooks';
import { type ConflictRow, postOf, type SalesData } from './sales-figures';
import { send } from './send';

/** Orders listed at most: conflicts are rare, and a longer list is decided from the top down. */
const SHOWN = 100;
/** Characters of a post's text that name it on a button. */
const POST_NAME_CHARS = 50;

const FIELD: Record<CodeField, MessageKey> = {
  utm: 'salesFieldUtm',
  coupon: 'salesFieldCoupon',
  affiliate: 'salesFieldAffiliate',
};

/**
 * Orders whose codes name different posts (issue 14): each with its codes and the post each points at,
 * and the seller's choice: count it for one of those posts, for neither, or undo the choice. The
 * figures above follow at once (they are read live). The list keeps its order (newest first) whatever
 * is decided, so the focus stays on the button just pressed.
 */
export function SalesConflicts({ data, tr }: { data: SalesData; tr: Translator }) {
  const { t, tag } = tr;
  const rows = data.conflicts;
  if (rows.length === 0)
    return data.orders > 0 ? (
      <p class="muted small" data-testid="sales-conflicts-none">
        {t('salesConflictsNone')}
      </p>
    ) : null;
  const open = data.report.conflicts.length;
  const decided = data.report.decided.length;
  return (
    <section aria-labelledby="sales-conflicts-title" data-testid="sales-conflicts">
      <h3 id="sales-conflicts-title">{t('salesConflictsTitle')}</h3>
      {open > 0 && (
        <p class="warning" data-testid="sales-conflicts-open">
          {t('salesConflicts', formatCount(open, tag))}
        </p>
      )}
      {decided > 0 && <p class="muted small">{t('salesConflictsDecided', formatCount(decided, tag))}</p>}
      <p class="muted small">{t('salesConflictsWhy')}</p>
      <ul class="conflicts">
        {rows.slice(0, SHOWN).map((row) => (
          <ConflictItem key={orderKey(row.order)} row={row} data={data} tr={tr} />
        ))}
      </ul>
      {rows.length > SHOWN && (
        <p class="muted small">{t('salesConflictsMore', formatCount(rows.length - SHOWN, tag))}</p>
      )}
    </section>
  );
}

function ConflictItem({ row, data, tr }: { row: ConflictRow; data: SalesData; tr: Translator }) {
  const { t, tag } = tr;
  const [error, setError] = useState('');
  const firstChoice = useRef<HTMLButtonElement>(null);
  const { order, decision } = row;
  const ref = { platform: order.platform, orderId: order.orderId };
  const run = async (command: Command) => {
    const reply = await send(command);
    setError(reply.ok ? '' : t('salesDecideFailed', reply.reason));
    return reply.ok;
  };
  const decide = (post: string) => void run({ type: 'sales.decide', ...ref, post });
  // The Undo button goes once the choice is undone: the focus goes to the first choice instead.
  const undo = async () => {
    if (await run({ type: 'sales.undecide', ...ref })) firstChoice.current?.focus();
  };
  const site = (p: PostRef) => t(`platform_${p.platform}`);
  const name = (p: PostRef) => postOf(data, p)?.text.trim().slice(0, POST_NAME_CHARS) || p.id;
  const chosen =
    decision && decision.post !== NO_POST ? row.choices.find((p) => postKey(p) === decision.post) : undefined;
  return (
    <li data-order={orderKey(order)} data-decision={decision?.post ?? ''}>
      <fieldset>
        <legend>
          {t('salesConflictOrder', order.orderId)} · {formatDateTime(order.at, tag)} ·{' '}
          {t(
            'salesConflictAmount',
            formatMoney({ minor: order.gross, currency: order.currency }, tag),
            formatMoney({ minor: netMinor(order), currency: order.currency }, tag),
          )}
        </legend>
        <ul class="claims">
          {row.claims.map((claim) => {
            const post = postOf(data, claim.post);
            const href = safeHref(post?.url);
            return (
              <li key={claim.field} data-field={claim.field}>
                {t(FIELD[claim.field])} <code>{claim.code}</code> {t('salesClaimPointsAt')} {site(claim.post)}{' '}
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {name(claim.post)}
                  </a>
                ) : (
                  name(claim.post)
                )}
              </li>
            );
          })}
        </ul>
        {decision && (
          <p class="small" data-testid="sales-conflict-decision">
            {chosen
              ? t('salesDecidedFor', site(chosen), name(chosen), formatDateTime(decision.decidedAt, tag))
              : t('salesDecidedNone', formatDateTime(decision.decidedAt, tag))}
          </p>
        )}
        {row.choices.map((p, i) => (
          <button
            key={postKey(p)}
            type="button"
            ref={i === 0 ? firstChoice : undefined}
            aria-pressed={decision?.post === postKey(p)}
            data-post={postKey(p)}
            onClick={() => decide(postKey(p))}
          >
            {t('salesCountFor', site(p), name(p))}
            {postKey(p) === postKey(row.suggested) && <span class="badge">{t('salesSuggested')}</span>}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={decision?.post === NO_POST}
          data-post={NO_POST}
          onClick={() => decide(NO_POST)}
        >
          {t('salesCountForNone')}
        </button>
        {decision && (
          <button type="button" data-testid="sales-undecide" onClick={() => void undo()}>
            {t('salesUndecide')}
          </button>
        )}
        {error && <p role="alert">{error}</p>}
      </fieldset>
    </li>
  );
}
