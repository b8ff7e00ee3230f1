/**
 * Reading the two review files from bytes, pure (the renderer may read a reply the user dropped):
 * size, UTF-8, JSON, nesting depth, format and version are checked before the schema, and every
 * refusal is an AppError with a `review:errors.…` key.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { describeIssues } from '../checklist/issues';
import {
  REVIEW_LIMITS,
  REVIEW_REPLY_FORMAT,
  REVIEW_REPLY_SCHEMA_VERSION,
  REVIEW_REQUEST_FORMAT,
  REVIEW_REQUEST_SCHEMA_VERSION,
  ReviewReplySchema,
  ReviewRequestSchema,
  type ReviewReply,
  type ReviewRequest,
} from './schema';
import { REVIEW_LEDGER_FORMAT, REVIEW_LEDGER_SCHEMA_VERSION, ReviewLedgerSchema, type ReviewLedger } from './ledger';

/** Largest ledger read from a file the user names (1000 reviews of 100 reply versions fit well within it). */
export const LEDGER_MAX_BYTES = 32 * 1024 * 1024;

/** Whether arrays and objects nest deeper than `limit` (checked without deep recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Kind<T> {
  format: string;
  version: number;
  maxBytes: number;
  schema: z.ZodType<T>;
  /** Error keys (`review:errors.…`) for this file. */
  keys: { tooLarge: string; notJson: string; wrongFormat: string; invalid: string };
}

function parseReviewFile<T>(bytes: Uint8Array, kind: Kind<T>): T {
  if (bytes.byteLength > kind.maxBytes) throw new AppError(kind.keys.tooLarge, { size: bytes.byteLength, max: kind.maxBytes });
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(bytes));
  } catch (err) {
    throw new AppError(kind.keys.notJson, undefined, err);
  }
  if (nestedDeeperThan(raw, REVIEW_LIMITS.depth)) throw new AppError('review:errors.tooDeep', { max: REVIEW_LIMITS.depth });
  const head = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (head.format !== kind.format) throw new AppError(kind.keys.wrongFormat);
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > kind.version) {
    throw new AppError('review:errors.futureVersion', { found: head.schemaVersion, supported: kind.version });
  }
  const parsed = kind.schema.safeParse(raw);
  if (!parsed.success) throw new AppError(kind.keys.invalid, describeIssues(parsed.error));
  return parsed.data;
}

/** A reply file's bytes, checked: at most 5 MB, UTF-8 JSON, the reply format and schema. */
export function parseReply(bytes: Uint8Array): ReviewReply {
  return parseReviewFile(bytes, {
    format: REVIEW_REPLY_FORMAT,
    version: REVIEW_REPLY_SCHEMA_VERSION,
    maxBytes: REVIEW_LIMITS.replyBytes,
    schema: ReviewReplySchema,
    keys: { tooLarge: 'review:errors.replyTooLarge', notJson: 'review:errors.replyNotJson', wrongFormat: 'review:errors.notAReply', invalid: 'review:errors.replyInvalid' },
  });
}

/** The bytes of `review-request.json` from a review copy, checked like a reply. */
export function parseRequest(bytes: Uint8Array): ReviewRequest {
  return parseReviewFile(bytes, {
    format: REVIEW_REQUEST_FORMAT,
    version: REVIEW_REQUEST_SCHEMA_VERSION,
    maxBytes: REVIEW_LIMITS.requestBytes,
    schema: ReviewRequestSchema,
    keys: { tooLarge: 'review:errors.copyTooLarge', notJson: 'review:errors.copyDamaged', wrongFormat: 'review:errors.notACopy', invalid: 'review:errors.copyInvalid' },
  });
}

/**
 * A ledger (`reviews.json`) the user names, e.g. to `scsa export --reviews`: checked like a reply,
 * and refused when damaged rather than set aside as the app does with its own (ledger-file.ts).
 */
export function parseLedger(bytes: Uint8Array): ReviewLedger {
  return parseReviewFile(bytes, {
    format: REVIEW_LEDGER_FORMAT,
    version: REVIEW_LEDGER_SCHEMA_VERSION,
    maxBytes: LEDGER_MAX_BYTES,
    schema: ReviewLedgerSchema,
    keys: { tooLarge: 'review:errors.ledgerTooLarge', notJson: 'review:errors.notALedger', wrongFormat: 'review:errors.notALedger', invalid: 'review:errors.ledgerInvalid' },
  });
}

/** The text a reply file holds: two-space JSON and a final newline, readable in any editor. */
export function replyText(reply: ReviewReply): string {
  return `${JSON.stringify(ReviewReplySchema.parse(reply), null, 2)}\n`;
}
