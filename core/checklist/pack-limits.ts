import { AppError } from '../errors';

/**
 * Bounds on a pack that arrives from outside (an installed or checked file): reaching either is
 * refused before the schema runs, so a hostile or mistaken file cannot exhaust memory or time.
 * The real checklist is about 280 KB with about 100 items.
 */
export const PACK_BYTES_LIMIT = 50 * 1024 * 1024;
export const PACK_ITEMS_LIMIT = 10_000;

/** The size limit in MB, as messages name it. */
export const PACK_MB_LIMIT = PACK_BYTES_LIMIT / 1024 / 1024;

/** Throws `packs:errors.packTooLarge` `{limit}` (MB) when `bytes` reaches the limit. */
export function checkPackBytes(bytes: number): void {
  if (bytes >= PACK_BYTES_LIMIT) throw new AppError('packs:errors.packTooLarge', { limit: PACK_MB_LIMIT });
}

/** Items counted on the raw JSON (before validation); throws `packs:errors.tooManyItems` at the limit. */
export function checkPackItemCount(raw: unknown): void {
  if (!raw || typeof raw !== 'object') return;
  const sections = (raw as { sections?: unknown }).sections;
  if (!Array.isArray(sections)) return;
  let count = 0;
  for (const section of sections) {
    const items = section && typeof section === 'object' ? (section as { items?: unknown }).items : undefined;
    if (Array.isArray(items)) count += items.length;
  }
  if (count >= PACK_ITEMS_LIMIT) throw new AppError('packs:errors.tooManyItems', { count, limit: PACK_ITEMS_LIMIT });
}
