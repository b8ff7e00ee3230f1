/** The focal point's signing key: create, import, replace, back up, show (the private half never crosses). */
import { z } from 'zod';
import type { MethodSpec } from '../../api/common';

/** The app's one signing key, as shown on the "Signing key" screen. */
export const SigningKeyInfoSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** The fingerprint in 8 groups of 8 hex digits on two lines, for an official letter. */
  printable: z.string(),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  /** The key file is also sealed by the operating system's keychain (Electron safeStorage). */
  protectedByKeychain: z.boolean(),
  /** This app, on this computer, can use the operating system's keychain. */
  keychainAvailable: z.boolean(),
  /** The key this one replaced, with the replacement statement the old key signed (`key-replacement.json`). */
  replaced: z
    .object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/), printable: z.string(), date: z.string(), statement: z.string() })
    .optional(),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfoSchema>;
/** Largest key file the app imports (a real one is under 2 KB). */
export const MAX_KEY_IMPORT_CHARS = 64 * 1024;
/** A key file to save as a download: a backup (`scsa-key-<first 8 of the fingerprint>.json`). */
export const KeyBackupSchema = z.object({ fileName: z.string().min(1).max(255), text: z.string().max(MAX_KEY_IMPORT_CHARS) });
export type KeyBackup = z.infer<typeof KeyBackupSchema>;
/** A passphrase as typed; its rules (length) are the core's, with a translated refusal. */
export const PassphraseSchema = z.string().min(1).max(1024);

export const keysContract = {
  /** The signing key kept in the data folder (`keys/`), or null before one is created. */
  getSigningKey: { channel: 'keys:get', input: z.tuple([]), output: SigningKeyInfoSchema.nullable() },
  /** Create the signing key, sealed under the passphrase; refused when one exists. */
  createSigningKey: { channel: 'keys:create', input: z.tuple([PassphraseSchema]), output: SigningKeyInfoSchema },
  /**
   * Import a key (an unencrypted PKCS#8 PEM Ed25519 key from another tool, or a key file of this app
   * that opens with the passphrase) as the signing key; refused when one exists.
   */
  importSigningKey: {
    channel: 'keys:import',
    input: z.tuple([z.string().min(1).max(MAX_KEY_IMPORT_CHARS), PassphraseSchema]),
    output: SigningKeyInfoSchema,
  },
  /** Replace the key (old passphrase, new passphrase): the old key signs a statement naming the new one and is retired. */
  replaceSigningKey: { channel: 'keys:replace', input: z.tuple([PassphraseSchema, PassphraseSchema]), output: SigningKeyInfoSchema },
  /** A copy of the key file sealed by the passphrase alone, usable on another computer and by `scsa`. */
  backupSigningKey: { channel: 'keys:backup', input: z.tuple([PassphraseSchema]), output: KeyBackupSchema },
} as const satisfies Record<string, MethodSpec>;
