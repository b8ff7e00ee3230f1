import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DraftProblemInfo } from '../../../../core/api/contract';
import { problemMessage } from '../../../../core/draft/problem-message';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { AssessmentHeader } from './assessment-header';
import { OpenReviewsNotice } from '../../ui/open-reviews-notice';
import { sectionOf } from './form-model';
import { PackText, uiLanguage } from '../../ui/answer-widgets/pack-text';
import { useSession } from './session';

type State = { kind: 'loading' } | { kind: 'ready'; problems: DraftProblemInfo[] } | { kind: 'failed'; error: ApiError };

/** What is missing or invalid, item by item and grouped by section; each entry opens the form at its item. */
export function CompletenessScreen() {
  const api = useApi();
  const session = useSession();
  const { t, i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    // Validate what the user sees: anything typed but not yet saved goes first.
    await session.autosaver.flush();
    const result = await api.validateAssessment(session.id);
    setState(result.ok ? { kind: 'ready', problems: result.value } : { kind: 'failed', error: result.error });
  }, [api, session.id, session.autosaver]);

  useEffect(() => {
    void load();
  }, [load]);

  const message = (p: DraftProblemInfo) => problemMessage(p, lng, (key, params) => t(key, params));
  // Unanswered items and answers to correct are told apart: the first need writing, the second fixing.
  const kind = (p: DraftProblemInfo) => (p.problem === 'required' ? 'unanswered' : 'invalid');

  return (
    <div className="completeness">
      <AssessmentHeader current="completeness" />
      <OpenReviewsNotice id={session.id} />
      <section className="card" aria-labelledby="completeness-title" aria-busy={state.kind === 'loading'}>
        <h3 id="completeness-title" className="card__title">
          {t('form:completeness.title')}
        </h3>
        {state.kind === 'loading' && <p className="muted" role="status">{t('form:completeness.checking')}</p>}
        {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
        {state.kind === 'ready' && state.problems.length === 0 && <p className="success" role="status">{t('form:completeness.complete')}</p>}
        {state.kind === 'ready' && state.problems.length > 0 && (
          <>
            <p role="status">{t('form:completeness.summary', { count: state.problems.length })}</p>
            <ul className="completeness__counts">
              {(['unanswered', 'invalid'] as const).map((k) => {
                // Items, not problems: a table with two wrong rows is one answer to correct.
                const count = new Set(state.problems.filter((p) => p.problem !== 'unknownItem' && kind(p) === k).map((p) => p.itemId)).size;
                return count > 0 && <li key={k}>{t(`form:completeness.${k}Count`, { count })}</li>;
              })}
            </ul>
            {[...session.pack.sections, null].map((section) => {
              const entries = state.problems.filter((p) => (sectionOf(session.pack, p.itemId) ?? null) === section);
              if (entries.length === 0) return null;
              return (
                <section key={section?.id ?? 'other'} className="completeness__group" aria-labelledby={`cg-${section?.id ?? 'other'}`}>
                  <h4 id={`cg-${section?.id ?? 'other'}`}>{section ? <PackText text={section.title} /> : t('form:completeness.otherItems')}</h4>
                  <ul className="completeness__list">
                    {entries.map((p, index) => {
                      const item = section?.items.find((i) => i.id === p.itemId);
                      return (
                        <li key={`${p.itemId}-${index}`}>
                          {item ? (
                            <a href={hrefFor({ name: 'form', id: session.id, itemId: p.itemId })}>
                              <span className="item__id">{p.itemId}</span> <PackText text={item.text} />
                            </a>
                          ) : (
                            <span className="item__id">{p.itemId}</span>
                          )}
                          {p.problem !== 'unknownItem' && <span className={`badge item__badge item__badge--${kind(p)}`}>{t(`form:filter.badge.${kind(p)}`)}</span>}
                          <span className="completeness__problem"> — {message(p)}</span>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </>
        )}
      </section>
    </div>
  );
}
