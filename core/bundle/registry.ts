import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { FINGERPRINT_PATTERN } from '../keys/fingerprint';
import { IsoDateSchema } from '../draft/answers';

/** What a registered key may do: sign a country's submission, or countersign it as its approver. */
export const KEY_ROLES = ['focal-point', 'approver'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/** A fingerprint as typed or printed (8 groups, two lines, capitals): spaces, colons and case do not matter. */
export const FingerprintInputSchema = z
  .string()
  .max(400)
  .transform((s) => s.replace(/[\s:]+/g, '').toLowerCase())
  .pipe(z.string().regex(FINGERPRINT_PATTERN));

/**
 * One registered key. `country`, `fingerprint`, `name` and `validFrom` are what `scsa verify
 * --registry` has always read; the other fields are written by the secretariat workspace
 * (docs/formats/workspace.md) and all optional here, so a hand-written registry keeps working.
 */
export const KeyRegistryEntrySchema = z
  .object({
    country: z.string().regex(/^[A-Z]{3}$/),
    fingerprint: FingerprintInputSchema,
    name: z.string().max(300).optional(),
    validFrom: IsoDateSchema.optional(),
    validTo: IsoDateSchema.optional().describe('Last day the key counts (inclusive).'),
    revokedAt: IsoDateSchema.optional().describe('From this day on the key no longer counts.'),
    role: z.enum(KEY_ROLES).optional(),
    publicKeyPem: z.string().max(1000).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type KeyRegistryEntry = z.infer<typeof KeyRegistryEntrySchema>;

/**
 * The secretariat's registry of focal-point keys: a JSON array, one entry per registered key. A key
 * counts for bundles of its country bagged from `validFrom` to `validTo` and before `revokedAt`
 * (each when given). See docs/formats/bundle.md.
 */
export const KeyRegistrySchema = z.array(KeyRegistryEntrySchema).max(100_000);
export type KeyRegistry = z.infer<typeof KeyRegistrySchema>;

/** The workspace's `registry.json` wraps the same entries: `{format: "scsa-registry", schemaVersion: 1, keys}`. */
const WrappedRegistrySchema = z.object({ format: z.literal('scsa-registry'), schemaVersion: z.literal(1), keys: KeyRegistrySchema }).loose();

/**
 * A registry from parsed JSON: a plain array, or a workspace's registry.json. Anything else throws
 * `bundle:errors.registryInvalid` naming the first problem.
 */
export function parseRegistryJson(raw: unknown): KeyRegistry {
  const wrapped = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const parsed = wrapped ? WrappedRegistrySchema.safeParse(raw) : KeyRegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bundle:errors.registryInvalid', { problem: issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema' }, parsed.error);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.keys;
}

/** Read a registry file (see parseRegistryJson); an unreadable file throws `bundle:errors.registryInvalid`. */
export async function loadRegistry(file: string): Promise<KeyRegistry> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new AppError('bundle:errors.registryInvalid', { problem: 'json' }, err);
  }
  return parseRegistryJson(raw);
}

/** Whether an entry counts on `date` (YYYY-MM-DD): within its validity and not yet revoked. */
export function entryInForce(k: KeyRegistryEntry, date: string): boolean {
  return (k.validFrom === undefined || k.validFrom <= date) && (k.validTo === undefined || date <= k.validTo) && (k.revokedAt === undefined || date < k.revokedAt);
}

/** The entry that registers `fingerprint` for `country` on `date`, if any. */
export function registrationOf(registry: KeyRegistry, fingerprint: string, country: string, date: string): KeyRegistryEntry | undefined {
  return registry.find((k) => k.fingerprint === fingerprint && k.country === country && entryInForce(k, date));
}

/** Whether `fingerprint` is registered for `country` on `date` (YYYY-MM-DD). */
export function isRegistered(registry: KeyRegistry, fingerprint: string, country: string, date: string): boolean {
  return registrationOf(registry, fingerprint, country, date) !== undefined;
}
