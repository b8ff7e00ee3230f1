import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DraftVersion, HistoryEntryInfo, ReviewSummary } from '../../../../core/api/contract';
import { diffAnswers, type ItemDiff as Changed } from '../../../../core/diff/answers';
import { useApi } from '../../api/api-context';
import { hrefFor, navigate, type VersionRef } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { Isolated, MARK_VALUE } from '../../ui/isolated';
import { ItemDiff } from '../../ui/item-diff/item-diff';
import { AssessmentHeader } from '../assessment/assessment-header';
import { PackText } from '../../ui/answer-widgets/pack-text';
import { useSession } from '../assessment/session';
import './compare.css';

type Choices = { history: HistoryEntryInfo[]; reviews: ReviewSummary[] };
type Result = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; from: DraftVersion; to: DraftVersion; changed: Changed[] } | { kind: 'failed'; error: ApiError };

const key = (v: VersionRef) => String(v);
const parse = (s: string): VersionRef => (s === 'current' ? 'current' : Number(s));

/**
 * Compare any two versions of the draft — saved revisions, revisions sent in a submission, the bases
 * of review copies, and the draft as it is now — item by item, changed items only.
 */
export function CompareScreen({ from, to }: { from?: VersionRef | undefined; to?: VersionRef | undefined }) {
  const api = useApi();
  const session = useSession();
  const { t } = useTranslation();
  const format = useFormatters();
  const fromId = useId();
  const toId = useId();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<Result>({ kind: 'idle' });
  const [pickFrom, setPickFrom] = useState<string>(from !== undefined ? key(from) : '');
  const [pickTo, setPickTo] = useState<string>(key(to ?? 'current'));

  useEffect(() => {
    void (async () => {
      await session.autosaver.flush();
      const [history, reviews] = await Promise.all([api.listHistory(session.id), api.getReviews(session.id)]);
      if (!history.ok) return setError(history.error);
      setChoices({ history: history.value, reviews: reviews.ok ? reviews.value.reviews : [] });
    })();
  }, [api, session.id, session.autosaver]);

  useEffect(() => {
    if (from === undefined) return;
    let live = true;
    setResult({ kind: 'loading' });
    void (async () => {
      await session.autosaver.flush();
      const [a, b] = await Promise.all([api.readVersion(session.id, from), api.readVersion(session.id, to ?? 'current')]);
      if (!live) return;
      if (!a.ok) return setResult({ kind: 'failed', error: a.error });
      if (!b.ok) return setResult({ kind: 'failed', error: b.error });
      setResult({ kind: 'ready', from: a.value, to: b.value, changed: diffAnswers(session.pack, a.value.answers, b.value.answers) });
    })();
    return () => {
      live = false;
    };
  }, [api, session.id, session.pack, session.autosaver, from, to]);

  const lastSubmitted = choices?.history.filter((h) => h.submission).sort((a, b) => b.revision - a.revision)[0];
  const label = useMemo(() => {
    const reviewsOf = (revision: number) => (choices?.reviews ?? []).filter((r) => r.baseRevision === revision).map((r) => r.to.institution);
    return (h: HistoryEntryInfo) => {
      const parts = [t('merge:compare.revision', { n: h.revision, date: format.dateTime(h.savedAt) })];
      if (h.submission) parts.push(t('merge:compare.submitted', { n: h.submission.submissionRevision }));
      const sent = reviewsOf(h.revision);
      if (sent.length > 0) parts.push(t('merge:compare.sentTo', { institutions: sent.join(', ') }));
      return parts.join(' — ');
    };
  }, [choices, t, format]);

  // The saved revisions, offered on both sides of the comparison.
  const revisionOptions = choices?.history.map((h) => (
    <option key={`${h.revision}-${h.submission?.submissionRevision ?? 0}`} value={key(h.revision)}>
      {label(h)}
    </option>
  ));

  const go = (a: VersionRef, b: VersionRef) => navigate({ name: 'compare', id: session.id, from: a, to: b });
  const fileNames = useMemo(() => new Map([...(result.kind === 'ready' ? [...result.from.attachments, ...result.to.attachments] : [])].map((a) => [a.sha256, a.name])), [result]);
  const items = useMemo(() => new Map(session.pack.sections.flatMap((s) => s.items).map((i) => [i.id, i] as const)), [session.pack]);
  const lang = session.draft.assessment.responseLanguage;

  return (
    <div className="compare">
      <AssessmentHeader current="compare" />
      <section className="card" aria-labelledby="compare-title">
        <h3 id="compare-title" className="card__title">
          {t('merge:compare.title')}
        </h3>
        <p className="muted">{t('merge:compare.intro')}</p>
        {error && <ErrorMessage error={error} />}
        {choices && (
          <>
            <div className="compare__quick">
              {choices.reviews.map((r) => (
                <a key={r.reviewId} className="button button--secondary button--small" href={hrefFor({ name: 'compare', id: session.id, from: r.baseRevision, to: 'current' })}>
                  <Isolated sentence={t('merge:compare.sinceReview', { institution: MARK_VALUE })} value={r.to.institution} />
                </a>
              ))}
              {lastSubmitted && (
                <a className="button button--secondary button--small" href={hrefFor({ name: 'compare', id: session.id, from: lastSubmitted.revision, to: 'current' })}>
                  {t('merge:compare.sinceSubmission')}
                </a>
              )}
            </div>
            <form
              className="compare__pick"
              onSubmit={(e) => {
                e.preventDefault();
                if (pickFrom !== '') go(parse(pickFrom), parse(pickTo));
              }}
            >
              <div className="field">
                <label htmlFor={fromId}>{t('merge:compare.from')}</label>
                <select id={fromId} className="input" value={pickFrom} onChange={(e) => setPickFrom(e.target.value)}>
                  <option value="">{t('merge:compare.choose')}</option>
                  {revisionOptions}
                </select>
              </div>
              <div className="field">
                <label htmlFor={toId}>{t('merge:compare.to')}</label>
                <select id={toId} className="input" value={pickTo} onChange={(e) => setPickTo(e.target.value)}>
                  <option value="current">{t('merge:compare.current')}</option>
                  {revisionOptions}
                </select>
              </div>
              <button type="submit" className="button button--primary" disabled={pickFrom === ''}>
                {t('merge:compare.show')}
              </button>
            </form>
          </>
        )}
      </section>
      {result.kind === 'loading' && <p className="muted" role="status">{t('form:loading')}</p>}
      {result.kind === 'failed' && <ErrorMessage error={result.error} />}
      {result.kind === 'ready' && (
        <section className="card" aria-labelledby="compare-result">
          <h3 id="compare-result" className="card__title">
            {t('merge:compare.result', {
              from: t('merge:compare.revisionShort', { n: result.from.revision }),
              to: to === undefined || to === 'current' ? t('merge:compare.currentInSentence') : t('merge:compare.revisionShort', { n: result.to.revision }),
            })}
          </h3>
          <p role="status">{result.changed.length === 0 ? t('merge:compare.noChange') : t('merge:compare.changed', { count: result.changed.length })}</p>
          <ol className="compare__items">
            {result.changed.map((c) => {
              const item = items.get(c.itemId);
              return (
                <li key={c.itemId} className="compare__item" aria-labelledby={`cmp-${c.itemId}`}>
                  <h4 id={`cmp-${c.itemId}`} className="compare__question">
                    <span className="item__id">{c.itemId}</span> {item ? <PackText text={item.text} /> : t('merge:compare.unknownItem')}
                    <span className="badge">{t(`merge:compare.change.${c.change}`)}</span>
                  </h4>
                  <ItemDiff pack={session.pack} item={item} before={c.before} after={c.after} change={c.detail} lang={lang} fileNames={fileNames} />
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
