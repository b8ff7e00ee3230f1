// @vitest-environment happy-dom
// The analysis screen with a fake core: countries alphabetical in the interface language whatever
// order the core sends, no score column, numbers through Intl, each chart readable as text, and the
// answers of an item in their own direction.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AnalysisView, Api, ItemAnswers, JobResult, WorkspaceStatus } from '../../../core/api/contract';
import { createFakeApi } from './fake-api';
import { renderApp, resetPage } from './render-app';

const VIEW_ID = '0b6f5d1d-2a11-4c1b-9d1e-6f1c7d0e8a57';
const JOB = '6f1c7d0e-8a57-4c1b-9d1e-0b6f5d1d2a11';
const WORKSPACE: WorkspaceStatus = { dir: '/srv/secretariat', writable: true, createdAt: '2026-11-01T00:00:00Z', notices: [], counts: { keys: 3, submissions: 3, held: 0, rejected: 0 } };
const participant = (code: string, name: string, responseLanguage: 'en' | 'ar') => ({
  code,
  name,
  group: 'african' as const,
  responseLanguage,
  checklistVersion: '1.0.0',
  submissionRevision: 1,
  baggingDate: '2026-10-01',
  consent: 'full' as const,
});

function viewIn(language: 'en' | 'ar'): AnalysisView {
  // Sent in an order of results, not the alphabet's: the screen must not keep it.
  const participants =
    language === 'en'
      ? [participant('ZMB', 'Zambia', 'en'), participant('KEN', 'Kenya', 'en'), participant('EGY', 'Egypt', 'ar')]
      : [participant('EGY', 'مصر', 'ar'), participant('ZMB', 'زامبيا', 'en'), participant('KEN', 'كينيا', 'en')];
  return {
    viewId: VIEW_ID,
    language,
    checklist: { id: 'safer-cities-sacl', version: '1.0.0', title: 'Checklist' },
    available: { checklists: [{ id: 'safer-cities-sacl', version: '1.0.0', countries: 3, known: true }], groups: ['african'], languages: ['ar', 'en'] },
    filters: { groups: [], responseLanguages: [], checklist: { id: 'safer-cities-sacl', version: '1.0.0' } },
    participants,
    statisticsCount: 3,
    leftOut: 0,
    conflicts: 0,
    unreadable: 0,
    items: [
      {
        id: 'B.2',
        question: 'National policy',
        type: 'uncac',
        denominator: { answered: 2, skipped: 0, notAnswered: 1 },
        status: { counts: [{ id: 'fully', label: 'Fully implemented', count: 1200 }, { id: 'partially', label: 'Partially implemented', count: 1 }], denominator: { answered: 1201, skipped: 0, notAnswered: 1 } },
        answers: 2,
      },
    ],
    assistanceTypes: [{ id: 'policy_advice', label: 'Policy advice', countries: 2, itemMentions: 2, tableRows: 0 }],
  };
}

const ANSWERS: ItemAnswers = {
  itemId: 'B.2',
  freeText: [
    { field: 'Measures', country: 'EGY', language: 'ar', text: 'استراتيجية وطنية' },
    { field: 'Measures', country: 'KEN', language: 'en', text: 'A national strategy' },
  ],
  total: 2,
};

function analysisApi(language: 'en' | 'ar') {
  let polls = 0;
  const result: JobResult = { kind: 'analysis', view: viewIn(language) };
  const m = {
    getWorkspace: vi.fn<Api['getWorkspace']>(async () => ({ ok: true, value: WORKSPACE })),
    startAnalysis: vi.fn<Api['startAnalysis']>(async () => ({ ok: true, value: { jobId: JOB } })),
    getJob: vi.fn<Api['getJob']>(async () => ({ ok: true, value: { kind: 'analysis', state: polls++ === 0 ? ('running' as const) : ('done' as const), progress: 0.5 } })),
    takeJobResult: vi.fn<Api['takeJobResult']>(async () => ({ ok: true, value: result })),
    analysisAnswers: vi.fn<Api['analysisAnswers']>(async () => ({ ok: true, value: ANSWERS })),
  };
  return { api: createFakeApi({ language, overrides: m }), m };
}

afterEach(() => {
  resetPage();
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe.each(['en', 'ar'] as const)('analysis screen in %s', (language) => {
  it('lists countries alphabetically in the interface language, never in the order the results give', async () => {
    window.location.hash = '#/secretariat/analysis';
    const { api } = analysisApi(language);
    await renderApp(api);
    const table = await screen.findByTestId('analysis-participants', {}, { timeout: 5000 });
    const names = within(table).getAllByRole('rowheader').map((th) => th.textContent ?? '');
    const sent = viewIn(language).participants.map((p) => p.name);
    expect(names).toEqual([...sent].sort(new Intl.Collator(language).compare));
    expect(names).not.toEqual(sent);
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent ?? '');
    for (const h of headers) expect(h).not.toMatch(/score|rank|note|درجة|ترتيب/i);
  });

  it('draws each distribution with its numbers as text, formatted for the language', async () => {
    window.location.hash = '#/secretariat/analysis';
    const { api } = analysisApi(language);
    await renderApp(api);
    const chart = await screen.findByTestId('chart-status-B.2', {}, { timeout: 5000 });
    const n = new Intl.NumberFormat(language).format(1200);
    expect(chart.textContent).toContain(n);
    expect(chart.querySelector('caption')?.textContent).toBeTruthy();
    // The bars are decoration: the table says it all.
    expect(chart.querySelector('.bar-chart__bar-cell')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('answers as written', () => {
  it('shows each answer with its country and in its own direction', async () => {
    window.location.hash = '#/secretariat/analysis';
    const { api, m } = analysisApi('en');
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: /Show the answers as written/ }, { timeout: 5000 }));
    const panel = await screen.findByTestId('answers-B.2');
    expect(m.analysisAnswers).toHaveBeenCalledWith(VIEW_ID, 'B.2', 500);
    const arabic = within(panel).getByText('استراتيجية وطنية');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(within(panel).getByText('A national strategy').getAttribute('dir')).toBe('ltr');
    await waitFor(() => expect(panel.textContent).toContain('Egypt'));
  });

  it('analyses once on opening, and says what an analysis across versions leaves to each version', async () => {
    window.location.hash = '#/secretariat/analysis';
    const { api, m } = analysisApi('en');
    const across: JobResult = {
      kind: 'analysis',
      view: {
        ...viewIn('en'),
        versions: { target: '1.1.0', counted: [{ version: '1.1.0', countries: 2, notCounted: [] }, { version: '1.0.0', countries: 1, notCounted: [{ itemId: 'B.5', question: 'Old question', reason: 'removed' }] }], leftOut: [] },
      },
    };
    m.takeJobResult.mockImplementation(async () => ({ ok: true, value: across }));
    await renderApp(api);
    const note = await screen.findByTestId('analysis-versions', {}, { timeout: 5000 });
    expect(note.textContent).toContain('B.5 Old question: Removed from the checklist');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(m.startAnalysis).toHaveBeenCalledTimes(1);
  });

  it('says when no workspace is open', async () => {
    window.location.hash = '#/secretariat/analysis';
    const { api, m } = analysisApi('en');
    m.getWorkspace.mockImplementation(async () => ({ ok: true, value: null }));
    await renderApp(api);
    expect((await screen.findByTestId('analysis-no-workspace')).textContent).toContain('No secretariat workspace is open');
    expect(m.startAnalysis).not.toHaveBeenCalled();
  });
});
