/**
 * The one API contract between the renderer and the core.
 *
 * The Electron preload exposes these methods as `window.api` over IPC; the web test host exposes the
 * same methods over HTTP on loopback. Main and the host validate every payload against `input`.
 * This file must stay free of Node and Electron imports: the renderer imports its types.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { LenientLocalizedTextSchema } from '../checklist/localized';
import { LenientPackSchema } from '../checklist/schema';
import { ITEM_ID_PATTERN } from '../checklist/vocabulary';
import { AssessmentIdSchema, AssessmentMetaSchema, AttachmentRefSchema, DraftSchema } from '../draft/schema';
import { MAX_DRAFT_BYTES } from '../draft/limits';
import { BundleJobIdSchema, BundleJobStartedSchema, BundleJobStatusSchema, KeptSubmissionSchema, type BundleJobStarted } from './contract-bundle';

// The signed bundle's schemas, its file channel and the core's check handler type live beside this file.
export * from './contract-bundle';

export const LanguageSchema = z.enum(LANGUAGES);

export const SettingsSchema = z.object({
  schemaVersion: z.literal(1),
  language: LanguageSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AppInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  checklistPack: z.object({ id: z.string(), version: z.string() }).nullable(),
  dataDir: z.string(),
  runtime: z.enum(['desktop', 'web']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const AssessmentSummarySchema = z.object({
  id: z.string(),
  countryCode: z.string().regex(/^[A-Z]{3}$/),
  checklistId: z.string(),
  checklistVersion: z.string(),
  responseLanguage: LanguageSchema,
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const PackRefSchema = z.object({ id: z.string().min(1).max(64), version: z.string().min(1).max(64) }).strict();
export type PackRef = z.infer<typeof PackRefSchema>;
/**
 * Which languages of a pack's texts to send (English, the fallback, always comes too); the others
 * arrive as '' (like a missing translation). Without it, all six are sent. The form asks for the
 * interface language only: a sixth of the texts to send, parse and check.
 */
export const PackTextsSchema = z.object({ languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length) }).strict();
export type PackTexts = z.infer<typeof PackTextsSchema>;

/** A checklist pack the app carries, for the "new assessment" wizard and the About panel. */
export const PackInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: LenientLocalizedTextSchema,
  languages: z.array(LanguageSchema),
  itemCount: z.number().int().nonnegative(),
  isDefault: z.boolean(),
});
export type PackInfo = z.infer<typeof PackInfoSchema>;

export const LoadedPackSchema = z.object({
  pack: LenientPackSchema,
  /** Paths of texts missing in some language (shown in English with a "translation missing" marker). */
  translationGaps: z.array(z.string()),
});

/** Something to tell the user about an opened draft (recovered, migrated, attachment missing…): an i18n key and its params. */
export const NoticeSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const OpenedAssessmentSchema = z.object({
  draft: DraftSchema,
  notices: z.array(NoticeSchema),
  readOnly: z.boolean(),
});
export type OpenedAssessment = z.infer<typeof OpenedAssessmentSchema>;

/**
 * Answers to write: item id → new value; `null` clears the answer. `dispatch` refuses a payload
 * nested beyond MAX_PAYLOAD_DEPTH before this schema runs; the handler then checks each value
 * against the draft's bounds and its item's structure, and says which item and which limit.
 */
export const AnswerChangesSchema = z.record(z.string().regex(ITEM_ID_PATTERN), z.json());
export type AnswerChanges = z.infer<typeof AnswerChangesSchema>;

/** What a save acknowledged: the revision now on disk. */
export const SaveResultSchema = z.object({ revision: z.number().int().nonnegative(), updatedAt: z.string() });
export type SaveResult = z.infer<typeof SaveResultSchema>;

/** A saved version of a draft; `submission` is set on a revision frozen by a signed export (never pruned). */
export const HistoryEntrySchema = z.object({
  revision: z.number().int().nonnegative(),
  savedAt: z.string(),
  size: z.number().int().nonnegative(),
  submission: z.object({ submissionRevision: z.number().int().positive(), externalIdentifier: z.string(), exportedAt: z.string() }).optional(),
});
export type HistoryEntryInfo = z.infer<typeof HistoryEntrySchema>;

export const DraftProblemSchema = z.object({
  itemId: z.string(),
  problem: z.enum(['required', 'constraint', 'invalid', 'unknownItem']),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: LenientLocalizedTextSchema.optional(),
});
export type DraftProblemInfo = z.infer<typeof DraftProblemSchema>;

/** A portable draft (`*.scsa.json`) as text, for "save a copy as file" (a download) and "open file" (an upload). */
export const PortableCopySchema = z.object({ fileName: z.string().min(1).max(255), text: z.string().max(MAX_DRAFT_BYTES) }).strict();
export type PortableCopy = z.infer<typeof PortableCopySchema>;

export const AttachmentAddedSchema = z.object({ attachment: AttachmentRefSchema, revision: z.number().int().nonnegative() });
export type AttachmentAdded = z.infer<typeof AttachmentAddedSchema>;

/** A failure the user can act on: `code` is an i18next key under `errors.`, `params` its interpolation values. */
export const ApiErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Paper size of an exported PDF report. */
export const PdfOptionsSchema = z.object({ paper: z.enum(['a4', 'letter']) }).strict();
export type PdfOptions = z.infer<typeof PdfOptionsSchema>;
export const PdfJobIdSchema = z.uuid();
/** A PDF export under way or finished: progress 0..1; on success pages and warnings (sentences in the UI language). */
export const PdfJobStatusSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  progress: z.number().min(0).max(1),
  pages: z.number().int().positive().optional(),
  warnings: z.array(z.string()).optional(),
  error: ApiErrorSchema.optional(),
});
export type PdfJobStatus = z.infer<typeof PdfJobStatusSchema>;
/** The finished PDF, once: `<ISO3>_<checklist-id>_r<revision>_<YYYY-MM-DD>.pdf` and its bytes in base64. */
export const PdfResultSchema = z.object({ fileName: z.string().min(1).max(255), base64: z.string() });
export type PdfResult = z.infer<typeof PdfResultSchema>;

/** The app's one signing key, as shown on the "Signing key" screen (the private half never crosses). */
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

interface MethodSpec {
  channel: `${string}:${string}`;
  input: z.ZodTuple;
  output: z.ZodType;
}

export const apiContract = {
  getAppInfo: { channel: 'app:info', input: z.tuple([]), output: AppInfoSchema },
  getSettings: { channel: 'settings:get', input: z.tuple([]), output: SettingsSchema },
  setLanguage: { channel: 'settings:set-language', input: z.tuple([LanguageSchema]), output: SettingsSchema },
  listAssessments: { channel: 'assessments:list', input: z.tuple([]), output: z.array(AssessmentSummarySchema) },
  listPacks: { channel: 'packs:list', input: z.tuple([]), output: z.array(PackInfoSchema) },
  getPack: { channel: 'packs:get', input: z.tuple([PackRefSchema, PackTextsSchema.optional()]), output: LoadedPackSchema },
  createAssessment: {
    channel: 'assessments:create',
    input: z.tuple([AssessmentMetaSchema, PackRefSchema.optional()]),
    output: OpenedAssessmentSchema,
  },
  openAssessment: { channel: 'assessments:open', input: z.tuple([AssessmentIdSchema]), output: OpenedAssessmentSchema },
  closeAssessment: { channel: 'assessments:close', input: z.tuple([AssessmentIdSchema]), output: z.null() },
  saveAnswers: { channel: 'assessments:save-answers', input: z.tuple([AssessmentIdSchema, AnswerChangesSchema]), output: SaveResultSchema },
  updateAssessment: { channel: 'assessments:update-meta', input: z.tuple([AssessmentIdSchema, AssessmentMetaSchema]), output: SaveResultSchema },
  listHistory: { channel: 'assessments:history', input: z.tuple([AssessmentIdSchema]), output: z.array(HistoryEntrySchema) },
  restoreVersion: {
    channel: 'assessments:restore',
    input: z.tuple([AssessmentIdSchema, z.number().int().nonnegative()]),
    output: OpenedAssessmentSchema,
  },
  validateAssessment: { channel: 'assessments:validate', input: z.tuple([AssessmentIdSchema]), output: z.array(DraftProblemSchema) },
  exportCopy: { channel: 'assessments:export-copy', input: z.tuple([AssessmentIdSchema]), output: PortableCopySchema },
  importCopy: { channel: 'assessments:import-copy', input: z.tuple([PortableCopySchema]), output: OpenedAssessmentSchema },
  /** The fully answered training example (fictional country "Example", XXX), in English or Arabic. */
  openExample: { channel: 'assessments:open-example', input: z.tuple([z.enum(['en', 'ar'])]), output: OpenedAssessmentSchema },
  /** Start rendering the assessment's PDF report (marked as a draft) in the background; poll getPdfJob. */
  exportPdf: { channel: 'pdf:export', input: z.tuple([AssessmentIdSchema, PdfOptionsSchema]), output: z.object({ jobId: PdfJobIdSchema }) },
  getPdfJob: { channel: 'pdf:status', input: z.tuple([PdfJobIdSchema]), output: PdfJobStatusSchema },
  /** The finished PDF; the job is forgotten once taken (a second take fails with `report:errors.resultTaken`). */
  takePdfResult: { channel: 'pdf:result', input: z.tuple([PdfJobIdSchema]), output: PdfResultSchema },
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
  /**
   * Start signing the assessment into a submission bundle, written into the data folder; poll
   * getBundleJob. Refused at once with `bundle:errors.incomplete` (params name the items) while
   * required items are missing, and on a wrong passphrase; each export takes the next submission revision.
   */
  exportSubmission: { channel: 'bundle:export', input: z.tuple([AssessmentIdSchema, PassphraseSchema]), output: BundleJobStartedSchema },
  /** Progress and outcome of an export or a bundle check (FileApi.checkBundleFile). */
  getBundleJob: { channel: 'bundle:status', input: z.tuple([BundleJobIdSchema]), output: BundleJobStatusSchema },
  /** The bundles exported for an assessment, oldest first, as its submission log records them. */
  listSubmissions: { channel: 'bundle:list', input: z.tuple([AssessmentIdSchema]), output: z.array(KeptSubmissionSchema) },
} as const satisfies Record<string, MethodSpec>;

export type ApiMethod = keyof typeof apiContract;
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export type ApiArgs<M extends ApiMethod> = z.infer<(typeof apiContract)[M]['input']>;
export type ApiValue<M extends ApiMethod> = z.infer<(typeof apiContract)[M]['output']>;

/** What the renderer sees as `window.api`: one named verb per contract entry. */
export type Api = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>> };

/** What the core implements; transports wrap it with validation and error envelopes. */
export type ApiHandlers = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiValue<M>> };

/**
 * Attachments cross the boundary as files, not JSON: the desktop preload turns the user's chosen `File`
 * into its path (`webUtils.getPathForFile`) and calls the main-only channel below, which streams the file
 * from disk; the web host takes a streamed upload. The renderer never names a path itself.
 */
export const attachmentChannel = {
  channel: 'attachments:add',
  input: z.tuple([
    AssessmentIdSchema,
    z.object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(255), mediaType: z.string().max(200) }).strict(),
  ]),
  output: AttachmentAddedSchema,
} as const;

/** The renderer's file verbs, implemented by the preload (desktop) and by the web client (browser). */
export interface FileApi {
  addAttachment(assessmentId: string, file: File): Promise<ApiResult<AttachmentAdded>>;
  /** Check a bundle the user chose (and an optional key registry, its JSON text) as a job; poll getBundleJob. */
  checkBundleFile(file: File, registryText?: string): Promise<ApiResult<BundleJobStarted>>;
  /** The address that downloads a kept bundle (an `<a download>` target); the renderer never names a path. */
  submissionDownloadUrl(assessmentId: string, fileName: string): Promise<ApiResult<{ url: string }>>;
}

/** Everything `window.api` offers the renderer. */
export type RendererApi = Api & FileApi;

/** The core's streaming side of `addAttachment`: both transports hand it a readable source. */
export interface AttachmentSource {
  stream: AsyncIterable<Uint8Array>;
  name: string;
  mediaType: string;
}
export type AttachmentHandler = (assessmentId: string, source: AttachmentSource) => Promise<AttachmentAdded>;
