/**
 * The answer schema of each item, built once per item: admitting ten replies checks thousands of
 * suggested answers, and building a zod schema costs far more than using one.
 */
import type { z } from 'zod';
import type { ChecklistItem } from '../checklist/schema';
import { answerSchemaFor } from '../draft/answers';

const cache = new WeakMap<ChecklistItem, z.ZodType>();

export function cachedAnswerSchema(item: ChecklistItem): z.ZodType {
  let schema = cache.get(item);
  if (!schema) cache.set(item, (schema = answerSchemaFor(item)));
  return schema;
}
