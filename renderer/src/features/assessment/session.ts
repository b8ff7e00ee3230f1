import { createContext, useContext } from 'react';
import type { ApiError, Notice, OpenedAssessment } from '../../../../core/api/contract';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import type { AssessmentMeta, AttachmentRef, Draft } from '../../../../core/draft/schema';
import type { Autosaver } from './autosave';

/** An open assessment as its screens share it: the draft, its pack, the saver and the latest answers. */
export interface Session {
  id: string;
  draft: Draft;
  pack: ChecklistPack;
  translationGaps: string[];
  readOnly: boolean;
  notices: Notice[];
  dismissNotice(index: number): void;
  autosaver: Autosaver;
  /** The answers as typed so far (saved or not). */
  answers(): Readonly<Record<string, unknown>>;
  /** One item's new answer (null = cleared): kept here and handed to the saver. */
  setAnswer(itemId: string, value: unknown): void;
  attachments: AttachmentRef[];
  addAttachment(file: File): Promise<{ ok: true; ref: AttachmentRef } | { ok: false; error: ApiError }>;
  /** Bumped when the answers are replaced wholesale (a restore, a move), so the form starts afresh. */
  generation: number;
  /** The draft replaced wholesale; when it is on another checklist version, that pack is loaded first. */
  replaceWith(opened: OpenedAssessment): Promise<void>;
  /** The details as just saved (Details screen), so every screen of the session shows them. */
  setMeta(meta: AssessmentMeta): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an assessment');
  return session;
}
