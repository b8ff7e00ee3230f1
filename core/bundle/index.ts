/** Public surface of the signed submission bundle: export, verification, key registry. */
export { canonicalJson, canonicalJsonBytes } from './canonical-json';
export { exportBundle, ExportRefusedError, type ExportOptions, type ExportResult, type PdfStamp, type RenderPdf } from './export';
export { verifyBundle, type SignerResult, type SignerStatus, type VerifyOptions, type VerifyResult, type VerifyStatus } from './verify';
export { VERIFY_REASONS, type VerifyReason, type VerifyReasonCode } from './reasons';
export { KEY_ROLES, KeyRegistryEntrySchema, KeyRegistrySchema, FingerprintInputSchema, loadRegistry, parseRegistryJson, isRegistered, registrationOf, entryInForce, type KeyRegistry, type KeyRegistryEntry, type KeyRole } from './registry';
export { SubmissionSchema, type Submission } from './submission';
export { bundleFileName, safeFileName, attachmentBagPath } from './names';
export { DEFAULT_LIMITS, type ZipLimits } from './zip-reader';
export type { OutputFactory } from './zip-output';
export type { ProgressCallback } from './progress';
