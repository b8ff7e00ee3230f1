/**
 * Why a bundle is invalid. Each code is an i18next key `bundle:verify.<code>` whose text says it in
 * plain words; `params` fill its placeholders (a path inside the bag, a fingerprint…).
 */
export const VERIFY_REASONS = [
  'notFound',
  'notZip',
  'damagedZip',
  'emptyZip',
  'tooManyEntries',
  'tooLarge',
  'totalTooLarge',
  'compressionRatio',
  'archiveRatio',
  'badName',
  'invisibleInName',
  'unsafePath',
  'reservedName',
  'symlink',
  'specialFile',
  'unsupportedEntry',
  'crcMismatch',
  'duplicateName',
  'outsideTopFolder',
  'missingFile',
  'unexpectedFile',
  'noSignature',
  'signatureIncomplete',
  'signatureFileInvalid',
  'publicKeyMismatch',
  'signatureInvalid',
  'tagManifestInvalid',
  'byteOrderMark',
  'tagHashMismatch',
  'bagitInvalid',
  'bagInfoInvalid',
  'manifestInvalid',
  'notInManifest',
  'hashMismatch',
  'oxumMismatch',
  'submissionInvalid',
  'disagreement',
  'attachmentMismatch',
] as const;
export type VerifyReasonCode = (typeof VERIFY_REASONS)[number];

export interface VerifyReason {
  /** `bundle:verify.<code>` */
  code: string;
  params: Record<string, string | number>;
}

/** Thrown inside verification to stop at the first problem; turned into an `invalid` result. */
export class BundleInvalid extends Error {
  readonly reason: VerifyReasonCode;
  readonly params: Record<string, string | number>;
  constructor(reason: VerifyReasonCode, params: Record<string, string | number>) {
    super(reason);
    this.name = 'BundleInvalid';
    this.reason = reason;
    this.params = params;
  }

  toReason(): VerifyReason {
    return { code: `bundle:verify.${this.reason}`, params: this.params };
  }
}
