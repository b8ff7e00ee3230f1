// Drives the real core service through `dispatch()`, as the transports do, in a temp data folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService, type CoreOptions, type CoreService } from '../../../core/api/service';
import type { ApiMethod, ApiResult, IncomingFile } from '../../../core/api/contract';
import { FileSettingsStore } from '../../../core/settings/file-store';

export interface TestCore {
  service: CoreService;
  /** Call a contract method with untrusted arguments and get its envelope. */
  call(method: ApiMethod, ...args: unknown[]): Promise<ApiResult<unknown>>;
  /** Call and insist on success; the value typed loosely for assertions. */
  ok<T = Record<string, unknown>>(method: ApiMethod, ...args: unknown[]): Promise<T>;
}

export function makeCore(dataDir: string, extra: Partial<Pick<CoreOptions, 'maxAttachmentBytes' | 'snapshotIntervalMs' | 'keyScrypt'>> = {}): TestCore {
  const service = createCoreService({ dataDir, runtime: 'web', settings: new FileSettingsStore(dataDir), snapshotIntervalMs: 0, ...extra });
  const call = (method: ApiMethod, ...args: unknown[]) => dispatch(service.handlers, method, args);
  return {
    service,
    call,
    async ok<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
      const r = await call(method, ...args);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value as T;
    },
  };
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `scsa-${prefix}-`));
}

export const META = {
  countryCode: 'FRA',
  responseLanguage: 'ar',
  focalPoints: [{ name: 'Amina Haddad', title: 'Director', institution: 'Ministry of Urban Affairs', email: 'amina@example.org', phone: '+33 1 23 45 67 89' }],
  contributingInstitutions: ['Ville de Lyon'],
  periodCovered: { from: '2024-01-01', to: '2025-12-31' },
};

export const SAMPLE = { id: 'safer-cities-sample', version: '0.1.0' };

/** One answer of every item type of the sample pack, all valid and all relevant. */
export const EVERY_TYPE = {
  'A.1': 'الوزارة الاتحادية للتنمية الحضرية',
  'A.2': '2024-05-17',
  'A.3': ['local_governments', 'women_youth'],
  'A.4': false,
  'B.1': 'partially',
  'B.2': 'interministerial',
  'B.4': 0,
  'B.5': { status: 'fully', measures: 'Loi n° 2021-12', assistanceNeeded: true, assistanceTypes: ['capacity_building'], assistanceReceivedFrom: 'UN-Habitat' },
  'C.1': { status: 'partially', challenges: 'Financement' },
  'C.2': [
    { city: 'Lyon', adopted: '2023-02-01', population: 522000, audit: true, stage: 'adopted' },
    { city: 'Marseille', stage: 'draft' },
  ],
  'C.4': 'Texte long\nsur deux lignes',
} as const;

type Call = (method: ApiMethod, ...args: unknown[]) => Promise<ApiResult<unknown>>;

/**
 * A job as the renderer's useJob sees it at one poll: its status (a queued job counts as running),
 * and once it is done the result taken with `takeJobResult`, merged in (`submission`, `check`, `base64`…).
 * An unknown job answers with the envelope's error.
 */
export async function pollJob<T = Record<string, unknown>>(call: Call, jobId: unknown): Promise<ApiResult<T>> {
  const status = await call('getJob', jobId);
  if (!status.ok) return status;
  const value = status.value as { state: string };
  if (value.state === 'queued') return { ok: true, value: { ...value, state: 'running' } as T };
  if (value.state !== 'done') return { ok: true, value: value as T };
  const taken = await call('takeJobResult', jobId);
  if (!taken.ok) return taken;
  return { ok: true, value: { ...value, ...(taken.value as object) } as T };
}

/** An upload's file from bytes in memory (what the web host hands the core for a stream upload). */
export function memoryFile(stream: AsyncIterable<Uint8Array>, name: string, mediaType: string, onRelease?: () => void): IncomingFile {
  return { name, mediaType, stream: () => stream, path: () => Promise.reject(new Error('no path')), release: () => onRelease?.() };
}

/** An upload's file already on disk (what Electron main hands the core), read in place. */
export function diskFile(file: string, onRelease?: () => void): IncomingFile {
  return {
    name: path.basename(file),
    mediaType: 'application/octet-stream',
    async *stream() {
      yield await fs.readFile(file);
    },
    path: async () => file,
    release: () => onRelease?.(),
  };
}
