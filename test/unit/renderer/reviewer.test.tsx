// @vitest-environment happy-dom
// Reviewer mode and the home screen's reviews, against a fake API: what a reviewer sees and what
// reaches the core when they comment, suggest and return.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReviewerEntry, ReviewerSession } from '../../../core/api/contract';
import { startReview, type ReviewWork } from '../../../core/review/work';
import { pack, request } from '../review/fixture';
import { catchDownloads } from './catch-downloads';
import { chooseFile } from './choose-file';
import { createFakeApi } from './fake-api';
import { renderApp, resetPage } from './render-app';

afterEach(() => {
  resetPage();
  vi.restoreAllMocks();
  window.location.hash = '';
});

const copy = request(undefined, { reviewId: '3f0c5a8e-6a1f-4d3b-9c7e-2b1a0d9e8f71', to: { institution: 'Ministry of Justice', name: 'John Carter' }, dueDate: '2026-12-31', message: 'Please read section B.' });
const session: ReviewerSession = { request: copy, work: startReview(copy), carried: [], returns: [], resumed: false };
const TICKET = { token: 'a'.repeat(64), fileName: 'KEN_review-reply_2026-11-02_3f0c5a8e.scsa-reply.json' };

function reviewerApi() {
  const saved: ReviewWork[] = [];
  const api = createFakeApi({
    overrides: {
      openReviewerWork: vi.fn(async () => ({ ok: true as const, value: session })),
      getPack: vi.fn(async () => ({ ok: true as const, value: { pack, translationGaps: [] } })),
      saveReviewerWork: vi.fn(async (_id: string, work: ReviewWork) => {
        saved.push(work);
        return { ok: true as const, value: { updatedAt: work.updatedAt } };
      }),
      returnReview: vi.fn(async () => ({ ok: true as const, value: { reply: TICKET, returnedAt: '2026-11-10T10:00:00.000Z' } })),
    },
  });
  return { api, saved };
}

describe('reviewer mode', () => {
  it('shows who asks for what by when, offers no signing, and returns comments and the verdict as written', async () => {
    const downloads = catchDownloads();
    const { api, saved } = reviewerApi();
    window.location.hash = `#/review/${copy.reviewId}`;
    await renderApp(api);
    await screen.findByText('Reviewer mode');
    expect(screen.getByText('John Carter, Ministry of Justice')).toBeTruthy();
    expect(screen.getByText('Please read section B.')).toBeTruthy();
    expect(screen.getByText('December 31, 2026')).toBeTruthy();
    // Nothing here signs or exports: not even the header's way to the signing key.
    expect(screen.queryByRole('link', { name: 'Signing key' })).toBeNull();
    expect(screen.queryByRole('button', { name: /sign|export/i })).toBeNull();

    const item = document.querySelector<HTMLElement>('[data-review-item="B.2"]')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Comment' }));
    fireEvent.change(within(item).getByLabelText('Your comment on item B.2'), { target: { value: 'Name the body.' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Add comment' }));
    expect(within(item).getByText('Name the body.')).toBeTruthy();
    // The keyboard stays at the item.
    await waitFor(() => expect(document.activeElement).toBe(within(item).getByRole('button', { name: 'Comment' })));

    fireEvent.click(screen.getByLabelText('Changes requested'));
    fireEvent.click(screen.getByRole('button', { name: 'Return the review' }));
    await waitFor(() => expect(api.returnReview).toHaveBeenCalledWith(copy.reviewId));
    // The work was saved before the reply was asked for, with the comment and the verdict.
    const last = saved[saved.length - 1]!;
    expect(last.verdict).toBe('changes_requested');
    expect(last.comments.map((c) => [c.itemId, c.text])).toEqual([['B.2', 'Name the body.']]);
    await waitFor(() => expect(downloads.names).toEqual([TICKET.fileName]));
    expect(await screen.findByText(/Your reply is ready/)).toBeTruthy();
  });

  it('refuses a suggestion the item cannot take, at the item, and saves nothing', async () => {
    const { api, saved } = reviewerApi();
    window.location.hash = `#/review/${copy.reviewId}`;
    await renderApp(api);
    const item = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-review-item="B.4"]');
      if (!found) throw new Error('not yet');
      return found;
    });
    fireEvent.click(within(item).getByRole('button', { name: 'Suggest a change' }));
    fireEvent.change(within(item).getByLabelText('Suggested answer to item B.4'), { target: { value: 'a quarter' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Keep suggestion' }));
    expect(await within(item).findByText(/The suggested answer to item B\.4 is not a valid answer/)).toBeTruthy();
    expect(saved).toEqual([]);
  });
});

describe('reviews on the home screen', () => {
  it('lists the reviews in progress, and opens a chosen copy in reviewer mode', async () => {
    const entry: ReviewerEntry = {
      reviewId: copy.reviewId,
      from: copy.from,
      to: copy.to,
      countryCode: 'KEN',
      base: copy.base,
      dueDate: '2026-12-31',
      openedAt: '2026-11-03T10:00:00.000Z',
      updatedAt: '2026-11-04T10:00:00.000Z',
      comments: 2,
      suggestions: 1,
    };
    const { api } = reviewerApi();
    api.listReviewerWork = vi.fn(async () => ({ ok: true as const, value: [entry] }));
    api.openReviewCopy = vi.fn(async () => ({ ok: true as const, value: session }));
    await renderApp(api);
    const link = await screen.findByRole('link', { name: 'Kenya, revision 5' });
    expect(link.getAttribute('href')).toBe(`#/review/${copy.reviewId}`);
    expect(screen.getByText('Comments: 2 · Suggestions: 1')).toBeTruthy();

    chooseFile(screen.getByRole('button', { name: 'Open a review copy…' }), new File(['zip'], 'copy.scsa-review'));
    await waitFor(() => expect(window.location.hash).toBe(`#/review/${copy.reviewId}`));
  });

  it('says why a file could not be opened, in the interface language', async () => {
    const { api } = reviewerApi();
    api.openReviewCopy = vi.fn(async () => ({ ok: false as const, error: { code: 'review:errors.notACopy' } }));
    await renderApp(createFakeApi({ language: 'fr', overrides: { openReviewCopy: api.openReviewCopy } }));
    chooseFile(await screen.findByRole('button', { name: 'Ouvrir une copie d’examen…' }), new File(['x'], 'notes.txt'));
    expect(await screen.findByText('Ce fichier n’est pas une copie d’examen d’une auto-évaluation Villes plus sûres.')).toBeTruthy();
    expect(window.location.hash).toBe('');
  });

  it('shows why the desktop could not open a copy handed to it by the system', async () => {
    window.location.hash = `#/?reviewError=${encodeURIComponent('review:errors.copyAltered')}`;
    await renderApp(createFakeApi());
    expect(await screen.findByText(/This review copy was changed after it was made/)).toBeTruthy();
  });
});
