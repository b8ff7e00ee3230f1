import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { ErrorMessage } from '../error-message';
import { FilePicker } from '../file-picker';
import { useAnswerContext } from './answer-context';
import type { EvidenceValue } from './form-values';
import { shownText } from '../../i18n/shown-text';
import type { WidgetProps } from './widget-props';

function useSize() {
  const { i18n } = useTranslation();
  return (bytes: number) => {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  };
}

/** Attached files (stored by the core by content hash) and web links with a title. */
export function EvidenceWidget({ name, inputId, response, readOnly }: WidgetProps<'evidence'>) {
  const { t } = useTranslation();
  const session = useAnswerContext();
  const size = useSize();
  const { control, register, setValue, getValues } = useFormContext<Record<string, EvidenceValue>>();
  const files = useWatch({ control, name: `${name}.files` }) ?? [];
  const links = useFieldArray({ control, name: `${name}.links` });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const setFiles = (next: string[]) => setValue(`${name}.files`, next, { shouldDirty: true });

  async function attach(chosen: File[]) {
    const add = session.addAttachment;
    if (!add) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of chosen) {
        const result = await add(file);
        if (!result.ok) {
          setError(result.error);
          break;
        }
        const current = getValues(`${name}.files`) ?? [];
        if (!current.includes(result.ref.sha256)) setFiles([...current, result.ref.sha256]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="evidence">
      <p className="evidence__title">{t('form:evidence.files')}</p>
      {files.length === 0 ? (
        <p className="muted small">{t('form:evidence.noFiles')}</p>
      ) : (
        <ul className="evidence__files">
          {files.map((sha) => {
            const ref = session.attachments.find((a) => a.sha256 === sha);
            return (
              <li key={sha} className="evidence__file">
                <span className="evidence__name">{ref ? <bdi>{shownText(ref.name)}</bdi> : t('form:evidence.missingFile')}</span>
                {ref && <span className="muted small">{size(ref.size)}</span>}
                <button type="button" className="button button--quiet button--small" disabled={readOnly}
                  onClick={() => setFiles(files.filter((f) => f !== sha))}>
                  {t('form:evidence.removeFile', { name: ref?.name ?? sha.slice(0, 12) })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {session.addAttachment && <FilePicker
        id={inputId}
        buttonLabel={t('form:evidence.attach')}
        busy={busy}
        busyLabel={t('form:evidence.uploading')}
        multiple
        disabled={readOnly}
        variant="small"
        onChoose={(chosen) => void attach(chosen)}
      />}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}

      <p className="evidence__title">{t('form:evidence.links')}</p>
      {links.fields.map((field, index) => (
        <div key={field.id} className="evidence__link">
          <label className="field">
            <span className="field__label">{t('form:evidence.url', { n: index + 1 })}</span>
            <input className="input" type="url" dir="ltr" placeholder="https://" disabled={readOnly} {...register(`${name}.links.${index}.url`)} />
          </label>
          <label className="field">
            <span className="field__label">{t('form:evidence.linkTitle', { n: index + 1 })}</span>
            <input className="input" lang={response.lang} dir={response.dir} disabled={readOnly} {...register(`${name}.links.${index}.title`)} />
          </label>
          <button type="button" className="button button--quiet button--small" disabled={readOnly} onClick={() => links.remove(index)}>
            {t('form:evidence.removeLink', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" disabled={readOnly} onClick={() => links.append({ url: '', title: '' })}>
        {t('form:evidence.addLink')}
      </button>
    </div>
  );
}
