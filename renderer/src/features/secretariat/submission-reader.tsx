import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, StoredSubmissionView } from '../../../../core/api/contract';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import { isLanguage, DEFAULT_LANGUAGE } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { countryLabel } from '../../ui/country-label';
import { downloadUrl } from '../../ui/download';
import { ErrorMessage } from '../../ui/error-message';
import { formatSize } from '../../ui/job-progress';
import { PackText } from '../../ui/answer-widgets/pack-text';
import { useFormatters } from '../../i18n/use-formatters';
import { AnswerView } from '../../ui/item-diff/answer-view';
import { SignerRoles } from './decision-table';
import { ReaderKept } from './reader-kept';
import { languageName } from './submissions-screen';

export interface LoadedSubmission {
  view: StoredSubmissionView;
  pack: ChecklistPack;
}

/** A stored submission and its checklist in the interface language. */
export function useStoredSubmission(file: string | undefined): { loaded: LoadedSubmission | null; error: ApiError | null } {
  const api = useApi();
  const { i18n } = useTranslation();
  const [loaded, setLoaded] = useState<LoadedSubmission | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let alive = true;
    setLoaded(null);
    if (!file) return;
    void (async () => {
      const read = await api.readWorkspaceSubmission(file);
      if (!read.ok) return alive && setError(read.error);
      const lng = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const pack = await api.getPack(read.value.submission.checklist, { languages: [lng] });
      if (!pack.ok) return alive && setError(pack.error);
      if (alive) setLoaded({ view: read.value, pack: pack.value.pack as ChecklistPack });
    })();
    return () => {
      alive = false;
    };
  }, [api, file, i18n.language]);
  return { loaded, error };
}

/** One stored submission, read-only: who signed it, its PDF, attachments, and every answer under its item. */
export function SubmissionReader({ file }: { file: string }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const { loaded, error } = useStoredSubmission(file);
  const [problem, setProblem] = useState<ApiError | null>(null);
  if (error) return <ErrorMessage error={error} />;
  if (!loaded) return <p className="muted">{t('app.loading')}</p>;
  const { view, pack } = loaded;
  const s = view.submission;
  const lang = s.assessment.responseLanguage;
  const fileNames = new Map(s.attachments.map((a) => [a.sha256, a.name]));
  const known = new Set(pack.sections.flatMap((sec) => sec.items.map((i) => i.id)));
  const others = Object.keys(s.answers).filter((id) => !known.has(id));

  async function download(part: Parameters<typeof api.downloadWorkspaceFile>[1]) {
    setProblem(null);
    const ticket = await api.downloadWorkspaceFile(file, part);
    if (!ticket.ok) return setProblem(ticket.error);
    downloadUrl(api.downloadUrl(ticket.value), ticket.value.fileName);
  }

  return (
    <article className="card secretariat__section secretariat__reader" aria-labelledby="reader-title" data-testid="submission-reader">
      <p>
        <a href={hrefFor({ name: 'secretariat', view: 'submissions' })}>{t('app.reader.back')}</a>
      </p>
      <h2 id="reader-title" className="card__title">
        {t('app.reader.title', { country: countryLabel(s.assessment.countryCode, i18n.language, common), revision: format.number(s.submissionRevision) })}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('app.reader.date')}</dt>
          <dd>{format.date(s.baggingDate)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('app.reader.language')}</dt>
          <dd>{languageName(lang, i18n.language)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('app.reader.checklist')}</dt>
          <dd>
            <bdi dir="ltr">
              {s.checklist.id} {s.checklist.version}
            </bdi>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('app.reader.signers')}</dt>
          <dd>
            <SignerRoles signers={view.signers} />
          </dd>
        </div>
      </dl>
      <div className="signing__actions">
        {view.hasPdf && (
          <button type="button" className="button button--primary" onClick={() => void download({ kind: 'pdf' })}>
            {t('app.reader.pdf')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => void download({ kind: 'bundle' })}>
          {t('app.reader.bundle')}
        </button>
      </div>
      {s.attachments.length > 0 && (
        <section aria-labelledby="reader-attachments" className="secretariat__reader-section">
          <h3 id="reader-attachments">{t('app.reader.attachments')}</h3>
          <ul className="secretariat__attachments">
            {s.attachments.map((a) => (
              <li key={a.sha256}>
                <button type="button" className="button button--secondary button--small" onClick={() => void download({ kind: 'attachment', sha256: a.sha256 })}>
                  {t('app.reader.download')}
                  <span className="visually-hidden"> {a.name}</span>
                </button>{' '}
                <bdi>{a.name}</bdi> <span className="small muted">({formatSize(a.size, i18n.language)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {problem && <ErrorMessage error={problem} />}
      {pack.sections.map((section) => {
        const answered = section.items.filter((i) => s.answers[i.id] !== undefined);
        if (answered.length === 0) return null;
        return (
          <section key={section.id} aria-labelledby={`reader-${section.id}`} className="secretariat__reader-section">
            <h3 id={`reader-${section.id}`}>
              <PackText text={section.title} />
            </h3>
            <dl className="secretariat__items">
              {answered.map((item) => (
                <div key={item.id} className="secretariat__item" data-item={item.id}>
                  <dt>
                    <span className="secretariat__item-id">{item.id}</span> <PackText text={item.text} />
                  </dt>
                  <dd>
                    <AnswerView pack={pack} item={item} answer={s.answers[item.id]} lang={lang} fileNames={fileNames} textClassName="secretariat__answer" />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      {others.length > 0 && (
        <section aria-labelledby="reader-others">
          <h3 id="reader-others">{t('app.reader.others')}</h3>
          <dl className="secretariat__items">
            {others.map((id) => (
              <div key={id} className="secretariat__item">
                <dt>{id}</dt>
                <dd>
                  <AnswerView pack={pack} item={undefined} answer={s.answers[id]} lang={lang} fileNames={fileNames} textClassName="secretariat__answer" />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <ReaderKept kept={s.retiredAnswers ?? []} pack={pack} lang={lang} fileNames={fileNames} />
    </article>
  );
}
