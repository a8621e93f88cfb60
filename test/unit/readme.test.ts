/**
 * The front page of a fresh clone: every image and local link README.md references exists, and every
 * image is a committed PNG small enough for the page (regenerate with `npm run screenshots`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_IMAGE_BYTES = 400_000;

/** Targets of Markdown links and images, `[text](target)` / `![alt](target)`, with their alt text. */
const references = [...README.matchAll(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g)].map(([, bang, text, target]) => ({
  image: bang === '!',
  text: text!,
  target: target!,
}));
const local = references.filter((r) => !/^[a-z][a-z+.-]*:|^#/i.test(r.target));
const images = local.filter((r) => r.image);

describe('README.md', () => {
  it('shows the product: images of the dashboard and the popup', () => {
    expect(images.map((i) => i.target)).toEqual(
      expect.arrayContaining(['docs/screenshots/dashboard-overview.png', 'docs/screenshots/popup.png']),
    );
  });

  it('references only files that exist', () => {
    const missing = local.map((r) => r.target.split('#')[0]!).filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('shows PNG images with alt text, each small enough for the front page', () => {
    for (const { target, text } of images) {
      const file = join(ROOT, target);
      expect(text.trim(), `${target} alt text`).not.toBe('');
      expect(readFileSync(file).subarray(0, 8).equals(PNG), `${target} is a PNG`).toBe(true);
      expect(statSync(file).size, `${target} size`).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
    }
  });
});
