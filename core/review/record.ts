/** What the assessment keeps, and the bundle carries, about a consultation: who, when, what verdict. */
import type { Consultation } from '../bundle/submission';
import type { ReviewReply } from './schema';

/** The `consultations` entry for a reply; `sentAt`: when the review copy was made, if known. */
export function consultationOf(reply: Pick<ReviewReply, 'reviewId' | 'reviewer' | 'returnedAt' | 'verdict'>, sentAt?: string): Consultation {
  return {
    institution: reply.reviewer.institution,
    name: reply.reviewer.name,
    reviewId: reply.reviewId,
    ...(sentAt !== undefined ? { sentAt } : {}),
    returnedAt: reply.returnedAt,
    verdict: reply.verdict,
  };
}
