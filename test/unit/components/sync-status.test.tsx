// @vitest-environment happy-dom
/**
 * The sync status line of the popup and Settings (components/SyncSetting.tsx) while a new device's
 * long first pull is under way: how many of the server's documents are read, in both languages.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SyncStatusLine } from '../../../components/SyncSetting';
import type { SyncStatus } from '../../../lib/sync/state';
import { renderTarget } from './render-target';
import { translator } from './translator';

const status = (receiving?: SyncStatus['receiving']): SyncStatus => ({
  connected: true,
  encrypted: false,
  pending: 0,
  seeding: false,
  lastPullAt: Date.UTC(2026, 11, 7, 9),
  error: null,
  refused: [],
  ...(receiving ? { receiving } : {}),
});

const target = renderTarget();

describe('sync status while receiving', () => {
  for (const [locale, words] of [
    ['en', "Receiving the other browsers' data: 12,000 of 1,000,000 documents read"],
    ['zh_CN', '正在接收其他浏览器的数据：已读取 12,000 / 1,000,000 份文档'],
  ] as const)
    it(`shows how far a long pull is (${locale})`, () => {
      render(
        <SyncStatusLine tr={translator(locale)} status={status({ read: 12_000, total: 1_000_000 })} />,
        target(),
      );
      const line = target().querySelector('[data-testid="sync-receiving"]')!;
      expect(line.textContent).toContain(words);
      const bar = line.querySelector('progress')!;
      expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['12000', '1000000']);
    });

  it('shows nothing of it once the pull has caught up', () => {
    render(<SyncStatusLine tr={translator('en')} status={status()} />, target());
    expect(target().querySelector('[data-testid="sync-receiving"]')).toBeNull();
    expect(target().textContent).toContain('0 changes waiting to upload');
  });
});
