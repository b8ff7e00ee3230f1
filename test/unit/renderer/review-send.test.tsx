// @vitest-environment happy-dom
// "Send for review" and the reviews of an assessment, against a fake API.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SendForReviewInput, SentReview } from '../../../core/api/contract';
import { catchDownloads } from './catch-downloads';
import { SAMPLE_ASSESSMENT } from './fake-api';
import { createFakeWorkflow } from './fake-workflow';
import { renderApp, resetPage } from './render-app';

afterEach(() => {
  resetPage();
  vi.restoreAllMocks();
  window.location.hash = '';
});

const SENT: SentReview = {
  reviewId: '3f0c5a8e-6a1f-4d3b-9c7e-2b1a0d9e8f71',
  to: { institution: 'Ministry of Justice', name: 'John Carter' },
  sentAt: '2026-11-02T08:00:00.000Z',
  baseRevision: 3,
  scope: 'all',
  dueDate: '2026-12-31',
  state: 'awaiting',
  copyKept: true,
};
const TICKET = { token: 'b'.repeat(64), fileName: 'FRA_review_r3_2026-11-05_7d2e9b40.scsa-review' };

// The reviews screen shows inside the open assessment (its session and header), so the fake core
// is the workflow one with one assessment, plus the reviews already sent.
function focalApi() {
  const reviews: SentReview[] = [SENT];
  const sent: SendForReviewInput[] = [];
  const workflow = createFakeWorkflow();
  Object.assign(workflow.api, {
      getAssessmentOverview: vi.fn(async (id: string) => {
      const checklist = workflow.drafts.get(id)!.checklist;
      const summary = { ...SAMPLE_ASSESSMENT, id, checklistId: checklist.id, checklistVersion: checklist.version };
      return { ok: true as const, value: { summary, assessment: { countryCode: 'FRA', responseLanguage: 'fr' as const, focalPoints: [], contributingInstitutions: [], periodCovered: null } } };
    }),
      listSentReviews: vi.fn(async () => ({ ok: true as const, value: [...reviews] })),
      sendForReview: vi.fn(async (_id: string, input: SendForReviewInput) => {
        sent.push(input);
        const review: SentReview = { ...SENT, reviewId: '7d2e9b40-1c3a-4f5e-8a6b-0c9d8e7f6a52', to: { institution: input.institution }, scope: input.scope, state: 'awaiting' };
        reviews.push(review);
        return { ok: true as const, value: { review, copy: TICKET } };
      }),
  });
  const id = workflow.seed({}, 'fr');
  return { sent, api: workflow.api, id };
}

describe('send for review', () => {
  it('lists the reviews out with their state, and sends a copy of some sections as a download', async () => {
    const downloads = catchDownloads();
    const { api, sent, id } = focalApi();
    window.location.hash = `#/a/${id}/reviews`;
    await renderApp(api);
    expect(await screen.findByText('Sent, awaiting reply')).toBeTruthy();
    expect(screen.getByText('John Carter')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    // The institution is the one thing the copy cannot go without.
    fireEvent.click(await screen.findByRole('button', { name: 'Make the review copy' }));
    expect(await screen.findByText('Enter the institution that will review the draft.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText('Institution'), { target: { value: 'وزارة المالية' } });
    fireEvent.click(screen.getByLabelText('Some sections only'));
    fireEvent.click(await screen.findByLabelText(/National framework/));
    fireEvent.change(screen.getByLabelText(/Reply needed by/), { target: { value: '2027-01-15' } });
    fireEvent.click(screen.getByLabelText('Include the attached files (evidence)'));
    fireEvent.click(screen.getByRole('button', { name: 'Make the review copy' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ institution: 'وزارة المالية', scope: ['B'], dueDate: '2027-01-15', withAttachments: false });
    await waitFor(() => expect(downloads.names).toEqual([TICKET.fileName]));
    expect(await screen.findByText(/The review copy for وزارة المالية is ready/)).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('Sent, awaiting reply')).toHaveLength(2));
  });
});

describe('the one table of copies and replies', () => {
  it('names each institution once, with the copy sent, the state and open points, the verdict and every action', async () => {
    const { api, id } = focalApi();
    const returned = { ...SENT, state: 'returned' as const, reply: { verdict: 'changes_requested' as const, returnedAt: '2026-11-20T10:00:00.000Z', name: 'John Carter' } };
    Object.assign(api, {
      listSentReviews: vi.fn(async () => ({ ok: true as const, value: [returned] })),
      getReviews: vi.fn(async () => ({
        ok: true as const,
        value: {
          reviews: [{ ...returned, reply: { reviewer: { name: 'John Carter', institution: 'Ministry of Justice' }, returnedAt: '2026-11-20T10:00:00.000Z', verdict: 'changes_requested' as const, importedAt: '2026-11-21T10:00:00.000Z' }, open: 2 }],
          consultations: [],
          openItems: ['A.1', 'B.2'],
        },
      })),
    });
    window.location.hash = `#/a/${id}/reviews`;
    await renderApp(api);
    const row = (await screen.findByText('Reply received')).closest('tr') as HTMLElement;
    expect(document.querySelectorAll('table')).toHaveLength(1);
    expect(row.textContent).toContain('Ministry of Justice');
    expect(row.textContent).toContain('from revision 3');
    expect(row.textContent).toContain('Sections: All');
    expect(row.textContent).toContain('2 points still open');
    expect(row.textContent).toContain('Changes requested');
    expect(row.textContent).toContain('John Carter');
    expect(within(row).getByRole('button', { name: 'Download the review copy for Ministry of Justice again' })).toBeTruthy();
    expect(within(row).getByRole('link', { name: /What changed since it was sent/ }).getAttribute('href')).toContain('compare');
  });
});
