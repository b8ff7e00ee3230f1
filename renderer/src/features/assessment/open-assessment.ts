/**
 * Opening an assessment for its screens: the draft, then its checklist pack with the texts of the
 * interface language (and English) only. Packs are cached by id, version and language for the life
 * of the page (they never change while it runs), so moving between assessments or reopening one
 * does not fetch and check the same pack again. An opening can be started before React renders
 * (`prefetchOpening`, from the entry) and is then taken over by the session that mounts for it.
 */
import type { ApiError, ApiResult, ApiValue, OpenedAssessment, RendererApi } from '../../../../core/api/contract';
import type { Language } from '../../../../core/i18n/languages';
import { mark } from '../../app/marks';

export type Opening = { ok: true; opened: OpenedAssessment; pack: LoadedPack; language: Language } | { ok: false; error: ApiError };
export type LoadedPack = ApiValue<'getPack'>;
type PackReference = { id: string; version: string };
type OpeningApi = Pick<RendererApi, 'openAssessment' | 'getPack'>;

const packs = new WeakMap<OpeningApi, Map<string, Promise<ApiResult<LoadedPack>>>>();
const prefetched = new Map<string, { api: OpeningApi; opening: Promise<Opening>; settled?: Opening }>();

/**
 * The pack for `ref` with the texts of `language` (and English), fetched once per api, pack version
 * and language; a failed fetch is not kept, so a retry asks again.
 */
export function loadPack(api: OpeningApi, ref: PackReference, language: Language): Promise<ApiResult<LoadedPack>> {
  let cache = packs.get(api);
  if (!cache) packs.set(api, (cache = new Map()));
  const key = `${ref.id}@${ref.version}/${language}`;
  const known = cache.get(key);
  if (known) return known;
  const loading = api.getPack({ id: ref.id, version: ref.version }, { languages: [language] }).catch((): ApiResult<LoadedPack> => ({ ok: false, error: { code: 'errors.unexpected' } }));
  cache.set(key, loading);
  void loading.then((result) => {
    if (!result.ok && cache.get(key) === loading) cache.delete(key);
  });
  return loading;
}

const unexpected = (): Opening => ({ ok: false, error: { code: 'errors.unexpected' } });

async function open(api: OpeningApi, id: string, language: Language | Promise<Language>): Promise<Opening> {
  mark('open:request');
  const opened = await api.openAssessment(id).catch(() => null);
  if (!opened) return unexpected();
  mark('open:answer');
  if (!opened.ok) return { ok: false, error: opened.error };
  const lng = await language;
  const pack = await loadPack(api, opened.value.draft.checklist, lng);
  mark('pack:answer');
  if (!pack.ok) return { ok: false, error: pack.error };
  return { ok: true, opened: opened.value, pack: pack.value, language: lng };
}

/**
 * Start opening `id` now (the page was loaded at one of its screens); its session takes the result.
 * The pack is asked for once `language` (the saved interface language) is known.
 */
export function prefetchOpening(api: OpeningApi, id: string, language: Promise<Language>): void {
  if (prefetched.get(id)?.api === api) return;
  const entry: { api: OpeningApi; opening: Promise<Opening>; settled?: Opening } = { api, opening: open(api, id, language) };
  void entry.opening.then((result) => (entry.settled = result));
  prefetched.set(id, entry);
}

/**
 * The early opening of `id` if it has already succeeded (taken, like `openWithPack` takes it), so
 * that the session can show the screen in its first render instead of a loading line first.
 */
export function takeSettledOpening(api: OpeningApi, id: string): Extract<Opening, { ok: true }> | undefined {
  const early = prefetched.get(id);
  if (!early || early.api !== api || !early.settled?.ok) return undefined;
  prefetched.delete(id);
  return early.settled;
}

/**
 * Open `id` with its pack in `language`: the opening started by `prefetchOpening` when there is one
 * (used once; its language may differ, the session then asks for the pack again), otherwise a new one.
 */
export function openWithPack(api: OpeningApi, id: string, language: Language): Promise<Opening> {
  const early = prefetched.get(id);
  if (early && early.api === api) {
    prefetched.delete(id);
    return early.opening;
  }
  return open(api, id, language);
}
