import type { MessageKey } from '@/lib/i18n';
import type { MetricResult } from '@/lib/metrics';
import type { Translator } from './hooks';
import { formatFixed, formatPercent } from './overview';

/** "0.990 CNY"; "—" with the reason as a tooltip when the metric has no value. */
export function CostCell({
  result,
  tr,
  digits,
  kind,
}: {
  result: MetricResult;
  tr: Translator;
  digits: number;
  kind: 'money' | 'percent' | 'times';
}) {
  const { t, tag } = tr;
  const text =
    result.value === null
      ? '—'
      : kind === 'percent'
        ? formatPercent(result.value, tag, 0)
        : kind === 'times'
          ? `${formatFixed(result.value, tag, 2)}×`
          : `${formatFixed(result.value, tag, digits)} ${result.currency ?? ''}`.trim();
  const why = result.reason ? t(`costReason_${result.reason.replaceAll('-', '_')}` as MessageKey) : undefined;
  return (
    <td class="num" title={why}>
      <span class="value">{text}</span>
      {why && <span class="visually-hidden"> ({why})</span>}
    </td>
  );
}
