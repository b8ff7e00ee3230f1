import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTONYMS, LANGUAGES, isLanguage } from '../../../../core/i18n/languages';
import type { ApiError } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { prepareLanguage } from '../../i18n/language-switch';

interface LanguagePickerProps {
  onError: (error: ApiError) => void;
}

/**
 * Each language is listed in its own name, so a reader finds theirs whatever the current language.
 * The switch happens in place (no reload): i18next re-renders the tree and `<html lang dir>` follows.
 */
export function LanguagePicker({ onError }: LanguagePickerProps) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function choose(event: ChangeEvent<HTMLSelectElement>) {
    const next = event.target.value;
    if (!isLanguage(next)) return;
    setBusy(true);
    try {
      // Switch first so the interface answers at once; the saved preference follows. What the
      // screen shows from the core in that language (the open pack's texts) is fetched just before.
      await prepareLanguage(next);
      await i18n.changeLanguage(next);
      const saved = await api.setLanguage(next);
      if (!saved.ok) onError(saved.error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="language-picker">
      <label className="language-picker__label" htmlFor="language-picker">
        {t('language.label')}
      </label>
      <select
        id="language-picker"
        className="language-picker__select"
        value={isLanguage(i18n.language) ? i18n.language : 'en'}
        onChange={(event) => void choose(event)}
        aria-busy={busy}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {AUTONYMS[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
