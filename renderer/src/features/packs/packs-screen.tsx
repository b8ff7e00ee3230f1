import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, InstalledPackInfo, PackInfo } from '../../../../core/api/contract';
import { localize } from '../../../../core/checklist/localized';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { PackOrigin } from '../../ui/pack-origin';
import './packs.css';

type Outcome = { kind: 'none' } | { kind: 'installed'; pack: InstalledPackInfo } | { kind: 'refused'; error: ApiError };

/**
 * "Checklist versions": the versions the app carries and those installed from signed files, and
 * installing a new one. A file installs only when a key the app trusts signed it; anything else is
 * refused with the reason, and nothing is installed.
 */
export function PacksScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const [packs, setPacks] = useState<PackInfo[] | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const load = useCallback(async () => {
    const result = await api.listPacks();
    if (result.ok) setPacks(result.value);
    else setListError(result.error);
  }, [api]);
  useEffect(() => {
    document.getElementById('packs-title')?.focus();
    void load();
  }, [load]);

  async function install(file: File) {
    setBusy(true);
    setOutcome({ kind: 'none' });
    const result = await api.installPackFile(file);
    setBusy(false);
    setOutcome(result.ok ? { kind: 'installed', pack: result.value } : { kind: 'refused', error: result.error });
    if (result.ok) void load();
  }

  return (
    <section className="packs-screen stack" aria-labelledby="packs-title">
      <nav className="breadcrumbs" aria-label={t('form:nav.breadcrumbs')}>
        <a href={hrefFor({ name: 'home' })}>{t('form:nav.home')}</a>
      </nav>
      <h2 id="packs-title" className="page-title" tabIndex={-1}>
        {t('packs:screen.title')}
      </h2>
      <p>{t('packs:screen.intro')}</p>
      <div className="card">
        <h3 className="card__title">{t('packs:install.title')}</h3>
        <p>{t('packs:install.intro')}</p>
        <FilePicker
          id="install-pack"
          buttonLabel={t('packs:install.choose')}
          accept=".scsa-pack"
          busy={busy}
          busyLabel={t('packs:install.busy')}
          onChoose={(files) => files[0] && void install(files[0])}
        />
        <div aria-live="polite">
          {outcome.kind === 'installed' && (
            <p className="success-message" role="status">
              {t(outcome.pack.alreadyInstalled ? 'packs:install.already' : 'packs:install.done', {
                title: localize(outcome.pack.title, lng).text,
                version: outcome.pack.version,
              })}{' '}
              {t('packs:install.nextStep')}
            </p>
          )}
        </div>
        {outcome.kind === 'refused' && (
          <>
            <ErrorMessage error={outcome.error} onDismiss={() => setOutcome({ kind: 'none' })} />
            <p className="muted">{t('packs:install.refusedHelp')}</p>
          </>
        )}
      </div>
      <div className="card">
        <h3 className="card__title">{t('packs:screen.listTitle')}</h3>
        {listError && <ErrorMessage error={listError} onRetry={() => void load()} />}
        {packs === null && !listError && <p className="muted" role="status">{t('form:loading')}</p>}
        {packs && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('packs:screen.checklist')}</th>
                  <th scope="col">{t('packs:screen.version')}</th>
                  <th scope="col">{t('packs:screen.origin')}</th>
                </tr>
              </thead>
              <tbody>
                {packs.map((p) => (
                  <tr key={`${p.id}@${p.version}`}>
                    <th scope="row">{localize(p.title, lng).text}</th>
                    <td>
                      <bdi dir="ltr">{p.version}</bdi>
                    </td>
                    <td>
                      <PackOrigin pack={p} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
