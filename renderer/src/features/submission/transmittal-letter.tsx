import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AssessmentOverview, KeptSubmission } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { countryLabel } from '../../ui/country-label';
import { ErrorMessage } from '../../ui/error-message';
import './export.css';

type State = { kind: 'loading' } | { kind: 'ready'; overview: AssessmentOverview; sent: KeptSubmission } | { kind: 'failed'; error: ApiError };

/** The comma that separates a person's name, title and institution in the interface language. */
const COMMA: Record<string, string> = { ar: '، ', zh: '，' };

/** A fingerprint as people compare it aloud: 8 groups of 8 hex digits, on two lines. */
export function printable(fingerprint: string): string {
  const groups = fingerprint.match(/.{1,8}/g) ?? [];
  return `${groups.slice(0, 4).join(' ')}\n${groups.slice(4).join(' ')}`;
}

/**
 * The letter that goes with a bundle, in the interface language, on a page of its own that prints
 * alone (the app's header, footer and buttons stay off the paper): the country, the submission
 * revision and bundle, its External-Identifier, the fingerprint of the key that signed it, the focal
 * points, today's date, and lines for a signature and stamp.
 */
export function TransmittalLetter({ id, revision }: { id: string; revision: number }) {
  const api = useApi();
  const { t, i18n } = useTranslation('signing');
  const { t: tc } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void Promise.all([api.getAssessmentOverview(id), api.listSubmissions(id)]).then(([overview, kept]) => {
      if (!live) return;
      if (!overview.ok) return setState({ kind: 'failed', error: overview.error });
      if (!kept.ok) return setState({ kind: 'failed', error: kept.error });
      const sent = kept.value.find((k) => k.submissionRevision === revision);
      setState(sent ? { kind: 'ready', overview: overview.value, sent } : { kind: 'failed', error: { code: 'signing:errors.letterNoExport', params: { revision } } });
    });
    return () => {
      live = false;
    };
  }, [api, id, revision]);

  return (
    <div className="letter-page">
      <div className="letter-tools">
        <a href={hrefFor({ name: 'export', id })}>{t('letter.back')}</a>
        {state.kind === 'ready' && (
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('letter.print')}
          </button>
        )}
      </div>
      {state.kind === 'loading' && <p className="muted" role="status">{t('export.checking')}</p>}
      {state.kind === 'failed' && <ErrorMessage error={state.error} />}
      {state.kind === 'ready' && (
        <article className="letter" aria-labelledby="letter-title" data-testid="transmittal-letter">
          <p className="letter__date">{format.dayOf(new Date().toISOString())}</p>
          <p className="letter__to">{t('letter.to')}</p>
          <h2 id="letter-title" className="letter__title">
            {t('letter.title', { country: countryLabel(state.overview.summary.countryCode, i18n.language, tc) })}
          </h2>
          <p>{t('letter.body', { country: countryLabel(state.overview.summary.countryCode, i18n.language, tc), revision: format.number(revision) })}</p>
          <dl className="facts letter__facts">
            <Fact term={t('letter.country')}>{countryLabel(state.overview.summary.countryCode, i18n.language, tc)}</Fact>
            <Fact term={t('letter.revision')}>{format.number(revision)}</Fact>
            <Fact term={t('letter.exportedOn')}>{format.dayOf(state.sent.exportedAt)}</Fact>
            <Fact term={t('letter.file')} code>
              {state.sent.fileName}
            </Fact>
            <Fact term={t('letter.identifier')} code>
              {state.sent.externalIdentifier}
            </Fact>
            <Fact term={t('letter.fingerprint')} code fingerprint>
              {printable(state.sent.fingerprint)}
            </Fact>
          </dl>
          <p>{t('letter.check')}</p>
          <h3>{t('letter.focalPoints')}</h3>
          <ul className="letter__people">
            {state.overview.assessment.focalPoints.map((fp, index) => (
              <li key={index}>
                {[fp.name, fp.title, fp.institution].filter(Boolean).join(COMMA[i18n.language] ?? ', ')}
                {(fp.email || fp.phone) && (
                  <span className="letter__contact">
                    <bdi dir="ltr">{[fp.email, fp.phone].filter(Boolean).join(' · ')}</bdi>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div className="letter__lines">
            <p>{t('key.printName')}</p>
            <p>{t('key.printDate')}</p>
            <p>{t('key.printSignature')}</p>
          </div>
        </article>
      )}
    </div>
  );
}

/** One line of the letter's facts; codes (file name, identifier, fingerprint) read left to right in every language. */
function Fact({ term, code = false, fingerprint = false, children }: { term: string; code?: boolean; fingerprint?: boolean; children: string }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>
        {code ? (
          <code dir="ltr" className={fingerprint ? 'signing__fingerprint letter__fingerprint' : 'letter__code'}>
            {children}
          </code>
        ) : (
          children
        )}
      </dd>
    </div>
  );
}
