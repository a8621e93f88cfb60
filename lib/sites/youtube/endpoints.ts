/**
 * Which YouTube responses the MAIN-world hook copies. Imports nothing: the hook bundle must stay tiny.
 * The web client calls www.youtube.com/youtubei/v1/<endpoint> (relative URLs in fetch calls);
 * other clients use youtubei.googleapis.com. `reel/reel_item_watch` is the Shorts player.
 */
export const YOUTUBE_HOOK_PATTERN =
  '/youtubei/v1/(?:browse|next|player|search|reel/reel_(?:item_)?watch)(?:[?#]|$)';

export type YoutubeEndpoint = 'browse' | 'next' | 'player' | 'search' | 'reel';

// Sub-paths such as browse/edit_playlist are actions, not pages: only the Shorts player has one.
const ENDPOINT = /\/youtubei\/v1\/(?:(browse|next|player|search)|(reel)\/reel_(?:item_)?watch)(?:[?#]|$)/;

export function endpointOf(url: string): YoutubeEndpoint | null {
  const m = ENDPOINT.exec(url);
  return m ? ((m[1] ?? m[2]) as YoutubeEndpoint) : null;
}
