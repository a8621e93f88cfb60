import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(value.message.trim(), key).not.toBe('');
    }
  });

  it('keep the same $n placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
    for (const [key, value] of Object.entries(en)) {
      expect(holes(zhCN[key as keyof typeof zhCN].message), key).toEqual(holes(value.message));
    }
  });

  it('are all used by the code (no dead strings)', () => {
    const code = ['entrypoints', 'components', 'lib']
      .flatMap(sourceFiles)
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const manifest = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const unused = Object.keys(en).filter((key) => {
      if (code.includes(`'${key}'`) || code.includes(`"${key}"`) || manifest.includes(`__MSG_${key}__`))
        return false;
      // Keys built from a prefix and an id ("platform_x", "format_video", "advice…") are checked by prefix.
      const prefix = /^([a-zA-Z]+_)/.exec(key)?.[1];
      return !(prefix && code.includes(`\`${prefix}\${`));
    });
    expect(unused).toEqual([]);
  });
});
