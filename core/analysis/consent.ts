/**
 * Consent to publish (DESIGN.md, Secretariat workspace; checklist item A.6 "May the secretariat
 * publish this response?"). The internal analysis uses every answer; a publishable export keeps
 * only what each country agreed to: everything (`full`), the executive summary (`summary_only`,
 * item A.7), or nothing but the fact of its participation (`not_public`).
 */
import type { Submission } from '../bundle/submission';

export const CONSENT_ITEM = 'A.6';
export const SUMMARY_ITEM = 'A.7';
export const CONSENT_LEVELS = ['full', 'summary_only', 'not_public'] as const;
export type Consent = (typeof CONSENT_LEVELS)[number];

/** What an export may use of one country's submission. */
export type Use = 'everything' | 'summaryOnly' | 'participationOnly';

/** The country's answer to A.6, or null when it gave none (or one this code does not know). */
export function consentOf(submission: Submission): Consent | null {
  const value = submission.answers[CONSENT_ITEM];
  return typeof value === 'string' && (CONSENT_LEVELS as readonly string[]).includes(value) ? (value as Consent) : null;
}

/**
 * How much of a submission an export uses. With no answer to A.6 nothing was consented to, so a
 * publishable export treats it as `not_public`: publishing by mistake cannot be undone.
 */
export function useOf(submission: Submission, publishable: boolean): Use {
  if (!publishable) return 'everything';
  const consent = consentOf(submission);
  if (consent === 'full') return 'everything';
  if (consent === 'summary_only') return 'summaryOnly';
  return 'participationOnly';
}
