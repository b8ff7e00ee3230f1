/**
 * The one API contract between the renderer and the core.
 *
 * The Electron preload exposes these methods as `window.api` over IPC; the web test host exposes the
 * same methods over HTTP on loopback. Main and the host validate every payload against `input`.
 * This file must stay free of Node and Electron imports: the renderer imports its types.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';

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

/** A failure the user can act on: `code` is an i18next key under `errors.`, `params` its interpolation values. */
export const ApiErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

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
} as const satisfies Record<string, MethodSpec>;

export type ApiMethod = keyof typeof apiContract;
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export type ApiArgs<M extends ApiMethod> = z.infer<(typeof apiContract)[M]['input']>;
export type ApiValue<M extends ApiMethod> = z.infer<(typeof apiContract)[M]['output']>;

/** What the renderer sees as `window.api`: one named verb per contract entry. */
export type Api = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>> };

/** What the core implements; transports wrap it with validation and error envelopes. */
export type ApiHandlers = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiValue<M>> };
