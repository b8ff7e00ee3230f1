import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ReviewerSession } from '../../../../core/api/contract';
import type { ChecklistPack, ChecklistSection } from '../../../../core/checklist/schema';
import { directionOf } from '../../../../core/i18n/languages';
import type { ReviewComment, ReviewSuggestion } from '../../../../core/review/schema';
import { addComment, removeComment, suggest, withdrawSuggestion } from '../../../../core/review/work';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { AnswerContext, type AnswerContextValue } from '../../ui/answer-widgets/answer-context';
import { PackText, uiLanguage } from '../../ui/answer-widgets/pack-text';
import { ErrorMessage } from '../../ui/error-message';
import { loadPack } from '../assessment/open-assessment';
import { RequestSummary } from './request-summary';
import { ReviewerItem } from './reviewer-item';
import { editError, useReviewWork, type SaveState } from './use-review-work';
import { VerdictPanel } from './verdict-panel';
import './reviewer.css';

type Loaded = { kind: 'loading' } | { kind: 'ready'; session: ReviewerSession; pack: ChecklistPack } | { kind: 'failed'; error: ApiError };

/** Reviewer mode: a review copy opened on this computer, read-only, with the reviewer's comments, suggestions and verdict. */
export function ReviewerScreen({ reviewId }: { reviewId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('review');
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const lng = uiLanguage(i18n.language);

  useEffect(() => {
    let live = true;
    void (async () => {
      const opened = await api.openReviewerWork(reviewId);
      if (!opened.ok) return live && setState({ kind: 'failed', error: opened.error });
      const pack = await loadPack(api, opened.value.request.draft.checklist, lng);
      if (!live) return;
      if (!pack.ok) return setState({ kind: 'failed', error: pack.error });
      setState({ kind: 'ready', session: opened.value, pack: pack.value.pack });
    })();
    return () => {
      live = false;
    };
  }, [api, reviewId, lng, attempt]);

  if (state.kind === 'loading') return <p className="muted" role="status">{t('reviewer.loading')}</p>;
  if (state.kind === 'failed') {
    return (
      <div className="stack">
        <ErrorMessage error={state.error} onRetry={() => { setState({ kind: 'loading' }); setAttempt((n) => n + 1); }} />
        <a href={hrefFor({ name: 'home' })}>{t('reviewer.home')}</a>
      </div>
    );
  }
  return <ReviewerView key={state.session.work.reviewId} session={state.session} pack={state.pack} />;
}

function ReviewerView({ session: opened, pack }: { session: ReviewerSession; pack: ChecklistPack }) {
  const api = useApi();
  const { t } = useTranslation('review');
  const [session, setSession] = useState(opened);
  const { request } = session;
  const { work, change, save, flush } = useReviewWork(api, request.reviewId, opened.work);
  const language = request.draft.assessment.responseLanguage;
  const response = useMemo(() => ({ lang: language, dir: directionOf(language) }), [language]);
  const answerContext = useMemo<AnswerContextValue>(() => ({ pack, attachments: request.draft.attachments }), [pack, request]);
  const asked = (s: ChecklistSection) => request.scope === 'all' || request.scope.includes(s.id);

  // Each edit goes through the same checks as the core's (core/review/work.ts); a refusal is shown at the item.
  const edit = useCallback(
    (apply: () => typeof work): ApiError | null => {
      try {
        change(apply());
        return null;
      } catch (err) {
        return editError(err);
      }
    },
    [change],
  );
  // The latest work, so the handlers stay the same and an edit redraws only the item it touches.
  const current = useRef(work);
  current.current = work;
  const handlers = useMemo(
    () => ({
      onComment: (itemId: string, text: string) => edit(() => addComment(current.current, pack, { itemId, text })),
      onRemoveComment: (id: string) => void edit(() => removeComment(current.current, id)),
      onSuggest: (itemId: string, answer: unknown, note: string) => edit(() => suggest(current.current, request, pack, { itemId, answer, note })),
      onWithdraw: (itemId: string) => void edit(() => withdrawSuggestion(current.current, itemId)),
    }),
    [edit, pack, request],
  );

  const byItem = useMemo(() => {
    const comments = new Map<string, ReviewComment[]>();
    for (const c of work.comments) comments.set(c.itemId, [...(comments.get(c.itemId) ?? []), c]);
    const suggestions = new Map<string, ReviewSuggestion>(work.suggestions.map((s) => [s.itemId, s]));
    return { comments, suggestions };
  }, [work.comments, work.suggestions]);

  const items = (s: ChecklistSection) =>
    s.items.map((item) => (
      <ReviewerItem
        key={item.id}
        item={item}
        answer={request.draft.answers[item.id]}
        suggestion={byItem.suggestions.get(item.id)}
        comments={byItem.comments.get(item.id) ?? NONE}
        response={response}
        {...handlers}
      />
    ));

  return (
    <AnswerContext.Provider value={answerContext}>
      <div className="reviewer">
        <nav className="breadcrumbs" aria-label={t('reviewer.breadcrumbs')}>
          <a href={hrefFor({ name: 'home' })}>{t('reviewer.home')}</a>
        </nav>
        <RequestSummary session={session} />
        <p className="reviewer__status">
          <SaveLine save={save} />{' '}
          <a href="#verdict-title" onClick={(e) => { e.preventDefault(); document.getElementById('verdict-title')?.scrollIntoView(); }}>
            {t('reviewer.toVerdict')}
          </a>
        </p>
        {pack.sections.map((s) =>
          asked(s) ? (
            <section key={s.id} className="reviewer-section" aria-labelledby={`rv-section-${s.id}`}>
              <h3 id={`rv-section-${s.id}`} className="section-title">
                {s.id}. <PackText text={s.title} />
              </h3>
              {items(s)}
            </section>
          ) : (
            <OtherSection key={s.id} section={s}>
              {() => items(s)}
            </OtherSection>
          ),
        )}
        <VerdictPanel
          session={session}
          work={work}
          change={change}
          flush={flush}
          onReturned={(at, fileName) => setSession((x) => ({ ...x, returns: [...x.returns, { at, fileName }] }))}
        />
      </div>
    </AnswerContext.Provider>
  );
}

const NONE: readonly ReviewComment[] = [];

/** A section the focal point did not ask about: there to read (and comment on), folded, drawn only once opened. */
function OtherSection({ section, children }: { section: ChecklistSection; children: () => ReactNode }) {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState(false);
  return (
    <details className="reviewer-section reviewer-section--other" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {section.id}. <PackText text={section.title} /> <span className="muted small">({t('reviewer.notAsked')})</span>
      </summary>
      {open && children()}
    </details>
  );
}

function SaveLine({ save }: { save: SaveState }) {
  const { t } = useTranslation('review');
  if (save.kind === 'failed') return <ErrorMessage error={save.error} />;
  return (
    <span className="muted small" role="status">
      {save.kind === 'saved' ? t('reviewer.saved') : t('reviewer.saving')}
    </span>
  );
}
