import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { MAX_DRAFT_BYTES } from '../../../../core/draft/limits';
import { useApi } from '../../api/api-context';
import { navigate } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { keepNotices } from '../assessment/pending-notices';

// Portable drafts are text; anything larger than the largest draft is refused before it is read.
const MAX_MB = MAX_DRAFT_BYTES / (1024 * 1024);

/** "Open file…": a portable draft (`.scsa.json`) from a USB stick becomes an assessment on this computer. */
export function OpenFile() {
  const api = useApi();
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function open(file: File) {
    setError(null);
    setBusy(true);
    try {
      if (file.size > MAX_DRAFT_BYTES) {
        setError({ code: 'drafts:errors.draftTooLarge', params: { limit: MAX_MB, file: file.name } });
        return;
      }
      const result = await api.importCopy({ fileName: file.name, text: await file.text() });
      if (result.ok) {
        keepNotices(result.value.draft.id, result.value.notices);
        navigate({ name: 'form', id: result.value.draft.id });
      }
      else setError(result.error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="open-file">
      <FilePicker buttonLabel={t('home.openFile')} busy={busy} accept=".json,.scsa.json" onChoose={([file]) => file && void open(file)} />
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
