/**
 * At start-up the app reads its trust list (the keys shipped in `resources/trust`, or `build/trust`
 * when run from the project) and loads the revisions installed in the data folder, each checked
 * again, so that installed versions are in the catalogue before any screen asks for one.
 */
import { clearInstalledPacks } from '../../checklist/registry';
import { createLogger } from '../../log';
import { loadInstalledPacks } from '../../packs/install';
import { EMPTY_TRUST, loadTrustDir, type TrustList } from '../../packs/trust';

const log = createLogger('packs-start');

/** The trust list of `trustDir` (none: trust no signed pack), after the installed packs of `dataDir` are loaded with it. */
export async function loadPacksAtStart(dataDir: string, trustDir: string | undefined): Promise<TrustList> {
  try {
    const trust = trustDir ? await loadTrustDir(trustDir) : EMPTY_TRUST;
    // The registry is the process's: a core for another data folder must not see this one's packs.
    clearInstalledPacks();
    const { packs, problems } = await loadInstalledPacks(dataDir, trust);
    log.info(`trust list: ${trust.keys.size} key(s); installed packs: ${packs.length} loaded, ${problems.length} not used`);
    return trust;
  } catch (err) {
    // The packs the app carries still work; only installed revisions are missing until the next start.
    log.error('could not load the installed checklist packs', err);
    return EMPTY_TRUST;
  }
}
