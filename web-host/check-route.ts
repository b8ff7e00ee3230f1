import { createWriteStream, promises as fs } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MAX_REGISTRY_CHARS, type BundleCheckFileHandler } from '../core/api/contract';
import { DEFAULT_LIMITS } from '../core/bundle';
import { AppError } from '../core/errors';
import { createLogger } from '../core/log';
import type { ApiReply } from './api-route';

const log = createLogger('web-check');

/** `POST /api/check-bundle`: the key registry's bytes (if any), then the bundle's, as one streamed body. */
export const CHECK_PATH = '/api/check-bundle';
/** How many leading bytes of the body are the registry's JSON (0 without one). */
export const REGISTRY_LENGTH_HEADER = 'x-registry-length';
/** Largest upload kept for a check: no bundle the verifier accepts is larger (its own limits apply inside). */
export const MAX_CHECK_UPLOAD_BYTES = DEFAULT_LIMITS.maxTotalBytes + 64 * 1024 * 1024;
const MAX_REGISTRY_BYTES = 3 * MAX_REGISTRY_CHARS;

class TooLarge extends Error {}

const fail = (status: number, code: string, headers?: Record<string, string>): ApiReply => ({ status, body: { ok: false, error: { code } }, ...(headers ? { headers } : {}) });

/** Read and discard what the client still sends, so that it reads our answer rather than a reset connection. */
async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  await new Promise<void>((resolve) => {
    req.once('end', resolve).once('close', resolve).once('error', () => resolve());
    req.resume();
  });
}

/**
 * Answer one check upload whose Host, Origin and token have already been checked: the registry is
 * read into memory (it is small), the bundle streamed into a temp file of its own, checked there as a
 * bundle job, and deleted once the job is over (or at once when the upload fails).
 */
export async function handleCheckUpload(checkBundleFile: BundleCheckFileHandler, req: IncomingMessage): Promise<ApiReply> {
  if (req.method !== 'POST') {
    await drain(req);
    return fail(405, 'errors.badRequest', { Allow: 'POST' });
  }
  const rawLength = req.headers[REGISTRY_LENGTH_HEADER] ?? '0';
  const registryLength = typeof rawLength === 'string' && /^[0-9]{1,9}$/.test(rawLength) ? Number(rawLength) : NaN;
  if (!Number.isInteger(registryLength) || registryLength > MAX_REGISTRY_BYTES) {
    await drain(req);
    return fail(400, 'errors.badRequest');
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-check-'));
  const remove = () => {
    fs.rm(dir, { recursive: true, force: true }).catch((err: unknown) => log.error('temp folder not removed', err));
  };
  const file = path.join(dir, 'bundle.zip');
  const registryChunks: Buffer[] = [];
  let registryBytes = 0;
  let bundleBytes = 0;
  async function* bundlePart(): AsyncGenerator<Buffer> {
    for await (const raw of req) {
      let chunk = raw as Buffer;
      if (registryBytes < registryLength) {
        const take = Math.min(registryLength - registryBytes, chunk.length);
        registryChunks.push(chunk.subarray(0, take));
        registryBytes += take;
        chunk = chunk.subarray(take);
      }
      if (chunk.length === 0) continue;
      bundleBytes += chunk.length;
      if (bundleBytes > MAX_CHECK_UPLOAD_BYTES) throw new TooLarge();
      yield chunk;
    }
  }
  try {
    await pipeline(bundlePart(), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    remove();
    if (err instanceof TooLarge) {
      await drain(req);
      return fail(413, 'errors.badRequest', { Connection: 'close' });
    }
    log.warn('check upload failed', err);
    return fail(400, 'errors.badRequest');
  }
  if (registryBytes !== registryLength) {
    remove();
    return fail(400, 'errors.badRequest');
  }
  const registryText = registryLength > 0 ? Buffer.concat(registryChunks).toString('utf8') : undefined;
  try {
    // The handler removes the temp folder itself once the job is over, or when it refuses to start one.
    return { status: 200, body: { ok: true, value: await checkBundleFile(file, registryText, remove) } };
  } catch (err) {
    if (err instanceof AppError) return { status: 200, body: { ok: false, error: err.toApiError() } };
    log.error('check-bundle failed', err);
    return fail(500, 'errors.unexpected');
  }
}
