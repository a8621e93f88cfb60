// @vitest-environment happy-dom
/**
 * Every YouTube fixture with videos: every record satisfies the contract, and every video it holds
 * comes out with id, channel, title, views and a publish time wherever the fixture has them.
 */
import { describe, expect, it } from 'vitest';
import { CaptureRecord, type Extraction } from '../../../../lib/records';
import { fixtureText } from '../../fixtures';
import {
  extractBody,
  extractHtml,
  extractInvidious,
  extractNewPipe,
  METASCRAPER,
  PYTUBE,
  posts,
  unwrapNewPipe,
} from './load';

interface Case {
  name: string;
  run: () => Extraction;
  /** Videos the fixture holds (counted by renderer in the raw file, duplicates merged). */
  videos: number;
  /** Videos the fixture shows without a channel link (Shorts shelves of a watch page). */
  withoutChannel?: number;
  /** Player responses fetched without `microformat` carry no publish date. */
  undated?: boolean;
}

const html = (file: string, url: string) => () => extractHtml(fixtureText(file), url);
const newpipeHtml = (file: string) => () => {
  const { url, body } = unwrapNewPipe(`youtube/TeamNewPipe__NewPipeExtractor/${file}`);
  return extractHtml(body, url);
};

const CASES: Case[] = [
  {
    name: 'channel home (kurzgesagt)',
    run: () => extractNewPipe('youtubechannelextractor__kurzgesagt__generated_mock_2.json', 'en-GB'),
    videos: 30,
  },
  {
    name: 'channel Shorts tab',
    run: () => extractNewPipe('youtubechanneltabextractor__shorts__generated_mock_2.json', 'en-GB'),
    videos: 48,
  },
  {
    name: 'channel Videos tab',
    run: () => extractNewPipe('youtubechanneltabextractor__videos__generated_mock_3.json', 'en-GB'),
    videos: 30,
  },
  {
    name: 'watch next de-DE',
    run: () => extractNewPipe('youtubecommentsextractor__localizedvotecount__generated_mock_2.json', 'de-DE'),
    videos: 21,
  },
  {
    name: 'course playlist',
    run: () => extractNewPipe('youtubeplaylistextractor__courseplaylist__generated_mock_3.json', 'en-GB'),
    videos: 14,
  },
  {
    name: 'search with Shorts',
    run: () => extractNewPipe('youtubesearchextractor__shortformcontent__generated_mock_2.json', 'en-GB'),
    videos: 20,
  },
  {
    name: 'reel player',
    undated: true,
    run: () => extractNewPipe('youtubestreamextractorcollaborators__generated_mock_1.json', 'en-GB'),
    videos: 1,
  },
  {
    name: 'player (pewdiepie)',
    undated: true,
    run: () =>
      extractNewPipe('youtubestreamextractordefault__descriptionpewdiepie__generated_mock_3.json', 'en-GB'),
    videos: 1,
  },
  {
    name: 'watch next (pewdiepie)',
    run: () =>
      extractNewPipe('youtubestreamextractordefault__descriptionpewdiepie__generated_mock_8.json', 'en-GB'),
    videos: 23,
    withoutChannel: 2,
  },
  {
    name: 'watch next, ratings disabled',
    run: () =>
      extractNewPipe('youtubestreamextractordefault__ratingsdisabled__generated_mock_8.json', 'en-GB'),
    videos: 21,
  },
  {
    name: 'watch next, live stream',
    run: () => extractNewPipe('youtubestreamextractorlivestream__generated_mock_8.json', 'en-GB'),
    videos: 21,
  },
  {
    name: 'iv next (MrBeast)',
    run: () => extractInvidious('regular_mrbeast.next.json'),
    videos: 51,
    withoutChannel: 30,
  },
  { name: 'iv player (MrBeast)', run: () => extractInvidious('regular_mrbeast.player.json'), videos: 1 },
  {
    name: 'iv next (no description)',
    run: () => extractInvidious('regular_no-description.next.json'),
    videos: 51,
    withoutChannel: 30,
  },
  {
    name: 'iv player (no description)',
    run: () => extractInvidious('regular_no-description.player.json'),
    videos: 1,
  },
  {
    name: 'iv next (scheduled live)',
    run: () => extractInvidious('scheduled_live_PBD-Podcast.next.json'),
    videos: 21,
  },
  {
    name: 'iv player (scheduled live)',
    run: () => extractInvidious('scheduled_live_PBD-Podcast.player.json'),
    videos: 1,
  },
  {
    name: 'pytube channel videos page',
    run: html(`${PYTUBE}channel-videos.html`, 'https://www.youtube.com/c/ProgrammingKnowledge/videos'),
    videos: 30,
  },
  {
    name: 'pytube watch 2lAe1cqCOXo',
    run: html(`${PYTUBE}yt-video-2lAe1cqCOXo.watch.html`, 'https://www.youtube.com/watch?v=2lAe1cqCOXo'),
    videos: 20,
  },
  {
    name: 'pytube watch WXxV9g7lsFE',
    run: html(`${PYTUBE}yt-video-WXxV9g7lsFE.watch.html`, 'https://www.youtube.com/watch?v=WXxV9g7lsFE'),
    videos: 19,
  },
  {
    name: 'pytube watch irauhITDrsE',
    run: html(`${PYTUBE}yt-video-irauhITDrsE.watch.html`, 'https://www.youtube.com/watch?v=irauhITDrsE'),
    videos: 1,
  },
  ...['2lAe1cqCOXo', 'WXxV9g7lsFE', 'irauhITDrsE'].map((id) => ({
    name: `pytube vid_info ${id}`,
    undated: true,
    run: () =>
      extractBody(
        'https://www.youtube.com/youtubei/v1/player',
        JSON.parse(fixtureText(`${PYTUBE}yt-video-${id}.vid_info.json`)),
        'en',
      ),
    videos: 1,
  })),
  {
    name: 'metascraper channel es-ES',
    run: html(`${METASCRAPER}youtube-channel.html`, 'https://www.youtube.com/@OneMedia.'),
    videos: 56,
  },
  {
    name: 'metascraper watch es-ES',
    run: html(`${METASCRAPER}youtube-video.html`, 'https://www.youtube.com/watch?v=hwMkbaS_M_c'),
    videos: 21,
  },
  {
    name: 'metascraper watch es-ES (2025)',
    run: html(`${METASCRAPER}youtube-title.html`, 'https://www.youtube.com/watch?v=DIsktwOQZuU'),
    videos: 21,
  },
  {
    name: 'results page without a query',
    run: newpipeHtml('youtubesearchextractor__all__generated_mock_1.json'),
    videos: 0,
  },
];

describe.each(CASES)('$name', ({ run, videos, withoutChannel = 0, undated = false }) => {
  const extraction = run();
  const all = posts(extraction);

  it('every record satisfies the record contract', () => {
    for (const record of extraction.records) expect(CaptureRecord.safeParse(record).error).toBeUndefined();
  });

  it('yields every video once, with no failure', () => {
    expect(all).toHaveLength(videos);
    expect(new Set(all.map((p) => p.id)).size).toBe(videos);
    expect(extraction.failures).toEqual([]);
  });

  it('every video has id, url, title and channel', () => {
    for (const p of all) {
      expect(p.id).toMatch(/^[\w-]{11}$/);
      expect(p.url).toBe(
        p.format === 'short'
          ? `https://www.youtube.com/shorts/${p.id}`
          : `https://www.youtube.com/watch?v=${p.id}`,
      );
      expect(p.text.length).toBeGreaterThan(0);
    }
    const withChannel = all.filter((p) => /^UC[\w-]{22}$/.test(p.authorId) && p.authorName);
    expect(withChannel).toHaveLength(videos - withoutChannel);
  });

  it('views on every video that is not live or upcoming; a date on every video but Shorts cards', () => {
    for (const p of all) {
      if (p.format !== 'live') expect(p.metrics.views, p.id).toBeTypeOf('number');
      if (p.format === 'video' && !undated) expect(p.createdAt, p.id).not.toBeNull();
      if (p.createdAt) expect(Number.isNaN(Date.parse(p.createdAt))).toBe(false);
    }
  });
});
