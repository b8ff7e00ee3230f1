// @vitest-environment happy-dom
// The "new assessment" wizard: countries in the interface language, translated inline errors, and
// the metadata handed to the core.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeWorkflow } from './fake-workflow';
import { openAt, resetWorkflowPage } from './workflow-helpers';

afterEach(resetWorkflowPage);

const submit = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('new assessment wizard', () => {
  it('lists the 193 Member States and 2 observer States by their UN names, sorted in the interface language', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/new', 'fr');
    const country = (await screen.findByLabelText(/^Pays/)) as HTMLSelectElement;
    const names = [...country.options].slice(1).map((o) => o.textContent ?? '');
    expect(names).toHaveLength(195);
    expect(names).toContain('Allemagne');
    for (const official of ['Fédération de Russie', 'Tchéquie', 'Türkiye', 'République démocratique populaire lao', 'Saint-Siège', 'État de Palestine']) {
      expect(names).toContain(official);
    }
    expect(names).not.toContain('Russie');
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    // É sorts with E in French, not after Z.
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Espagne'));
  });

  it('shows translated errors inline and creates nothing until they are fixed', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/new', 'fr');
    await screen.findByRole('heading', { name: 'Nouvelle évaluation' });
    fireEvent.change(screen.getByLabelText('Courriel'), { target: { value: 'not-an-address' } });
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2024-01-01' } });
    submit('Créer l’évaluation');
    expect(await screen.findByText('Choisissez le pays.')).toBeTruthy();
    expect(screen.getByText('Saisissez le nom du point de contact.')).toBeTruthy();
    expect(screen.getByText(/Saisissez une adresse électronique valide/)).toBeTruthy();
    expect(screen.getByText('La fin de la période ne peut pas précéder son début.')).toBeTruthy();
    const country = screen.getByLabelText(/^Pays/);
    expect(country.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(country.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Choisissez le pays.');
    expect(wf.api.createAssessment).not.toHaveBeenCalled();
  });

  it('creates the assessment with the response language chosen apart from the interface, then opens its form', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/new', 'fr');
    await screen.findByRole('heading', { name: 'Nouvelle évaluation' });
    await waitFor(() => expect((screen.getByLabelText('Liste de contrôle') as HTMLSelectElement).value).toBe('safer-cities-sample@0.1.0'));
    fireEvent.change(screen.getByLabelText(/^Pays/), { target: { value: 'MAR' } });
    fireEvent.change(screen.getByLabelText(/^Langue des réponses/), { target: { value: 'ar' } });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Amina Benali' } });
    fireEvent.change(screen.getByLabelText('Courriel'), { target: { value: 'a.benali@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un point de contact' }));
    const second = screen.getByRole('group', { name: 'Point de contact 2' });
    fireEvent.change(within(second).getByLabelText(/^Nom/), { target: { value: 'Karim Idrissi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une institution' }));
    fireEvent.change(screen.getByLabelText('Institution n° 1'), { target: { value: 'Ministère de l’Intérieur' } });
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2023-01-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2024-12-31' } });
    submit('Créer l’évaluation');
    await waitFor(() => expect(wf.api.createAssessment).toHaveBeenCalledTimes(1));
    expect(wf.api.createAssessment.mock.calls[0]).toEqual([
      {
        countryCode: 'MAR',
        responseLanguage: 'ar',
        focalPoints: [
          { name: 'Amina Benali', title: '', institution: '', email: 'a.benali@example.org', phone: '' },
          { name: 'Karim Idrissi', title: '', institution: '', email: '', phone: '' },
        ],
        contributingInstitutions: ['Ministère de l’Intérieur'],
        periodCovered: { from: '2023-01-01', to: '2024-12-31' },
      },
      { id: 'safer-cities-sample', version: '0.1.0' },
    ]);
    await waitFor(() => expect(window.location.hash).toBe('#/a/draft-1/form'));
  });
});
