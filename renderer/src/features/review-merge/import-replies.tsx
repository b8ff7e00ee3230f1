import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ReplyImported } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { Isolated, MARK_VALUE } from '../../ui/isolated';
import { FilePicker } from '../../ui/file-picker';

type Outcome = { file: string } & ({ ok: true; value: ReplyImported } | { ok: false; error: ApiError });

/** Choose one or many reply files (`*.scsa-reply.json`); each is imported in turn and its outcome listed. */
export function ImportReplies({ id, onImported }: { id: string; onImported: () => Promise<void> }) {
  const api = useApi();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  async function importFiles(files: File[]) {
    setBusy(true);
    setOutcomes([]);
    const done: Outcome[] = [];
    // One after another: the second copy of a reply given twice is then told apart from the first.
    for (const file of files) {
      const r = await api.importReply(file, id);
      done.push(r.ok ? { file: file.name, ok: true, value: r.value } : { file: file.name, ok: false, error: r.error });
    }
    setOutcomes(done);
    setBusy(false);
    if (done.some((o) => o.ok)) await onImported();
  }

  return (
    <section className="card" aria-labelledby="import-replies-title">
      <h3 id="import-replies-title" className="card__title">
        {t('merge:import.title')}
      </h3>
      <p className="muted">{t('merge:import.intro')}</p>
      <FilePicker
        id="import-replies"
        buttonLabel={t('merge:import.choose')}
        accept=".json,application/json"
        multiple
        busy={busy}
        busyLabel={t('merge:import.busy')}
        onChoose={(files) => void importFiles(files)}
      />
      {outcomes.length > 0 && (
        <ul className="merge-outcomes" aria-live="polite">
          {outcomes.map((o, i) => (
            <li key={i}>
              <bdi className="merge-outcomes__file">{o.file}</bdi>
              {o.ok ? (
                <p className="merge-outcomes__ok">
                  <Isolated sentence={t(o.value.supersedes ? 'merge:import.replaced' : 'merge:import.imported', { institution: MARK_VALUE })} value={o.value.institution} />{' '}
                  {t('merge:import.comments', { count: o.value.comments })} {t('merge:import.suggestions', { count: o.value.suggestions })}
                </p>
              ) : (
                <ErrorMessage error={o.error} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
