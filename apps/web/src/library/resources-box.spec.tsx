import { screen, within } from '@testing-library/react';
import { renderUi } from '../test-support/render-ui';
import { formatEur } from './format';
import { ResourcesBox } from './resources-box';

const resources = { annualBudgetEur: 48000, staffFte: 2.5, volunteers: 1200, durationMonths: 24 };

const fact = (label: string) =>
  within(screen.getByTestId('resources-box')).getByText(label).nextElementSibling?.textContent;

describe('the resources box', () => {
  it('formats the budget in euros and the numbers in English', () => {
    renderUi(
      <ResourcesBox resources={resources} fundingSources={['amif', 'private_foundation']} />,
    );
    expect(fact('Annual budget')).toBe('€48,000');
    expect(fact('Staff (full-time equivalent)')).toBe('2.5');
    expect(fact('Volunteers')).toBe('1,200');
    expect(fact('Duration')).toBe('24 months');
    expect(
      screen.getByText('AMIF (EU Asylum, Migration and Integration Fund)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Private foundation')).toBeInTheDocument();
  });

  it('follows the UI language', () => {
    renderUi(<ResourcesBox resources={{ ...resources, durationMonths: 1 }} fundingSources={[]} />, {
      language: 'de',
    });
    // German groups thousands with a dot and puts the euro sign after the amount.
    expect(fact('Jahresbudget')).toBe(formatEur(48000, 'de'));
    expect(fact('Jahresbudget')).toMatch(/^48\.000\s€$/);
    expect(fact('Personal (Vollzeitäquivalente)')).toBe('2,5');
    expect(fact('Laufzeit')).toBe('1 Monat');
    expect(screen.getByText('Nicht angegeben')).toBeInTheDocument();
  });

  it('writes French amounts the French way', () => {
    expect(formatEur(48000, 'fr')).toMatch(/^48\s000\s€$/);
    expect(formatEur(0, 'en')).toBe('€0');
  });
});
