/**
 * A post's themes inside its detail card in Posts: what its commenters ask about, from the same
 * analysis as the Audience tab (./analysis.ts, shared and kept for the page's life).
 */
import type { StoredPost } from '@/lib/db/schema';
import { formatCount } from '../format';
import type { Translator } from '../hooks';
import { useAudienceAnalysis } from './analysis';
import { postThemes } from './post-themes';

export function PostThemesPanel({ post, tr }: { post: Pick<StoredPost, 'platform' | 'id'>; tr: Translator }) {
  const { t, tag } = tr;
  const { data, analysis } = useAudienceAnalysis();
  const title = (
    <h3 id="post-themes-title" class="post-themes-title">
      {t('audiencePostThemesTitle')}
    </h3>
  );
  const body = () => {
    if (data && data.input.comments.length === 0)
      return <p class="muted">{t('audiencePostThemesNoComments', formatCount(0, tag))}</p>;
    if (analysis.state === 'failed')
      return (
        <p class="warning" role="alert">
          {t('audienceViewFailed', analysis.error)}
        </p>
      );
    if (!data || analysis.state === 'running')
      return (
        <p aria-busy="true" role="status">
          {t('audiencePostThemesLoading')}
        </p>
      );
    const { report, data: shown } = analysis;
    const mine = postThemes(report, shown.input.comments, post);
    if (mine.analysed === 0)
      return (
        <p class="muted">
          {t('audiencePostThemesNoComments', formatCount(shown.input.comments.length, tag))}
        </p>
      );
    return (
      <>
        <p class="muted">
          {t('audiencePostThemesCounts', formatCount(mine.analysed, tag), formatCount(mine.inThemes, tag))}
        </p>
        {mine.themes.length > 0 && (
          <ol class="post-themes">
            {mine.themes.map((theme) => (
              <li key={theme.id} data-testid="post-theme">
                <strong>{theme.label}</strong>{' '}
                <span class="muted">{t('audiencePostThemesCount', formatCount(theme.count, tag))}</span>
                {theme.example && <blockquote>{theme.example}</blockquote>}
              </li>
            ))}
          </ol>
        )}
      </>
    );
  };
  return (
    <section aria-labelledby="post-themes-title" data-testid="post-themes">
      {title}
      {body()}
    </section>
  );
}
