import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.(ts|tsx)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('UI strings', () => {
  it('use keys the browser accepts (a bad key stops the whole extension from loading)', () => {
    for (const key of [...Object.keys(en), ...Object.keys(zhCN)]) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('exist in both languages, non-empty', () => {
    // English singular forms ("1 course") have no Chinese counterpart: Chinese has no plural.
    const countable = Object.keys(en).filter((key) => !key.endsWith('_one'));
    expect(Object.keys(zhCN).sort()).toEqual(countable.sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(value.message.trim(), key).not.toBe('');
    }
  });

  it('keep the same $n placeholders in both languages, and in an English singular form', () => {
    const holes = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
    const messages: Record<string, { message: string }> = en;
    for (const [key, value] of Object.entries(en)) {
      const other = key.endsWith('_one')
        ? messages[key.slice(0, -'_one'.length)]
        : zhCN[key as keyof typeof zhCN];
      expect(other, `${key} has no counterpart`).toBeDefined();
      expect(holes(other!.message), key).toEqual(holes(value.message));
    }
  });

  it('choose the English singular by the first substitution, and never in Chinese', () => {
    expect(translate('en', 'listingByCompetitorCount', 1)).toBe('1 course');
    expect(translate('en', 'listingByCompetitorCount', '1')).toBe('1 course');
    expect(translate('en', 'listingByCompetitorCount', 0)).toBe('0 courses');
    expect(translate('en', 'listingByCompetitorCount', '1,234')).toBe('1,234 courses');
    expect(translate('en', 'audienceViewRepeatRow', 1, 3)).toBe('1 comment under 3 posts');
    expect(translate('zh_CN', 'listingByCompetitorCount', 1)).toBe(
      zhCN.listingByCompetitorCount.message.replace('$1', '1'),
    );
  });

  it('are all used by the code (no dead strings)', () => {
    const code = ['entrypoints', 'components', 'lib']
      .flatMap(sourceFiles)
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const manifest = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const unused = Object.keys(en).filter((key) => {
      // A singular form is used wherever its message is (lib/i18n.ts picks it).
      if (key.endsWith('_one')) return !(key.slice(0, -'_one'.length) in en);
      if (code.includes(`'${key}'`) || code.includes(`"${key}"`) || manifest.includes(`__MSG_${key}__`))
        return false;
      // Keys built from a prefix and an id ("platform_x", "format_video", "advice…") are checked by prefix.
      const prefix = /^([a-zA-Z]+_)/.exec(key)?.[1];
      return !(prefix && code.includes(`\`${prefix}\${`));
    });
    expect(unused).toEqual([]);
  });
});
