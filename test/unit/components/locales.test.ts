import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { FUNNEL_ADVICE, GENERIC_ADVICE } from '../../../lib/metrics/funnel';

describe('locales', () => {
  it('use only key names Chrome accepts (a bad one stops the extension from loading)', () => {
    for (const key of [...Object.keys(en), ...Object.keys(zhCN)]) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('have the same keys in English and Chinese, none empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const catalogue of [en, zhCN]) {
      for (const [key, value] of Object.entries(catalogue)) expect((value as { message: string }).message, key).not.toBe('');
    }
  });

  it('carry every funnel advice id', () => {
    for (const id of [...Object.values(FUNNEL_ADVICE).flat(), ...GENERIC_ADVICE]) {
      expect(en).toHaveProperty(id);
      expect(zhCN).toHaveProperty(id);
    }
  });
});
