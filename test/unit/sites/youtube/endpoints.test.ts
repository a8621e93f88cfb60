import { describe, expect, it } from 'vitest';
import { endpointOf, YOUTUBE_HOOK_PATTERN } from '../../../../lib/sites/youtube/endpoints';

const hook = new RegExp(YOUTUBE_HOOK_PATTERN);

describe('YouTube endpoints', () => {
  const copied: Array<[string, string]> = [
    ['https://www.youtube.com/youtubei/v1/browse?prettyPrint=false', 'browse'],
    ['https://www.youtube.com/youtubei/v1/next?prettyPrint=false', 'next'],
    [
      'https://youtubei.googleapis.com/youtubei/v1/player?prettyPrint=false&t=A2hBvtJReEin&id=7PIMiDcwNvc',
      'player',
    ],
    ['https://www.youtube.com/youtubei/v1/search?prettyPrint=false', 'search'],
    [
      'https://youtubei.googleapis.com/youtubei/v1/reel/reel_item_watch?prettyPrint=false&t=867fZ6WKSXg3&id=3sbYbckT1VY',
      'reel',
    ],
    ['/youtubei/v1/browse?key=x', 'browse'],
    ['/youtubei/v1/player', 'player'],
  ];
  it.each(copied)('%s → %s', (url, endpoint) => {
    expect(hook.test(url)).toBe(true);
    expect(endpointOf(url)).toBe(endpoint);
  });

  const ignored = [
    'https://www.youtube.com/youtubei/v1/log_event?alt=json',
    'https://www.youtube.com/youtubei/v1/browse/edit_playlist',
    'https://www.youtube.com/youtubei/v1/att/get',
    'https://www.youtube.com/watch?v=2isYuQZMbdU',
    'https://www.youtube.com/youtubei/v1/nextpage',
  ];
  it.each(ignored)('%s is not copied', (url) => {
    expect(hook.test(url)).toBe(false);
    expect(endpointOf(url)).toBeNull();
  });
});
