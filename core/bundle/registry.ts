import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { FINGERPRINT_PATTERN } from '../keys/fingerprint';
import { IsoDateSchema } from '../draft/answers';

/**
 * The secretariat's registry of focal-point keys: a JSON array, one entry per registered key. A key
 * counts for bundles of its country bagged on or after `validFrom` (when given). See
 * docs/formats/bundle.md.
 */
export const KeyRegistrySchema = z
  .array(
    z
      .object({
        country: z.string().regex(/^[A-Z]{3}$/),
        fingerprint: z
          .string()
          .transform((s) => s.replace(/\s+/g, '').toLowerCase())
          .pipe(z.string().regex(FINGERPRINT_PATTERN)),
        name: z.string().max(300).optional(),
        validFrom: IsoDateSchema.optional(),
      })
      .strict(),
  )
  .max(100_000);
export type KeyRegistry = z.infer<typeof KeyRegistrySchema>;

/** Read a registry file; a missing, unreadable or malformed file throws `bundle:errors.registryInvalid`. */
export async function loadRegistry(file: string): Promise<KeyRegistry> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new AppError('bundle:errors.registryInvalid', { problem: 'json' }, err);
  }
  const parsed = KeyRegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bundle:errors.registryInvalid', { problem: issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema' }, parsed.error);
  }
  return parsed.data;
}

/** Whether `fingerprint` is registered for `country` on `date` (YYYY-MM-DD). */
export function isRegistered(registry: KeyRegistry, fingerprint: string, country: string, date: string): boolean {
  return registry.some((k) => k.fingerprint === fingerprint && k.country === country && (k.validFrom === undefined || k.validFrom <= date));
}
