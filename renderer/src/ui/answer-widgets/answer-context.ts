import { createContext, useContext } from 'react';
import type { ApiError } from '../../../../core/api/contract';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import type { AttachmentRef } from '../../../../core/draft/schema';

/**
 * What the answer widgets need besides their field: the pack (its labels), the draft's attached
 * files, and a way to attach one. The assessment form and the reviewer's "suggest a change" both
 * provide it; a reviewer cannot attach (`addAttachment` absent), only pick among the draft's files.
 */
export interface AnswerContextValue {
  pack: ChecklistPack;
  attachments: readonly AttachmentRef[];
  addAttachment?: (file: File) => Promise<{ ok: true; ref: AttachmentRef } | { ok: false; error: ApiError }>;
}

export const AnswerContext = createContext<AnswerContextValue | null>(null);

export function useAnswerContext(): AnswerContextValue {
  const value = useContext(AnswerContext);
  if (!value) throw new Error('answer widget outside an AnswerContext');
  return value;
}
