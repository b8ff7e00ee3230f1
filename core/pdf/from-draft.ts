/**
 * The adapter between a draft and the PDF report: every section and item of the draft's checklist
 * pack, in the draft's response language, with each answer as the report prints it.
 */
import type { Consultation } from '../bundle/submission';
import { isAnswered } from '../checklist/answer-presence';
import { localize } from '../checklist/localized';
import type { ChecklistItem, ChecklistPack } from '../checklist/schema';
import { problemMessage } from '../draft/problem-message';
import { relevantItems, validateDraft, type DraftProblem } from '../draft/validate';
import type { Draft } from '../draft/schema';
import { countryName } from '../i18n/countries';
import type { Language } from '../i18n/languages';
import { adaptAnswer, type AnswerContext } from './answer-adapter';
import { createLabels } from './labels';
import { retiredAnswersSection } from './retired-annex';
import type { Paper, ReportItem, ReportModel } from './report-model';
import type { ReportWarning } from './report-context';

/** The training example's fictional country code: printed as the word "Example". */
export const EXAMPLE_COUNTRY_CODE = 'XXX';

export interface FromDraftOptions {
  /** `draft` prints the watermark and "DRAFT — not submitted"; `submitted` is the bundle's report. */
  status: 'draft' | 'submitted';
  /** The bundle's External-Identifier, printed on the cover of a submitted report. */
  externalIdentifier?: string;
  /** Fingerprint of the key that signed the bundle, printed on the cover of a submitted report. */
  signerFingerprint?: string;
  paper?: Paper;
  /** The date printed on the cover (the day of submission); the draft's last save by default. */
  now?: Date;
  /** Institutions consulted on the draft (the review ledger's `consultations`), printed after the contributing institutions. */
  consultations?: readonly Consultation[];
}

/**
 * Builds the ReportModel of `draft` against `pack` (the pack the draft names). Texts of the pack
 * are taken in the response language, falling back to English where a translation is missing.
 * Items not relevant under the answers are `skipped`; relevant items without an answer `unanswered`.
 */
export function reportModelFromDraft(draft: Draft, pack: ChecklistPack, options: FromDraftOptions): ReportModel {
  const language = draft.assessment.responseLanguage;
  const labels = createLabels(language);
  const ctx: AnswerContext = { pack, language, labels, attachments: new Map(draft.attachments.map((a) => [a.sha256, a])) };
  const relevant = relevantItems(pack, draft.answers);
  // An answer that does not pass validation is printed with what to correct, never as "answered".
  const problems = new Map<string, DraftProblem[]>();
  for (const p of validateDraft(draft, pack)) {
    if (p.problem === 'required' || p.problem === 'unknownItem') continue;
    problems.set(p.itemId, [...(problems.get(p.itemId) ?? []), p]);
  }
  const code = draft.assessment.countryCode;
  const country = code === EXAMPLE_COUNTRY_CODE ? labels.t('exampleCountry') : countryName(code, language);

  const itemOf = (item: ChecklistItem): ReportItem => {
    const base = { id: item.id, question: localize(item.text, language).text, fields: [], tables: [], attachments: [] };
    if (!relevant.has(item.id)) return { ...base, state: 'skipped', statusLabel: labels.t('item.skipped') };
    const value = draft.answers[item.id];
    if (!isAnswered(value)) return { ...base, state: 'unanswered', statusLabel: labels.t('item.unanswered') };
    const adapted = adaptAnswer(ctx, item, value);
    const wrong = problems.get(item.id) ?? [];
    return {
      ...base,
      state: wrong.length > 0 ? 'invalid' : 'answered',
      statusLabel: adapted.statusLabel ?? labels.t(wrong.length > 0 ? 'answer.invalid' : 'answer.answered'),
      problems: wrong.map((p) => problemMessage(p, language, labels.validation)),
      fields: adapted.fields,
      tables: adapted.tables,
      attachments: adapted.attachments,
    };
  };

  const coverDetails: { label: string; value: string }[] = [];
  const period = draft.assessment.periodCovered;
  if (period) {
    coverDetails.push({
      label: labels.t('cover.period'),
      value: labels.t('cover.periodValue', { from: labels.date(`${period.from}T00:00:00Z`), to: labels.date(`${period.to}T00:00:00Z`) }),
    });
  }
  if (options.status === 'submitted') {
    if (options.externalIdentifier) coverDetails.push({ label: labels.t('cover.externalIdentifier'), value: options.externalIdentifier });
    if (options.signerFingerprint) coverDetails.push({ label: labels.t('cover.signer'), value: options.signerFingerprint });
  }

  return {
    language,
    title: localize(pack.title, language).text,
    country,
    checklist: { id: pack.id, version: pack.version },
    revision: draft.revision,
    date: (options.now ?? new Date(draft.updatedAt)).toISOString(),
    status: options.status,
    author: authorOf(draft, country),
    coverDetails,
    keywords: [code, ...(options.status === 'submitted' && options.externalIdentifier ? [options.externalIdentifier] : [])],
    paper: options.paper ?? 'a4',
    focalPoints: draft.assessment.focalPoints.map((p) => ({
      name: p.name,
      ...(p.title ? { role: p.title } : {}),
      ...(p.institution ? { institution: p.institution } : {}),
      ...(p.email ? { email: p.email } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
    })),
    institutions: draft.assessment.contributingInstitutions.map((name) => ({ name })),
    consultations: (options.consultations ?? []).map((c) => ({
      institution: c.institution,
      ...(c.name ? { name: c.name } : {}),
      ...(c.sentAt ? { sentAt: c.sentAt } : {}),
      returnedAt: c.returnedAt,
      verdict: c.verdict,
    })),
    sections: [
      ...pack.sections.map((section) => ({
        id: section.id,
        title: localize(section.title, language).text,
        items: section.items.map(itemOf),
      })),
      // Answers kept when the draft moved to this checklist version: printed last, never left out.
      ...[retiredAnswersSection(draft.retiredAnswers, ctx)].filter((s) => s !== null),
    ],
  };
}

/** The coordinating ministry (answer A.1) when given; else the first focal point's institution, else the country. */
function authorOf(draft: Draft, country: string): string {
  const ministry = draft.answers['A.1'];
  if (typeof ministry === 'string' && ministry.trim() !== '') return ministry.trim();
  const institution = draft.assessment.focalPoints.find((p) => p.institution.trim() !== '')?.institution;
  return institution?.trim() ?? country;
}

/** Largest number of missing characters named in a warning; the count says how many there are. */
const MAX_NAMED_CHARACTERS = 20;

/** The render warnings as sentences in `language` (the user's interface language), for a terminal or a notice. */
export function describeWarnings(warnings: readonly ReportWarning[], language: Language): string[] {
  const { t } = createLabels(language);
  return warnings.map((w) =>
    w.code === 'missingGlyphs'
      ? t('warnings.missingGlyphs', {
          count: w.codePoints.length,
          chars: w.codePoints.slice(0, MAX_NAMED_CHARACTERS).join(' ') + (w.codePoints.length > MAX_NAMED_CHARACTERS ? ' …' : ''),
        })
      : t('warnings.truncated', { item: w.itemId, count: w.omitted }),
  );
}
