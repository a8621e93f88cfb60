import { describe, expect, it } from 'vitest';
import { defaultDeviceName } from '@/lib/sync/connection';

describe("a browser's first name", () => {
  it('says which browser on which system, from real user agents', () => {
    expect(
      defaultDeviceName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome · Windows');
    expect(
      defaultDeviceName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0',
      ),
    ).toBe('Edge · Windows');
    expect(
      defaultDeviceName(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:140.0) Gecko/20100101 Firefox/140.0',
      ),
    ).toBe('Firefox · macOS');
    expect(
      defaultDeviceName(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome · Linux');
    expect(defaultDeviceName('Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0')).toBe(
      'Firefox · Android',
    );
    expect(defaultDeviceName('curl/8.0')).toBe('Browser');
  });
});
