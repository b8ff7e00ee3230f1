import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AssessmentOverview, DraftProblemInfo } from '../../../../core/api/contract';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import { useApi } from '../../api/api-context';
import { loadPack } from '../assessment/open-assessment';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';

export type ExportFacts =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | {
      kind: 'ready';
      overview: AssessmentOverview;
      /** What keeps the draft from being signed, item by item; empty when it is ready. */
      problems: DraftProblemInfo[];
      /** The checklist in the interface language, for the items' titles (null if it cannot be loaded: ids only). */
      pack: ChecklistPack | null;
      /** Where the app keeps its files, to say where the bundle is. */
      dataDir: string | null;
      hasKey: boolean;
    };

/**
 * Everything the export screen shows before it asks for anything: the assessment (country, revision,
 * latest submission, focal points), its completeness with the items' titles, the data folder and
 * whether a signing key exists. `reload` asks again (after an export, or a fix made elsewhere).
 */
export function useExportFacts(id: string): { facts: ExportFacts; reload: () => Promise<void> } {
  const api = useApi();
  const { i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const [facts, setFacts] = useState<ExportFacts>({ kind: 'loading' });

  const reload = useCallback(async () => {
    const [overview, problems, info, key] = await Promise.all([api.getAssessmentOverview(id), api.validateAssessment(id), api.getAppInfo(), api.getSigningKey()]);
    if (!overview.ok) return setFacts({ kind: 'failed', error: overview.error });
    if (!problems.ok) return setFacts({ kind: 'failed', error: problems.error });
    const { checklistId, checklistVersion } = overview.value.summary;
    const pack = await loadPack(api, { id: checklistId, version: checklistVersion }, lng);
    setFacts({
      kind: 'ready',
      overview: overview.value,
      problems: problems.value,
      pack: pack.ok ? pack.value.pack : null,
      dataDir: info.ok ? info.value.dataDir : null,
      // Unknown (the call failed): let the passphrase be asked; the export itself then says what is wrong.
      hasKey: key.ok ? key.value !== null : true,
    });
  }, [api, id, lng]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { facts, reload };
}
