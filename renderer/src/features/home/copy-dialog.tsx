import { useTranslation } from 'react-i18next';
import type { CopyInspection, ImportMode } from '../../../../core/api/contract';
import { useFormatters } from '../../i18n/use-formatters';
import { ModalDialog } from '../../ui/modal-dialog';
import { countryLabel } from '../../ui/country-label';
import { shownText } from '../../i18n/shown-text';

/** What opening a copy needs the user to decide, if anything: its id is taken here, or it is another country's. */
export type CopyQuestion = 'exists' | 'otherCountry' | null;

/** The training example is no country's; a file of it is never "another country's". */
const EXAMPLE = 'XXX';

export function copyQuestion(seen: CopyInspection): CopyQuestion {
  if (seen.existing) return 'exists';
  const country = seen.draft.countryCode;
  if (country !== EXAMPLE && seen.countriesHere.length > 0 && !seen.countriesHere.includes(country)) return 'otherCountry';
  return null;
}

interface CopyDialogProps {
  seen: CopyInspection;
  onChoose: (mode: ImportMode | undefined) => void;
  onCancel: () => void;
}

/**
 * Before a file copy is added: when this computer already has its assessment, replace it (its answers
 * stay in its saved versions), keep both (the file as a numbered copy) or cancel; when the file is
 * another country's than every assessment here, say so and ask. Never two identical rows, never a
 * silent choice.
 */
export function CopyDialog({ seen, onChoose, onCancel }: CopyDialogProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const name = (code: string) => countryLabel(code, i18n.language, t);
  const country = name(seen.draft.countryCode);
  // The file's own name reads left to right apart from the sentence (and shows any control character it holds).
  const file = (
    <p>
      <code className="facts__path" dir="ltr">
        {shownText(seen.fileName)}
      </code>
    </p>
  );
  const existing = seen.existing;

  if (!existing) {
    const here = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(seen.countriesHere.map(name));
    return (
      <ModalDialog labelledBy="copy-title" onCancel={onCancel}>
        <h2 id="copy-title" className="dialog__title">
          {t('home.copy.otherTitle', { country })}
        </h2>
        {file}
        <p className="dialog__intro">{t('home.copy.otherBody', { country, countries: here })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onCancel} autoFocus>
            {t('home.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={() => onChoose(undefined)}>
            {t('home.copy.openSeparate')}
          </button>
        </div>
      </ModalDialog>
    );
  }

  const otherCountry = existing.countryCode !== seen.draft.countryCode;
  const olderFile = !existing.sameContent && seen.draft.updatedAt < existing.updatedAt;
  return (
    <ModalDialog labelledBy="copy-title" onCancel={onCancel}>
      <h2 id="copy-title" className="dialog__title">
        {t('home.copy.existsTitle')}
      </h2>
      {file}
      <p className="dialog__intro">{t('home.copy.existsBody', { country: name(existing.countryCode) })}</p>
      <table className="table copy-compare">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('home.copy.inFile')}</th>
            <th scope="col">{t('home.copy.onComputer')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('home.columns.country')}</th>
            <td>{country}</td>
            <td>{name(existing.countryCode)}</td>
          </tr>
          <tr>
            <th scope="row">{t('home.copy.revision')}</th>
            <td>{format.number(seen.draft.revision)}</td>
            <td>{format.number(existing.revision)}</td>
          </tr>
          <tr>
            <th scope="row">{t('home.columns.updated')}</th>
            <td>{format.dateTime(seen.draft.updatedAt)}</td>
            <td>{format.dateTime(existing.updatedAt)}</td>
          </tr>
        </tbody>
      </table>
      {existing.sameContent && <p>{t('home.copy.same')}</p>}
      {olderFile && <p className="copy-warning">{t('home.copy.older')}</p>}
      {otherCountry && (
        <p className="copy-warning" role="alert">
          {t('home.copy.otherCountry', { fileCountry: country, existingCountry: name(existing.countryCode) })}
        </p>
      )}
      <ul className="copy-choices">
        {!otherCountry && <li>{t('home.copy.replaceHint')}</li>}
        <li>{t('home.copy.keepBothHint')}</li>
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onCancel} autoFocus>
          {t('home.cancel')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onChoose('keepBoth')}>
          {t('home.copy.keepBoth')}
        </button>
        {!otherCountry && (
          <button type="button" className="button button--primary" onClick={() => onChoose('replace')}>
            {t('home.copy.replace')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
