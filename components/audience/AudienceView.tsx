/**
 * Audience / 受众 (issue 13): what the user's commenters ask (痛点), who they are (画像) and what to
 * post next (选题), with competitors' audiences apart. The data is read live and bounded
 * (./load.ts); the analysis runs in a Web Worker so the dashboard never freezes (./analysis.ts).
 * The user's own themes can be renamed, pinned, merged and split (./ThemeControls.tsx). Comment
 * texts are rendered as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AudienceReport } from '@/lib/audience/analyse';
import type { ThemeEditRow } from '@/lib/audience/edits';
import { TAGS } from '@/lib/audience/types';
import type { MessageKey } from '@/lib/i18n';
import { hourLabel } from '@/lib/metrics/slots';
import { formatCount } from '../format';
import { type Translator, useLive } from '../hooks';
import { useAudienceAnalysis } from './analysis';
import { editStateOf } from './edit-state';
import { commentsLeftOut } from './load';
import { type AudienceSummary, type NeedRow, type RepeatRow, summarise, type ThemeRow } from './summary';
import { ThemeControls } from './ThemeControls';

export function AudienceView({ tr }: { tr: Translator }) {
  const { t } = tr;
  const { data, analysis, updating } = useAudienceAnalysis(true);
  if (data === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (data.input.comments.length === 0)
    return (
      <p class="empty" data-testid="audience-empty">
        {t('audienceViewEmpty')}
      </p>
    );
  if (analysis.state === 'running')
    return (
      <p aria-busy="true" role="status">
        {t('audienceViewAnalysing', formatCount(data.input.comments.length, tr.tag))}
      </p>
    );
  if (analysis.state === 'failed')
    return (
      <p class="warning" role="alert">
        {t('audienceViewFailed', analysis.error)}
      </p>
    );
  const shown = analysis.data;
  const summary = summarise(analysis.report, shown.input.comments, shown.coursePosts);
  return (
    <div class="audience" data-testid="audience-view" data-partial={shown.partial}>
      <p class="muted">
        {t('audienceViewCounts', formatCount(summary.comments, tr.tag), formatCount(summary.needs, tr.tag))}
        {!shown.partial && <LeftOut known={shown.leftOut} tr={tr} />}
        {shown.undated > 0 && ` ${t('audienceViewUndated', formatCount(shown.undated, tr.tag))}`}
      </p>
      <p role="status" class="muted" data-testid="audience-updating">
        {shown.partial
          ? t('audienceReadFirst', formatCount(shown.input.comments.length, tr.tag))
          : updating
            ? t('audienceEditUpdating')
            : ''}
      </p>
      {shown.ownAccounts === 0 && <p class="warning">{t('audienceViewNoOwn')}</p>}
      <section aria-labelledby="audience-pain" data-testid="audience-pain">
        <h2 id="audience-pain">{t('audienceViewPainTitle')}</h2>
        <p class="muted">{t('audienceViewPainHelp')}</p>
        {summary.themes.length > 0 && <p class="muted">{t('audienceEditHelp')}</p>}
        <Themes rows={summary.themes} tr={tr} editing={{ report: analysis.report, rows: shown.edits }} />
        <Repeats rows={summary.repeats} tr={tr} />
        <Singles rows={summary.singles} tr={tr} />
      </section>
      <Profile report={analysis.report} summary={summary} tr={tr} />
      <section aria-labelledby="audience-ideas" data-testid="audience-ideas">
        <h2 id="audience-ideas">{t('audienceViewIdeasTitle')}</h2>
        <p class="muted">{t('audienceViewIdeasHelp')}</p>
        {summary.ideas.length === 0 ? (
          <p class="empty">{t('audienceViewNoIdeas')}</p>
        ) : (
          <ol class="audience-list">
            {summary.ideas.map((idea) => (
              <li key={idea.id} class="audience-item">
                <strong>{idea.label}</strong>{' '}
                {idea.reasons.map((r) => (
                  <span key={r} class="badge">
                    {t(`audienceViewIdea_${r}`)}
                  </span>
                ))}
                {idea.example && <blockquote>{idea.example}</blockquote>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {summary.competitorComments > 0 && (
        <section aria-labelledby="audience-competitors" data-testid="audience-competitors">
          <h2 id="audience-competitors">{t('audienceViewCompetitorsTitle')}</h2>
          <p class="muted">
            {t('audienceViewCompetitorsHelp', formatCount(summary.competitorComments, tr.tag))}
          </p>
          {summary.competitorCourseQuestions.length > 0 && (
            <>
              <h3>{t('audienceCourseQuestionsTitle')}</h3>
              <ul class="audience-list" data-testid="audience-course-questions">
                {summary.competitorCourseQuestions.map((post) => (
                  <li key={post.postId} class="audience-item">
                    <strong>{post.course}</strong>
                    <NeedList rows={post.questions} tr={tr} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <Themes rows={summary.competitorThemes} tr={tr} />
          <Repeats rows={summary.competitorRepeats} tr={tr} />
          <Singles rows={summary.competitorSingles} tr={tr} />
        </section>
      )}
    </div>
  );
}

/** How many comments the analysis left out: counted apart when it was full, so the count never holds it up. */
function LeftOut({ known, tr }: { known: number | null; tr: Translator }) {
  const leftOut = useLive(() => known ?? commentsLeftOut(), [known]);
  if (!leftOut) return null;
  return <>{` ${tr.t('audienceViewLeftOut', formatCount(leftOut, tr.tag))}`}</>;
}

/** The user's own themes take edits; competitors' themes are shown as grouped. */
function Themes({
  rows,
  tr,
  editing,
}: {
  rows: ThemeRow[];
  tr: Translator;
  editing?: { report: AudienceReport; rows: ThemeEditRow[] };
}) {
  const { t, tag } = tr;
  // Where the focus goes once the edited list arrives (a merge removes the theme that had it).
  const [focusTheme, setFocusTheme] = useState<string | null>(null);
  useEffect(() => {
    if (focusTheme === null) return;
    const item = document.querySelector<HTMLElement>(`[data-theme-id="${CSS.escape(focusTheme)}"]`);
    if (!item) return;
    item.focus();
    setFocusTheme(null);
  }, [focusTheme, rows]);
  if (rows.length === 0) return <p class="empty">{t('audienceViewNoThemes')}</p>;
  return (
    <ol class="audience-list">
      {rows.map((row) => (
        <li
          key={row.id}
          class="audience-item"
          data-testid="audience-theme"
          data-theme-id={row.id}
          tabIndex={-1}
        >
          <strong data-testid="audience-theme-label">{row.label}</strong>{' '}
          {row.pinned && <span class="badge">{t('audienceEditPinned')}</span>}{' '}
          <span class="muted">
            {t('audienceViewThemeStats', formatCount(row.size, tag), formatCount(row.people, tag))}
          </span>{' '}
          {TAGS.filter((k) => row.tags[k] > 0).map((k) => (
            <span key={k} class="badge">
              {t(`audienceViewTag_${k}`, formatCount(row.tags[k], tag))}
            </span>
          ))}{' '}
          <span class={row.replied ? 'badge' : 'badge bad'}>
            {t(row.replied ? 'audienceViewReplied' : 'audienceViewNotReplied')}
          </span>
          {row.rising && <span class="badge">{t('audienceViewIdea_rising')}</span>}
          {row.example && <blockquote>{row.example}</blockquote>}
          {editing && (
            <ThemeControls
              theme={row}
              state={editStateOf(row.id, editing.rows, editing.report)}
              others={editing.report.themes.filter((other) => other.id !== row.id)}
              onMoved={setFocusTheme}
              tr={tr}
            />
          )}
        </li>
      ))}
    </ol>
  );
}

function Repeats({ rows, tr }: { rows: RepeatRow[]; tr: Translator }) {
  const { t, tag } = tr;
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{t('audienceViewSameNeed')}</h3>
      <p class="muted">{t('audienceViewSameNeedHelp')}</p>
      <ol class="audience-list" data-testid="audience-repeats">
        {rows.map((row) => (
          <li key={row.id} class="audience-item">
            <strong>{row.label}</strong>{' '}
            <span class="muted">{t('audienceViewPeople', formatCount(row.people, tag))}</span>{' '}
            <span class="badge">{t(`audienceViewNeed_${row.need}`)}</span>
            {row.texts.map((c) => (
              <blockquote key={c.id}>{c.text}</blockquote>
            ))}
            {row.more > 0 && <p class="muted">{t('audienceViewSameNeedMore', formatCount(row.more, tag))}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

function Singles({ rows, tr }: { rows: NeedRow[]; tr: Translator }) {
  const { t } = tr;
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{t('audienceViewSingles')}</h3>
      <NeedList rows={rows} tr={tr} testId="audience-singles" />
    </>
  );
}

function NeedList({ rows, tr, testId }: { rows: NeedRow[]; tr: Translator; testId?: string }) {
  const { t, tag } = tr;
  return (
    <ul class="audience-list" data-testid={testId}>
      {rows.map((need) => (
        <li key={need.id} class="audience-item">
          <blockquote>{need.text}</blockquote>
          <span class="muted">{t(`platform_${need.platform}` as MessageKey)}</span>{' '}
          {need.tags.map((k) => (
            <span key={k} class="badge">
              {t(`audienceViewNeed_${k}`)}
            </span>
          ))}{' '}
          {need.likes > 0 && (
            <span class="muted">{t('audienceViewLikes', formatCount(need.likes, tag))}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Profile({
  report,
  summary,
  tr,
}: {
  report: AudienceReport;
  summary: AudienceSummary;
  tr: Translator;
}) {
  const { t, tag } = tr;
  const { profile } = report;
  const none = <p class="muted">{t('audienceViewNone')}</p>;
  return (
    <section aria-labelledby="audience-profile" data-testid="audience-profile">
      <h2 id="audience-profile">{t('audienceViewProfileTitle')}</h2>
      <p class="muted">{t('audienceViewCommenters', formatCount(profile.commenters, tag))}</p>
      <div class="audience-grid">
        <div>
          <h3>{t('audienceViewRepeat')}</h3>
          {profile.repeat.length === 0 ? (
            none
          ) : (
            <ul>
              {profile.repeat.map((r) => (
                <li key={r.authorId}>
                  {r.handle}{' '}
                  <span class="muted">
                    {t('audienceViewRepeatRow', formatCount(r.comments, tag), formatCount(r.posts, tag))}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('audienceViewLanguages')}</h3>
          <p>
            {t(
              'audienceViewLangCounts',
              formatCount(profile.languages.zh, tag),
              formatCount(profile.languages.en, tag),
            )}
          </p>
          <h3>{t('audienceViewHours')}</h3>
          {summary.topHours.length === 0 ? (
            none
          ) : (
            <ul>
              {summary.topHours.map((h) => (
                <li key={h.hour}>
                  {hourLabel(h.hour)}{' '}
                  <span class="muted">{t('audienceViewHourComments', formatCount(h.comments, tag))}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('audienceViewLocations')}</h3>
          {profile.locations.length === 0 ? (
            none
          ) : (
            <ul>
              {profile.locations.map((l) => (
                <li key={l.place}>
                  {l.place} <span class="muted">{t('audienceViewPeople', formatCount(l.people, tag))}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('audienceViewSelf')}</h3>
          {profile.selfDescriptions.length === 0 ? (
            none
          ) : (
            <ul>
              {profile.selfDescriptions.map((s) => (
                <li key={s.term}>
                  {s.term} <span class="muted">{t('audienceViewPeople', formatCount(s.people, tag))}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
