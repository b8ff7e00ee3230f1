import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { saveKeptBundle } from './kept-submissions';

/** Where the app keeps a bundle: `<data folder>/submissions/<assessment id>/<file>`, with the folder's own separator. */
export function keptBundlePath(dataDir: string, id: string, fileName: string): string {
  const sep = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  return [dataDir.replace(/[\\/]+$/, ''), 'submissions', id, fileName].join(sep);
}

/**
 * After an export: where the bundle is (and a copy to save elsewhere), how to send it, and the
 * transmittal letter to print and send with it.
 */
export function NextSteps({ id, fileName, revision, dataDir }: { id: string; fileName: string; revision: number; dataDir: string | null }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const [error, setError] = useState<ApiError | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // The export is done: what comes next is where the user's attention goes, keyboard and screen reader too.
  useEffect(() => {
    title.current?.focus();
    title.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  return (
    <section className="next-steps" aria-labelledby="next-title" data-testid="next-steps">
      <h3 id="next-title" ref={title} tabIndex={-1}>
        {t('next.title')}
      </h3>
      <ol className="next-steps__list">
        <li>
          <h4>{t('next.keepTitle')}</h4>
          <p>{t('next.keep')}</p>
          {dataDir && (
            <p>
              <code className="facts__path" dir="ltr" data-testid="bundle-path">
                {keptBundlePath(dataDir, id, fileName)}
              </code>
            </p>
          )}
          <button type="button" className="button button--secondary" onClick={() => void saveKeptBundle(api, id, fileName).then(setError)}>
            {t('next.saveCopy')}
          </button>
          {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
        </li>
        <li>
          <h4>{t('next.sendTitle')}</h4>
          <p>{t('next.send')}</p>
          <ul>
            <li>{t('next.portal')}</li>
            <li>{t('next.email')}</li>
            <li>{t('next.usb')}</li>
          </ul>
          <p className="muted">{t('next.unchanged')}</p>
        </li>
        <li>
          <h4>{t('next.letterTitle')}</h4>
          <p>{t('next.letter')}</p>
          <a className="button button--primary" href={hrefFor({ name: 'letter', id, revision })}>
            {t('next.openLetter')}
          </a>
        </li>
      </ol>
    </section>
  );
}
