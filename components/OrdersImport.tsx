import { useMemo, useState } from 'preact/hooks';
import type { Campaign } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { ORDERS_INTERRUPTED, type OrdersMapping, ordersImportCommands } from '@/lib/messages';
import { formatMoney } from '@/lib/metrics';
import { type DecodeRefusal, decodeOrdersFile, type Table } from '@/lib/sales/decode';
import { importOrders, type RowProblem } from '@/lib/sales/import';
import {
  detectPreset,
  guessMapping,
  mappingPreset,
  PLATFORM_NAMES,
  type Preset,
  presetMapping,
} from '@/lib/sales/presets';
import type { Translator } from './hooks';
import { CurrencyOptions } from './Options';
import { campaignOrders, chooseRevenue } from './orders';
import { readSetting, timeZoneSetting } from './queries';
import { send } from './send';

const SHOWN_BAD_ROWS = 10;
const REFUSALS: Record<DecodeRefusal, MessageKey> = {
  empty: 'salesRefusedEmpty',
  'not-text': 'salesRefusedNotText',
  'unknown-encoding': 'salesRefusedEncoding',
  'no-header': 'ordersNoHeader',
  'spreadsheet-unreadable': 'salesRefusedSpreadsheet',
};
const PROBLEMS: Record<RowProblem, MessageKey> = {
  'bad-amount': 'salesBadAmount',
  'no-currency': 'salesBadCurrency',
  'bad-date': 'salesBadDate',
  'no-id': 'salesBadOrderId',
};

interface Loaded {
  table: Table;
  /** The recognised platform's preset, used as it is until the seller changes a column. */
  preset: Preset | null;
  zone: string;
}

/**
 * An orders export → stored orders (through the background), and, inside a campaign, its purchases
 * and revenue. A recognised platform export fills the columns in; otherwise the user maps them; the
 * mapping is remembered. Unreadable rows are listed by line: skip them or cancel.
 */
export function OrdersImport({ tr, campaign }: { tr: Translator; campaign?: Campaign }) {
  const { t, tag } = tr;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<OrdersMapping | null>(null);
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState('');
  const [skipBad, setSkipBad] = useState(false);
  const [busy, setBusy] = useState(false);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setLoaded(null);
    // Read as exports arrive: UTF-8 with or without BOM, GBK from Chinese Excel, semicolons, .xlsx.
    const decoded = await decodeOrdersFile(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return setStatus(t(REFUSALS[decoded.reason]));
    const { headers } = decoded.table;
    const preset = detectPreset(headers);
    const [saved, zone] = await Promise.all([readSetting<OrdersMapping>('ordersMapping'), timeZoneSetting()]);
    setLoaded({ table: decoded.table, preset, zone });
    setSkipBad(false);
    setEdited(false);
    // A recognised export's own columns first; else the last mapping when it fits; else a guess.
    setMapping(
      preset
        ? presetMapping(preset, headers)
        : saved && headers.includes(saved.amount)
          ? saved
          : guessMapping(headers),
    );
    setStatus('');
  };
  const result = useMemo(() => {
    if (!loaded || !mapping) return null;
    const preset = loaded.preset && !edited ? loaded.preset : mappingPreset(mapping, loaded.table.headers);
    return importOrders(loaded.table, preset, loaded.zone);
  }, [loaded, mapping, edited]);
  const summary = useMemo(
    () =>
      result && loaded
        ? campaignOrders(
            result.orders,
            campaign ? { start: campaign.start, end: campaign.end } : undefined,
            loaded.zone,
          )
        : null,
    [result, loaded, campaign?.start, campaign?.end],
  );
  const revenue = chooseRevenue(summary?.revenue ?? [], campaign?.cost?.currency);
  const apply = async () => {
    if (!result || !summary || !mapping) return;
    setBusy(true);
    const stored = { added: 0, changed: 0, unchanged: 0 };
    for (const command of ordersImportCommands(result.orders)) {
      const reply = await send(command);
      if (!reply.ok) {
        setBusy(false);
        return setStatus(reply.reason === ORDERS_INTERRUPTED ? t('salesImportInterrupted') : reply.reason);
      }
      const detail = reply.detail as typeof stored;
      stored.added += detail.added;
      stored.changed += detail.changed;
      stored.unchanged += detail.unchanged;
    }
    const messages = [t('salesOrdersStored', stored.added, stored.changed, stored.unchanged)];
    if (campaign?.id !== undefined) {
      const reply = await send({
        type: 'campaign.orders',
        id: campaign.id,
        purchases: summary.purchases,
        revenue: revenue.money,
        ...(mapping.referral ? { referrals: summary.referrals } : {}),
      });
      messages.unshift(reply.ok ? t('ordersApplied', summary.purchases) : reply.reason);
    }
    await send({ type: 'settings.put', key: 'ordersMapping', value: mapping });
    setBusy(false);
    setStatus(messages.join(' '));
    setLoaded(null);
  };
  const change = (next: OrdersMapping) => {
    setMapping(next);
    setEdited(true);
  };
  const column = (key: keyof OrdersMapping, label: MessageKey, optional: boolean) => (
    <label class="field">
      <span>{t(label)}</span>
      <select
        name={`map-${key}`}
        value={mapping?.[key] ?? ''}
        onChange={(e) => {
          const next = { ...mapping!, [key]: e.currentTarget.value };
          if (!e.currentTarget.value) delete next[key];
          change(next);
        }}
      >
        {optional && <option value="">{t('ordersNoColumn')}</option>}
        {loaded?.table.headers.map((h) => (
          <option value={h} key={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  );
  const errors = result?.errors ?? [];
  return (
    <details class="orders" data-testid="orders-import">
      <summary>{t('ordersImport')}</summary>
      <p class="muted small">{t(campaign ? 'ordersHelp' : 'salesOrdersHelp')}</p>
      <input
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,.xls,text/csv"
        aria-label={t('ordersFile')}
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      {loaded?.preset && (
        <p class="muted small" data-testid="orders-detected">
          {t('salesPresetDetected', PLATFORM_NAMES[loaded.preset.platform])}
        </p>
      )}
      {loaded && mapping && result && summary && (
        <div class="form-grid">
          {column('amount', 'ordersAmount', false)}
          {column('currency', 'ordersCurrency', true)}
          <label class="field">
            <span>{t('ordersDefaultCurrency')}</span>
            <select
              name="map-defaultCurrency"
              value={mapping.defaultCurrency ?? ''}
              onChange={(e) => {
                const { defaultCurrency: _old, ...rest } = mapping;
                change(e.currentTarget.value ? { ...rest, defaultCurrency: e.currentTarget.value } : rest);
              }}
            >
              <option value="">{t('ordersNoColumn')}</option>
              <CurrencyOptions />
            </select>
          </label>
          {column('date', 'ordersDate', true)}
          {column('orderId', 'ordersOrderId', true)}
          {column('referral', 'ordersReferral', true)}
          <p class="wide" data-testid="orders-preview">
            {t(
              'ordersPreview',
              summary.purchases,
              summary.revenue.map((m) => formatMoney(m, tag)).join(' + ') || '—',
            )}
            {' · '}
            {t('salesSkipped', summary.outsideDates, result.skipped.duplicate, errors.length)}
            {' · '}
            {t('salesZone', result.zone)}
          </p>
          {revenue.warning && <p class="warning wide">{t(revenue.warning)}</p>}
          {errors.length > 0 && (
            <div class="warning wide" data-testid="orders-bad-rows">
              <ul>
                {errors.slice(0, SHOWN_BAD_ROWS).map(({ line, problem }) => (
                  <li key={line}>{t('salesBadRow', line, t(PROBLEMS[problem]))}</li>
                ))}
                {errors.length > SHOWN_BAD_ROWS && (
                  <li>{t('salesMoreBadRows', errors.length - SHOWN_BAD_ROWS)}</li>
                )}
              </ul>
              <label>
                <input
                  type="checkbox"
                  name="skip-bad-rows"
                  checked={skipBad}
                  onChange={(e) => setSkipBad(e.currentTarget.checked)}
                />{' '}
                {t('salesSkipBadRows', errors.length)}
              </label>
            </div>
          )}
          <div class="wide">
            <button
              type="button"
              onClick={() => void apply()}
              disabled={busy || (errors.length > 0 && !skipBad)}
              data-testid="orders-apply"
            >
              {t('ordersApply')}
            </button>{' '}
            <button type="button" onClick={() => setLoaded(null)} data-testid="orders-cancel">
              {t('salesCancelImport')}
            </button>
          </div>
        </div>
      )}
      <p role="status">{status}</p>
    </details>
  );
}
