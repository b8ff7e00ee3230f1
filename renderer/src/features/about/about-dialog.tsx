import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AppInfo, PackInfo } from '../../../../core/api/contract';
import { localize } from '../../../../core/checklist/localized';
import { isLanguage } from '../../../../core/i18n/languages';
import { hrefFor } from '../../app/routes';
import { PackOrigin } from '../../ui/pack-origin';
import './about.css';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';

type InfoState = { kind: 'loading' } | { kind: 'ready'; info: AppInfo; packs: PackInfo[] } | { kind: 'failed'; error: ApiError };

/**
 * The About button and its modal dialog. The native `<dialog>` gives a focus trap and an inert
 * background; Escape and the Close button both close it, and focus goes back to the button.
 */
export function About() {
  const api = useApi();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<InfoState>({ kind: 'loading' });
  const opener = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const [result, packs] = await Promise.all([api.getAppInfo(), api.listPacks()]);
    // The list of checklist versions is extra: without it About still shows the rest.
    setState(result.ok ? { kind: 'ready', info: result.value, packs: packs.ok ? packs.value : [] } : { kind: 'failed', error: result.error });
  }, [api]);

  useEffect(() => {
    const element = dialog.current;
    if (!open || !element || element.open) return;
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    void load();
  }, [open, load]);

  const close = useCallback(() => {
    const element = dialog.current;
    if (element?.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
    setOpen(false);
    opener.current?.focus();
  }, []);

  return (
    <>
      <button ref={opener} type="button" className="button button--ghost" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('about.open')}
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="dialog"
          aria-labelledby="about-title"
          onCancel={(event) => {
            event.preventDefault();
            close();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          <h2 id="about-title" className="dialog__title">
            {t('about.title')}
          </h2>
          <p className="dialog__intro">{t('about.offline')}</p>
          {state.kind === 'loading' && <p aria-live="polite">{t('about.loading')}</p>}
          {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
          {state.kind === 'ready' && <AboutFacts info={state.info} packs={state.packs} onLeave={close} />}
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={close} autoFocus>
              {t('about.close')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}

function AboutFacts({ info, packs, onLeave }: { info: AppInfo; packs: PackInfo[]; onLeave: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('about.version')}</dt>
        <dd>
          <bdi dir="ltr">{info.version}</bdi>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('about.checklistPack')}</dt>
        <dd>
          {info.checklistPack
            ? t('about.checklistPackValue', { id: info.checklistPack.id, version: info.checklistPack.version })
            : t('about.noChecklistPack')}
        </dd>
      </div>
      {packs.length > 0 && (
        <div className="facts__row">
          <dt>{t('packs:about.versions')}</dt>
          <dd>
            <ul className="about-packs">
              {packs.map((p) => (
                <li key={`${p.id}@${p.version}`}>
                  {t('packs:about.versionLine', { title: localize(p.title, lng).text, version: p.version })}
                  {' — '}
                  <PackOrigin pack={p} />
                </li>
              ))}
            </ul>
            {/* Following the link closes the dialog: the screen it opens is behind it. */}
            <a href={hrefFor({ name: 'packs' })} onClick={onLeave}>
              {t('packs:about.manage')}
            </a>
          </dd>
        </div>
      )}
      <div className="facts__row">
        <dt>{t('about.dataFolder')}</dt>
        <dd>
          {/* A path reads left to right in every language; isolating it keeps Arabic layout intact. */}
          <code className="facts__path" dir="ltr">
            {info.dataDir}
          </code>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('about.runtime')}</dt>
        <dd>{info.runtime === 'desktop' ? t('about.runtimeDesktop') : t('about.runtimeWeb')}</dd>
      </div>
    </dl>
  );
}
