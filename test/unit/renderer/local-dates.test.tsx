// @vitest-environment happy-dom
// Dates are typed and shown the way the interface language writes them, never by the browser's own
// date field (which follows the system: 05/17/2024 under a French or Arabic interface). Answers and
// the assessment's period stay ISO dates.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { formatLocalDate, localDateExample, parseLocalDate } from '../../../renderer/src/i18n/local-date';
import { createFakeWorkflow } from './fake-workflow';
import { openAt, openForm, resetWorkflowPage, waitForSaved } from './workflow-helpers';

afterEach(resetWorkflowPage);

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('local dates', () => {
  it('are written in each language’s order, and read back from it', () => {
    expect(formatLocalDate('2024-05-17', 'fr')).toBe('17/05/2024');
    expect(formatLocalDate('2024-05-17', 'ru')).toBe('17.05.2024');
    expect(formatLocalDate('2024-05-17', 'zh')).toBe('2024/05/17');
    expect(formatLocalDate('2024-05-17', 'ar')).toBe('17/05/2024');
    expect(localDateExample('es')).toBe('31/12/2024');
    expect(parseLocalDate('17/5/2024', 'fr')).toBe('2024-05-17');
    expect(parseLocalDate('17.05.2024', 'ru')).toBe('2024-05-17');
    expect(parseLocalDate('2024/5/17', 'zh')).toBe('2024-05-17');
    expect(parseLocalDate('١٧/٠٥/٢٠٢٤', 'ar')).toBe('2024-05-17');
    expect(parseLocalDate('2024-05-17', 'fr')).toBe('2024-05-17');
  });

  it('are never guessed: no impossible day, no month 17, no two-digit year', () => {
    expect(parseLocalDate('31/02/2024', 'fr')).toBeNull();
    expect(parseLocalDate('05/17/2024', 'fr')).toBeNull();
    expect(parseLocalDate('17/05/24', 'fr')).toBeNull();
    expect(parseLocalDate('hier', 'fr')).toBeNull();
    expect(formatLocalDate('not a date', 'fr')).toBe('not a date');
  });
});

describe('date fields', () => {
  it('in the French wizard: day first, with an example, and the period stored as ISO dates', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/new', 'fr');
    await screen.findByRole('heading', { name: 'Nouvelle évaluation' });
    expect(document.querySelector('input[type="date"]')).toBeNull();
    expect(screen.getAllByText('Par exemple 31/12/2024')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText(/^Pays/), { target: { value: 'FRA' } });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Ana' } });
    fireEvent.change(input('wizard-from'), { target: { value: '1/7/2023' } });
    fireEvent.blur(input('wizard-from'));
    expect(input('wizard-from').value).toBe('01/07/2023');
    fireEvent.change(input('wizard-to'), { target: { value: '30/06/2024' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer l’évaluation' }));
    await waitFor(() => expect(wf.api.createAssessment).toHaveBeenCalledTimes(1));
    expect(wf.api.createAssessment.mock.calls[0]?.[0].periodCovered).toEqual({ from: '2023-07-01', to: '2024-06-30' });
  });

  it('in the Arabic wizard: Arabic-Indic digits are read, and a date that does not exist is refused with a reason', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/new', 'ar');
    await screen.findByRole('heading', { level: 2 });
    expect(screen.getAllByText('مثال: 31/12/2024')).toHaveLength(2);
    fireEvent.change(input('wizard-from'), { target: { value: '٣١/٠٢/٢٠٢٤' } });
    fireEvent.change(input('wizard-to'), { target: { value: '٣٠/٠٦/٢٠٢٤' } });
    fireEvent.blur(input('wizard-to'));
    expect(input('wizard-to').value).toBe('30/06/2024');
    fireEvent.submit(input('wizard-to').closest('form') as HTMLFormElement);
    expect(await screen.findByText('أدخل تاريخًا صحيحًا بالصيغة المبيّنة في المثال.')).toBeTruthy();
    expect(input('wizard-from').value).toBe('٣١/٠٢/٢٠٢٤');
    expect(input('wizard-from').getAttribute('aria-invalid')).toBe('true');
    expect(wf.api.createAssessment).not.toHaveBeenCalled();
  });

  it('in the form: a stored date is shown in the interface language, and a typed one saved as an ISO date', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.2': '2024-05-17' });
    await openForm(wf, id, 'ar');
    expect(input('item-A_2-input').value).toBe('17/05/2024');
    fireEvent.change(input('item-A_2-input'), { target: { value: '٢/١/٢٠٢٥' } });
    await waitForSaved(wf, { 'A.2': '2025-01-02' });
    resetWorkflowPage();
    await openForm(wf, id, 'zh');
    expect(input('item-A_2-input').value).toBe('2025/01/02');
  });
});
