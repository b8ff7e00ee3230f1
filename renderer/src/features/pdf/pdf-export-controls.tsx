import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfOptions } from '../../../../core/api/contract';
import type { PdfExport } from './use-pdf-export';

type Paper = PdfOptions['paper'];
const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** Paper size and the "Export PDF" button; the button is unavailable while an export runs. */
export function PdfExportControls({ pdf }: { pdf: PdfExport }) {
  const { t } = useTranslation();
  const id = useId();
  const [paper, setPaper] = useState<Paper>('a4');
  const busy = pdf.state.kind === 'running';
  return (
    <div className="pdf-export__controls">
      <label className="visually-hidden" htmlFor={id}>
        {t('form:pdf.paper')}
      </label>
      <select id={id} className="input pdf-export__paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
        {PAPERS.map((p) => (
          <option key={p} value={p}>
            {t(`form:pdf.papers.${p}`)}
          </option>
        ))}
      </select>
      {/* aria-disabled rather than disabled: a keyboard user keeps focus on the button while the export runs. */}
      <button
        type="button"
        className="button button--secondary pdf-export__button"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void pdf.start({ paper });
        }}
      >
        {t('form:pdf.export')}
      </button>
    </div>
  );
}
