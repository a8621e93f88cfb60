import { describe, expect, it } from 'vitest';
import { FUNNEL_ADVICE, GENERIC_ADVICE } from '../../../lib/metrics/funnel';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';

// Key names, both languages and placeholders are checked for every string in test/unit/locales.test.ts.
describe('funnel advice strings', () => {
  it('exist for every advice id the funnel can flag', () => {
    for (const id of [...Object.values(FUNNEL_ADVICE).flat(), ...GENERIC_ADVICE]) {
      expect(en).toHaveProperty(id);
      expect(zhCN).toHaveProperty(id);
    }
  });
});
