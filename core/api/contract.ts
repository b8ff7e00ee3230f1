/**
 * The one API contract between the renderer and the core: the merge of every feature's slice
 * (core/features/<feature>/contract.ts). A reader finds any call by its channel in the slices, and
 * nothing else is declared here.
 *
 * The Electron preload exposes these methods as `window.api` over IPC; the web test host exposes the
 * same methods over HTTP on loopback. Main and the host validate every payload against `input`.
 * This file must stay free of Node and Electron imports: the renderer imports its types.
 */
import { z } from 'zod';
import type { ApiResult, DownloadTicket } from './common';
import { appContract } from '../features/app/contract';
import { settingsContract } from '../features/settings/contract';
import { packsContract } from '../features/packs/contract';
import { assessmentsContract, assessmentsUploads } from '../features/assessments/contract';
import { pdfContract, PdfJobResultSchema } from '../features/pdf/contract';
import { keysContract } from '../features/keys/contract';
import { CheckJobResultSchema, ExportJobResultSchema, submissionsContract, submissionsUploads } from '../features/submissions/contract';
import { jobsContract } from '../features/jobs/contract';
import { packsUploads } from '../features/packs/contract';
import { revisionsContract } from '../features/revisions/contract';
import { reviewMergeContract, reviewMergeUploads } from '../features/review-merge/contract';
import { reviewContract, reviewUploads } from '../features/review/contract';
import { CountersignJobResultSchema, WorkspaceImportJobResultSchema, workspaceContract, workspaceUploads } from '../features/workspace/contract';
import { analysisContract, AnalysisExportJobResultSchema, AnalysisJobResultSchema } from '../features/analysis/contract';

export * from './common';
export * from '../features/app/contract';
export * from '../features/settings/contract';
export * from '../features/packs/contract';
export * from '../features/assessments/contract';
export * from '../features/pdf/contract';
export * from '../features/keys/contract';
export * from '../features/submissions/contract';
export * from '../features/jobs/contract';
export * from '../features/revisions/contract';
export * from '../features/review-merge/contract';
export * from '../features/review/contract';
export * from '../features/workspace/contract';
export * from '../features/analysis/contract';

/** What `takeJobResult` answers: each feature's result shape, told apart by `kind`. */
export const JobResultSchema = z.discriminatedUnion('kind', [PdfJobResultSchema, ExportJobResultSchema, CheckJobResultSchema, WorkspaceImportJobResultSchema, CountersignJobResultSchema, AnalysisJobResultSchema, AnalysisExportJobResultSchema]);
export type JobResult = z.infer<typeof JobResultSchema>;

export const apiContract = {
  ...appContract,
  ...settingsContract,
  ...packsContract,
  ...assessmentsContract,
  ...pdfContract,
  ...keysContract,
  ...submissionsContract,
  ...jobsContract(JobResultSchema),
  ...revisionsContract,
  ...reviewMergeContract,
  ...reviewContract,
  ...workspaceContract,
  ...analysisContract,
};

/** Every file the user hands to the core, described once (see UploadSpec). */
export const uploadContract = {
  ...assessmentsUploads,
  ...submissionsUploads,
  ...packsUploads,
  ...reviewMergeUploads,
  ...reviewUploads,
  ...workspaceUploads,
};

export type ApiMethod = keyof typeof apiContract;
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export type ApiArgs<M extends ApiMethod> = z.infer<(typeof apiContract)[M]['input']>;
export type ApiValue<M extends ApiMethod> = z.infer<(typeof apiContract)[M]['output']>;

/** What the renderer sees as `window.api`: one named verb per contract entry. */
export type Api = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>> };

/** What the core implements; transports wrap it with validation and error envelopes. */
export type ApiHandlers = { [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiValue<M>> };

export type UploadName = keyof typeof uploadContract;
export const UPLOAD_NAMES = Object.keys(uploadContract) as UploadName[];
export type UploadParams<U extends UploadName> = z.infer<(typeof uploadContract)[U]['params']>;
export type UploadValue<U extends UploadName> = z.infer<(typeof uploadContract)[U]['output']>;

/** The renderer's upload verbs: the File the user chose first, then the call's other arguments. */
export type UploadApi = { [U in UploadName]: (file: File, ...params: UploadParams<U>) => Promise<ApiResult<UploadValue<U>>> };

/** The core's side of each upload: the transport's file, then the checked arguments. */
export type UploadHandlers = { [U in UploadName]: (file: import('./common').IncomingFile, ...params: UploadParams<U>) => Promise<UploadValue<U>> };

/** Verbs that need no call: where the transport serves a download ticket. */
export interface FileApi {
  /** The address an `<a download>` fetches for a ticket a contract method gave out. */
  downloadUrl(ticket: DownloadTicket): string;
  /** Desktop only: the native folder dialog (a workspace folder); null when cancelled. The web host types a path instead. */
  chooseFolder?(): Promise<string | null>;
  /** Desktop only: the native dialog for bundles or folders to import; [] when cancelled. */
  chooseImportPaths?(kind: 'files' | 'folder'): Promise<string[]>;
  /** Desktop only: where a dropped or chosen file lies on disk (Electron's webUtils), so it is read in place. */
  pathForFile?(file: File): string;
}

/** Everything `window.api` offers the renderer. */
export type RendererApi = Api & UploadApi & FileApi;
