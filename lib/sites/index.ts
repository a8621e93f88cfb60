import type { Platform } from '../records';
import { platformOfUrl } from './hosts';
import type { SiteAdapter } from './types';
import { weiboAdapter } from './weibo';
import { xAdapter } from './x';
import { youtubeAdapter } from './youtube';

/** Every social site's adapter, for the extract CLI and backfill; content scripts import only their own. */
export const ADAPTERS: Record<Platform, SiteAdapter> = {
  x: xAdapter,
  youtube: youtubeAdapter,
  weibo: weiboAdapter,
};

export const adapterForUrl = (url: string | undefined): SiteAdapter | null => {
  const platform = platformOfUrl(url);
  return platform ? ADAPTERS[platform] : null;
};
