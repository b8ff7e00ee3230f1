import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../i18n/intl-cache';
import type { Progress } from './form-model';

/** A labelled progress bar: "answered of relevant" in words and as a native `<progress>`. */
export function ProgressBar({ id, label, progress, compact = false }: { id: string; label: string; progress: Progress; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const percent = progress.relevant === 0 ? 1 : progress.answered / progress.relevant;
  // The plural form follows the total, {{count}}: "1 of 1 item", "0 sur 12 éléments", "из 21 пункта".
  const words = t('form:progress.value', {
    count: progress.relevant,
    answered: numberFormat(i18n.language).format(progress.answered),
    percent: numberFormat(i18n.language, 'percent').format(percent),
  });
  return (
    <div className={compact ? 'progress progress--compact' : 'progress'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : 'progress__label'}>
        {label}
      </label>
      <progress id={id} max={Math.max(progress.relevant, 1)} value={progress.relevant === 0 ? 1 : progress.answered} aria-valuetext={words} />
      <span className="progress__text small">{words}</span>
    </div>
  );
}
