import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { diffAnswers } from '../../../../core/diff/answers';
import { hrefFor, navigate } from '../../app/routes';
import { countryLabel } from '../../ui/country-label';
import { ErrorMessage } from '../../ui/error-message';
import { ItemDiff } from '../../ui/item-diff/item-diff';
import { PackText } from '../../ui/answer-widgets/pack-text';
import { useFormatters } from '../../i18n/use-formatters';
import { CompareSides, movesBetween } from './compare-sides';
import { useStoredSubmission } from './submission-reader';
import { useLoaded } from './use-workspace';

/** The same kind of answer in both versions: type, choices and table columns (a renamed one makes a diff lie). */
const shapeOf = (i: ChecklistItem) => JSON.stringify([i.type, 'options' in i ? i.options.map((o) => o.id) : [], i.type === 'table' ? i.columns.map((c) => [c.id, c.type]) : []]);
const sameShape = (a: ChecklistItem, b: ChecklistItem) => shapeOf(a) === shapeOf(b);

/**
 * Two revisions of one country's submission side by side in time: what changed from the earlier to
 * the later, item by item, through the shared diff view (the review's merge view uses it too).
 */
export function CompareRevisions({ file, other }: { file: string; other?: string | undefined }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const format = useFormatters();
  const list = useLoaded((a) => a.listWorkspaceSubmissions());
  const series = list.value?.series.find((s) => s.revisions.some((r) => r.file === file));
  const after = other ?? series?.currentFile;
  const before = useStoredSubmission(file);
  const later = useStoredSubmission(after);
  const changes = useMemo(
    () => (before.loaded && later.loaded ? diffAnswers(later.loaded.pack, before.loaded.view.submission.answers, later.loaded.view.submission.answers) : null),
    [before.loaded, later.loaded],
  );
  const error = list.error ?? before.error ?? later.error;
  if (error) return <ErrorMessage error={error} />;
  if (!series) return <p className="muted">{t('app.loading')}</p>;
  const label = (f: string) => {
    const r = series.revisions.find((x) => x.file === f);
    return r ? t('app.submissions.revisionOn', { revision: format.number(r.submissionRevision), date: format.date(r.baggingDate) }) : f;
  };
  const choose = (which: 'file' | 'other', value: string) =>
    navigate({ name: 'secretariat', view: 'compare', file: which === 'file' ? value : file, ...((which === 'other' ? value : after) ? { other: which === 'other' ? value : (after as string) } : {}) });
  const pack = later.loaded?.pack;
  const lang = later.loaded?.view.submission.assessment.responseLanguage;
  const earlier = before.loaded?.pack;
  const itemsOf = (p: ChecklistPack | undefined) => new Map(p ? p.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)) : []);
  const items = itemsOf(pack);
  const oldItems = itemsOf(earlier);
  // Revisions on two checklist versions: a question in one of them only, or whose kind of answer,
  // choices or columns changed, cannot be diffed; each side is then shown in its own version's words.
  const crossVersion = Boolean(earlier && pack && (earlier.id !== pack.id || earlier.version !== pack.version));
  const moves = earlier && pack && crossVersion ? movesBetween(earlier, pack) : null;
  const keptLater = new Set((later.loaded?.view.submission.retiredAnswers ?? []).map((r) => r.itemId));
  const fileNames = new Map([...(before.loaded?.view.submission.attachments ?? []), ...(later.loaded?.view.submission.attachments ?? [])].map((a) => [a.sha256, a.name]));
  return (
    <section className="card secretariat__section" aria-labelledby="compare-title" data-testid="compare-revisions">
      <p>
        <a href={hrefFor({ name: 'secretariat', view: 'submissions' })}>{t('app.reader.back')}</a>
      </p>
      <h2 id="compare-title" className="card__title">
        {t('app.compare.title', { country: countryLabel(series.country, i18n.language, common) })}
      </h2>
      <div className="secretariat__dates">
        {(['file', 'other'] as const).map((which) => (
          <div key={which} className="field">
            <label className="field__label" htmlFor={`compare-${which}`}>
              {t(which === 'file' ? 'app.compare.before' : 'app.compare.after')}
            </label>
            <select id={`compare-${which}`} className="input" value={which === 'file' ? file : after} onChange={(e) => choose(which, e.target.value)}>
              {series.revisions.map((r) => (
                <option key={r.file} value={r.file}>
                  {label(r.file)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {!changes && <p className="muted">{t('app.loading')}</p>}
      {changes && pack && (
        <div aria-live="polite">
          {crossVersion && earlier && (
            <p className="notice" data-testid="compare-versions">
              {t('app.compare.versions', { before: earlier.version, after: pack.version })}
            </p>
          )}
          <p data-testid="compare-count">{changes.length === 0 ? t('app.compare.same') : t('app.compare.count', { count: changes.length })}</p>
          <ol className="secretariat__changes">
            {changes.map((c) => {
              const item = items.get(c.itemId);
              const old = oldItems.get(c.itemId);
              const named = item ?? (crossVersion ? old : undefined);
              const apart = crossVersion && earlier && (!item || !old || !sameShape(item, old));
              return (
                <li key={c.itemId} className="secretariat__change" data-item={c.itemId}>
                  <h3 className="secretariat__change-title">
                    <span className="secretariat__item-id">{c.itemId}</span> {named ? <PackText text={named.text} /> : t('app.reader.others')}
                  </h3>
                  {apart ? (
                    <CompareSides
                      before={{ pack: earlier, item: old, answer: c.before, elsewhere: old ? undefined : moves?.toEarlier.get(c.itemId) }}
                      after={{ pack, item, answer: c.after, elsewhere: item ? undefined : moves?.toLater.get(c.itemId) }}
                      keptLater={keptLater.has(c.itemId)}
                      lang={lang}
                      fileNames={fileNames}
                    />
                  ) : (
                    <ItemDiff pack={pack} item={item} before={c.before} after={c.after} change={c.detail} {...(lang ? { lang } : {})} fileNames={fileNames} />
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
