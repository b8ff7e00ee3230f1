import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, CopyInspection, ImportMode, PortableCopy } from '../../../../core/api/contract';
import { MAX_DRAFT_BYTES } from '../../../../core/draft/limits';
import { useApi } from '../../api/api-context';
import { navigate } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { keepNotices } from '../assessment/pending-notices';
import { CopyDialog, copyQuestion } from './copy-dialog';

// Portable drafts are text; anything larger than the largest draft is refused before it is read.
const MAX_MB = MAX_DRAFT_BYTES / (1024 * 1024);

/**
 * "Open file…": a portable draft (`.scsa.json`) from a USB stick becomes an assessment on this
 * computer. The core reads it first; when its assessment is already here, or it is another country's,
 * the user decides in a dialog before anything is added.
 */
export function OpenFile() {
  const api = useApi();
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ copy: PortableCopy; seen: CopyInspection } | null>(null);

  async function add(copy: PortableCopy, mode: ImportMode | undefined) {
    const result = await api.importCopy(copy, mode);
    if (!result.ok) return setError(result.error);
    keepNotices(result.value.draft.id, result.value.notices);
    navigate({ name: 'form', id: result.value.draft.id });
  }

  async function open(file: File) {
    setError(null);
    setBusy(true);
    try {
      if (file.size > MAX_DRAFT_BYTES) {
        setError({ code: 'drafts:errors.draftTooLarge', params: { limit: MAX_MB, file: file.name } });
        return;
      }
      const copy = { fileName: file.name, text: await file.text() };
      const seen = await api.inspectCopy(copy);
      if (!seen.ok) return setError(seen.error);
      if (copyQuestion(seen.value)) setAsking({ copy, seen: seen.value });
      else await add(copy, undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="open-file">
      <FilePicker buttonLabel={t('home.openFile')} busy={busy} accept=".json,.scsa.json" onChoose={([file]) => file && void open(file)} />
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {asking && (
        <CopyDialog
          seen={asking.seen}
          onCancel={() => setAsking(null)}
          onChoose={(mode) => {
            const { copy } = asking;
            setAsking(null);
            void add(copy, mode);
          }}
        />
      )}
    </div>
  );
}
