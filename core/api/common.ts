/**
 * What every slice of the API contract shares: the error envelope, the notice shape and the form of
 * a method and of a file transfer. Free of Node and Electron imports (the renderer reads it), and of
 * any feature: slices import this, never each other or the merged contract.
 */
import { z } from 'zod';
export { LanguageSchema } from '../i18n/language-schema';

/** A failure the user can act on: `code` is an i18next key (`errors.x` in common, or `ns:errors.x`), `params` its interpolation values. */
export const ApiErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Something to tell the user about an opened draft (recovered, migrated, attachment missing…): an i18n key and its params. */
export const NoticeSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** One contract method: its IPC channel (`domain:verb`), its arguments as a tuple, its answer. */
export interface MethodSpec {
  channel: `${string}:${string}`;
  input: z.ZodTuple;
  output: z.ZodType;
}

/** The core's implementation of a slice: one async function per method, arguments already checked. */
export type HandlersOf<S extends Record<string, MethodSpec>> = {
  [M in keyof S]: (...args: z.infer<S[M]['input']>) => Promise<z.infer<S[M]['output']>>;
};

/**
 * One file the user hands to the core (an upload). Described once; each transport checks it once:
 * the desktop opens the chosen file in main (regular file, no symlink), the web host streams the
 * request body (spooled to a temp file when `needsFile`). `params` are the call's other arguments.
 */
export interface UploadSpec {
  /** The desktop's main-only IPC channel. */
  channel: `${string}:${string}`;
  /** The web host's route: `POST /api/upload/<name>`. */
  params: z.ZodTuple;
  output: z.ZodType;
  /** Largest file accepted by the transport before the core sees a byte. */
  maxBytes: number;
  /** Largest JSON of `params` (the web host reads it ahead of the file in the same body). */
  maxParamsBytes: number;
  /** The core reads the file in ranges (a bundle), not as one stream: the web host keeps a temp copy. */
  needsFile: boolean;
  /** The i18n keys of the transport's own refusals (params: `name`, and `limit` in bytes for too large). */
  errors: { notAFile: string; tooLarge: string };
}

/** A file as a transport hands it to the core: a stream of its bytes, or its place on disk. */
export interface IncomingFile {
  /** The file's own name as the user's system gave it (cleaned by whoever shows it). */
  name: string;
  mediaType: string;
  /** Its bytes, read once. */
  stream(): AsyncIterable<Uint8Array>;
  /** A path the core may read in ranges while the call (and any job it starts) lasts. */
  path(): Promise<string>;
  /** The transport's clean-up (close the file, remove a temp copy); the core calls it once it is done with the file. */
  release(): void;
}

/** A download handed out by a contract method: the transport serves `<prefix>/<token>/<fileName>` once. */
export const DownloadTicketSchema = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(255),
});
export type DownloadTicket = z.infer<typeof DownloadTicketSchema>;
