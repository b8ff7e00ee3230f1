import { AppError } from '../errors';
import { createLogger } from '../log';
import saclPackJson from './packs/safer-cities-sacl.pack.json';
import { loadPack, type LoadedPack } from './load';
import { loadSamplePack } from './sample';
import type { LocalizedText } from './localized';
import type { Language } from '../i18n/languages';

const log = createLogger('checklist-registry');

/** A pack named by id and version, as a draft records it. */
export interface PackReference {
  id: string;
  version: string;
}

/** Where a pack comes from: part of the app (trusted by inclusion), or installed from a signed file. */
export type PackOrigin = 'bundled' | 'installed';

/** One pack the app carries or has installed, as listed in About and the "new assessment" wizard. */
export interface CarriedPack {
  id: string;
  version: string;
  title: LocalizedText;
  languages: Language[];
  itemCount: number;
  isDefault: boolean;
  origin: PackOrigin;
  /** Fingerprint of the key that signed an installed pack. */
  signer?: string;
}

/** The checklist a new assessment uses unless another pack is named. */
export const DEFAULT_PACK: PackReference = { id: 'safer-cities-sacl', version: '1.0.0' };
export const SAMPLE_PACK: PackReference = { id: 'safer-cities-sample', version: '0.1.0' };

/**
 * Load a published pack strictly; a pack whose only fault is a missing translation still loads
 * (leniently, its gaps listed and logged) so that a late translation never keeps the app from
 * starting. Any other fault throws the strict loader's error.
 */
export function loadPublished(raw: unknown, ref: PackReference): LoadedPack {
  try {
    return loadPack(raw, 'strict');
  } catch (strictError) {
    let lenient: LoadedPack;
    try {
      lenient = loadPack(raw, 'lenient');
    } catch {
      throw strictError;
    }
    if (lenient.translationGaps.length === 0) throw strictError;
    log.warn(`pack ${ref.id} ${ref.version} loaded leniently: ${lenient.translationGaps.length} missing translations, first ${lenient.translationGaps[0] ?? ''}`);
    return lenient;
  }
}

interface Entry {
  ref: PackReference;
  load: () => LoadedPack;
}

const ENTRIES: readonly Entry[] = [
  { ref: DEFAULT_PACK, load: () => loadPublished(saclPackJson, DEFAULT_PACK) },
  { ref: SAMPLE_PACK, load: loadSamplePack },
];

const cache = new Map<string, LoadedPack>();
const keyOf = (ref: PackReference): string => `${ref.id}@${ref.version}`;

function loadEntry(entry: Entry): LoadedPack {
  const key = keyOf(entry.ref);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = entry.load();
    if (loaded.pack.id !== entry.ref.id || loaded.pack.version !== entry.ref.version) {
      // A pack file edited without its registry line: refuse rather than tag drafts with the wrong version.
      throw new AppError('drafts:errors.packInvalid', { path: 'version', problem: `expected ${key}`, count: 1 });
    }
    cache.set(key, loaded);
  }
  return loaded;
}

/** Packs installed from signed files this session (core/packs/install.ts fills it), by `id@version`. */
const installed = new Map<string, { loaded: LoadedPack; signer: string }>();

/** Whether the app itself carries `ref` (such a pack is never installed over). */
export function isBundled(ref: PackReference): boolean {
  return ENTRIES.some((e) => e.ref.id === ref.id && e.ref.version === ref.version);
}

/**
 * Make a verified, installed pack available to findPack and listPacks. Only core/packs calls this,
 * after the signature and the trust list have been checked. A version the app carries is not replaced.
 */
export function registerInstalledPack(loaded: LoadedPack, signer: string): void {
  const ref = { id: loaded.pack.id, version: loaded.pack.version };
  if (isBundled(ref)) return;
  installed.set(keyOf(ref), { loaded, signer });
}

/** Forget the installed packs (a new data folder; tests). */
export function clearInstalledPacks(): void {
  installed.clear();
}

/** The pack for `ref`, or null when the app neither carries nor has installed it. */
export function findPack(ref: PackReference): LoadedPack | null {
  const entry = ENTRIES.find((e) => e.ref.id === ref.id && e.ref.version === ref.version);
  return entry ? loadEntry(entry) : (installed.get(keyOf(ref))?.loaded ?? null);
}

/** The pack for `ref`. Throws AppError `drafts:errors.packNotFound` naming it when the app does not carry it. */
export function getPack(ref: PackReference): LoadedPack {
  const found = findPack(ref);
  if (!found) throw new AppError('drafts:errors.packNotFound', { id: ref.id.slice(0, 64), version: ref.version.slice(0, 64) });
  return found;
}

/** The default pack (the Safer Cities self-assessment checklist). */
export function defaultPack(): LoadedPack {
  return getPack(DEFAULT_PACK);
}

function describe({ pack, items }: LoadedPack, isDefault: boolean, origin: PackOrigin): CarriedPack {
  return { id: pack.id, version: pack.version, title: pack.title, languages: [...pack.languages], itemCount: items.size, isDefault, origin };
}

/** Every pack the app carries, the default first, then the installed ones by id and version. */
export function listPacks(): CarriedPack[] {
  const carried = ENTRIES.map((entry) => describe(loadEntry(entry), entry.ref === DEFAULT_PACK, 'bundled'));
  const added = [...installed.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { loaded, signer }]) => ({ ...describe(loaded, false, 'installed'), signer }));
  return [...carried, ...added];
}
