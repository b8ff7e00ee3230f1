import { useId } from 'react';
import { useTranslation } from 'react-i18next';


/**
 * A labelled progress bar while a job runs (an export, a check, a report…), and a polite live region
 * that announces its start (it stays in the page so screen readers notice each change).
 */
export function JobProgress({ state, label, started }: { state: { kind: string; progress?: number }; label: string; started: string }) {
  const { i18n } = useTranslation();
  const id = useId();
  const progress = state.kind === 'running' ? (state.progress ?? 0) : 0;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(progress);
  return (
    <div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {state.kind === 'running' ? started : ''}
      </p>
      {state.kind === 'running' && (
        <div className="progress">
          <label htmlFor={id} className="progress__label">
            {label}
          </label>
          <progress id={id} max={1} value={progress} aria-valuetext={percent} />
          <span className="progress__text small">{percent}</span>
        </div>
      )}
    </div>
  );
}

/** A size in the interface language: kB below a megabyte, MB above. */
export function formatSize(bytes: number, language: string): string {
  // A file under a kilobyte (a short note) is counted in bytes: "0 kB" would read as empty.
  if (bytes < 1024) return new Intl.NumberFormat(language, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(language, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes / (mb ? 1024 * 1024 : 1024));
}
