import type { PostRecord } from '../../../lib/records';

/**
 * A synthetic post record shaped like the X extractor's output (labelled: not a capture), for the
 * write-path tests; each test overrides the fields it is about.
 */
export const syntheticPost = (id: string, fields: Partial<PostRecord> = {}): PostRecord => ({
  kind: 'post',
  platform: 'x',
  id,
  url: `https://x.com/dev/status/${id}`,
  authorId: '42',
  authorHandle: 'dev',
  authorName: 'Dev',
  text: `post ${id}`,
  createdAt: '2026-11-20T10:00:00.000Z',
  createdAtApprox: false,
  format: 'text',
  repostOf: null,
  metrics: { likes: 1 },
  metricsExact: true,
  links: [],
  hashtags: [],
  ...fields,
});
