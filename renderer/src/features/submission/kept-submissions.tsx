import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, KeptSubmission, RendererApi } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { downloadUrl } from '../../ui/download';
import { formatSize } from '../../ui/job-progress';
import { hrefFor } from '../../app/routes';

/** Ask for a one-use download of a kept bundle and start it. */
export async function saveKeptBundle(api: RendererApi, assessmentId: string, fileName: string): Promise<ApiError | null> {
  const ticket = await api.downloadSubmission(assessmentId, fileName);
  if (!ticket.ok) return ticket.error;
  downloadUrl(api.downloadUrl(ticket.value), fileName);
  return null;
}

/** The bundles exported for an assessment, newest first, each with a button to save a copy and its transmittal letter. */
export function KeptSubmissions({ id, refresh, onLoaded }: { id: string; refresh: number; onLoaded?: (kept: KeptSubmission[]) => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation('bundle');
  const { t: ts } = useTranslation('signing');
  const { dateTime } = useFormatters();
  const [kept, setKept] = useState<KeptSubmission[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void api.listSubmissions(id).then((r) => {
      if (!live) return;
      if (r.ok) {
        setKept([...r.value].reverse());
        onLoaded?.(r.value);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, id, refresh, onLoaded]);

  const save = useCallback(
    async (fileName: string) => {
      setError(await saveKeptBundle(api, id, fileName));
    },
    [api, id],
  );

  return (
    <section aria-labelledby="kept-title">
      <h3 id="kept-title">{t('app.keptTitle')}</h3>
      <p>{t('app.keptIntro')}</p>
      {kept !== null && kept.length === 0 && <p>{t('app.keptNone')}</p>}
      {kept !== null && kept.length > 0 && (
        <ul className="signing__kept" data-testid="kept-submissions">
          {kept.map((k) => (
            <li key={`${k.submissionRevision}-${k.fileName}`}>
              {k.size === null ? (
                <span>{t('app.keptGone', { revision: k.submissionRevision, date: dateTime(k.exportedAt) })}</span>
              ) : (
                <>
                  <span>{t('app.keptEntry', { revision: k.submissionRevision, date: dateTime(k.exportedAt), size: formatSize(k.size, i18n.language) })}</span>{' '}
                  <button type="button" className="button button--secondary" onClick={() => void save(k.fileName)}>
                    {t('app.saveCopy', { file: k.fileName })}
                  </button>{' '}
                  <a href={hrefFor({ name: 'letter', id, revision: k.submissionRevision })}>{ts('letter.open', { revision: k.submissionRevision })}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
