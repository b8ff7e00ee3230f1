/** Mirrors the core's rule (core/api/signing-keys.ts APP_MIN_PASSPHRASE) so forms can say it before a round trip. */
export const MIN_PASSPHRASE = 10;
