import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../core/i18n/languages';
import type { OpenedAssessment } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { onLanguageSwitch } from '../../i18n/language-switch';
import { createLogger } from '../../log';
import { loadPack, type LoadedPack } from './open-assessment';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';

const log = createLogger('pack-language');

/**
 * The open assessment's pack with the texts of the interface language. The pack came with the
 * opening in one language; a language switch fetches it in the new one first (the picker waits for
 * that), and a language changed any other way is fetched when seen. Until then the pack at hand is
 * shown (its English texts stand in).
 */
export function usePackInLanguage(data: { opened: OpenedAssessment; pack: LoadedPack; language: Language }): LoadedPack {
  const api = useApi();
  const { i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const [packs, setPacks] = useState<ReadonlyMap<Language, LoadedPack>>(() => new Map([[data.language, data.pack]]));
  const { id, version } = data.opened.draft.checklist;

  const fetchIn = useCallback(
    async (lng: Language) => {
      const loaded = await loadPack(api, { id, version }, lng);
      if (!loaded.ok) return log.warn(`pack ${id} ${version} in ${lng}: ${loaded.error.code}`);
      setPacks((known) => (known.get(lng) === loaded.value ? known : new Map(known).set(lng, loaded.value)));
    },
    [api, id, version],
  );
  useEffect(() => onLanguageSwitch(fetchIn), [fetchIn]);
  useEffect(() => {
    if (!packs.has(language)) void fetchIn(language);
  }, [language, packs, fetchIn]);

  return packs.get(language) ?? packs.get(data.language) ?? data.pack;
}
