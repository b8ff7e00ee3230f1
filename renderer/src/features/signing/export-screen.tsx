import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DraftProblemInfo } from '../../../../core/api/contract';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../errors/error-message';
import { base64ToBytes, downloadBlob } from '../files/download';
import './signing.css';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; fileName: string; revision: number }
  | { kind: 'incomplete'; problems: DraftProblemInfo[] }
  | { kind: 'failed'; error: ApiError };

/** "Export the signed submission" of one assessment: passphrase, sign, download the .zip. */
export function ExportSubmissionScreen({ id }: { id: string }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const [hasKey, setHasKey] = useState<boolean | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    void api.getSigningKey().then((r) => {
      if (live) setHasKey(r.ok ? r.value !== null : true);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome({ kind: 'working' });
    const result = await api.exportSubmission(id, passphrase);
    if (result.ok) {
      setPassphrase('');
      downloadBlob(new Blob([base64ToBytes(result.value.base64)], { type: 'application/zip' }), result.value.fileName);
      setOutcome({ kind: 'done', fileName: result.value.fileName, revision: result.value.submissionRevision });
      return;
    }
    if (result.error.code === 'bundle:errors.incomplete') {
      // The refusal names the items; the validation gives each its reason, in the user's language.
      const problems = await api.validateAssessment(id);
      if (problems.ok && problems.value.length > 0) {
        setOutcome({ kind: 'incomplete', problems: problems.value });
        return;
      }
    }
    setOutcome({ kind: 'failed', error: result.error });
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <p>
        <a href={hrefFor({ name: 'form', id })}>{t('export.back')}</a>
      </p>
      <h2 id="export-title" className="card__title">
        {t('export.title')}
      </h2>
      <p>{t('export.intro')}</p>
      {hasKey === false ? (
        <p>
          {t('export.noKey')} <a href={hrefFor({ name: 'signingKey' })}>{t('export.goToKey')}</a>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="signing__field">
            <label htmlFor="export-passphrase">{t('export.passphrase')}</label>
            <input id="export-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={outcome.kind === 'working' || passphrase === ''}>
            {t('export.submit')}
          </button>
        </form>
      )}
      <div aria-live="polite">
        {outcome.kind === 'working' && <p role="status">{t('export.working')}</p>}
        {outcome.kind === 'done' && (
          <p className="success" role="status">
            {t('export.done', { file: outcome.fileName, revision: outcome.revision })}
          </p>
        )}
      </div>
      {outcome.kind === 'incomplete' && <Problems id={id} problems={outcome.problems} />}
      {outcome.kind === 'failed' && <ErrorMessage error={outcome.error} />}
    </section>
  );
}

function Problems({ id, problems }: { id: string; problems: DraftProblemInfo[] }) {
  const { t } = useTranslation('signing');
  const { t: tAny } = useTranslation();
  return (
    <div role="alert">
      <p>{t('export.incomplete')}</p>
      <ul>
        {problems.map((p, index) => (
          <li key={`${p.itemId}-${index}`}>
            <a href={hrefFor({ name: 'form', id, itemId: p.itemId })}>{p.itemId}</a> — {tAny(p.messageKey, p.params)}
          </li>
        ))}
      </ul>
      <p>
        <a href={hrefFor({ name: 'completeness', id })}>{t('export.seeCompleteness')}</a>
      </p>
    </div>
  );
}
