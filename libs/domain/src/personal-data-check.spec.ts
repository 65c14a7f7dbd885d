import {
  confirmPersonalData,
  findPersonalData,
  personalDataReport,
  type PersonalDataKind,
} from './personal-data-check';

const kinds = (text: string): [PersonalDataKind, string][] =>
  findPersonalData(text).map((finding) => [finding.kind, finding.text]);

describe('findPersonalData', () => {
  describe('in English', () => {
    it('finds email addresses and phone numbers', () => {
      expect(
        kinds('Write to amina.haddad@example.org or call +44 20 7946 0958 before Friday.'),
      ).toEqual([
        ['email', 'amina.haddad@example.org'],
        ['phone', '+44 20 7946 0958'],
      ]);
    });

    it('finds a name next to refugee, family or client, before or after', () => {
      expect(kinds('We met the refugee Amina Yusuf at the centre.')).toEqual([
        ['name_near_role', 'Amina Yusuf'],
      ]);
      expect(kinds('Karim, a client of ours, found work in March.')).toEqual([
        ['name_near_role', 'Karim'],
      ]);
      expect(kinds('The family Haddad moved twice.')).toEqual([['name_near_role', 'Haddad']]);
    });

    it('finds an exact street address', () => {
      expect(kinds('They now live at 14 Elm Street, second floor.')).toEqual([
        ['address', '14 Elm Street'],
      ]);
    });

    it('leaves ordinary practice talk alone', () => {
      expect(
        findPersonalData(
          'Between 2019-2023 we placed 120 refugees in jobs with a budget of 1.500.000 EUR; the Council of Europe funded half. Families stayed longer when mentors visited weekly.',
        ),
      ).toEqual([]);
      expect(findPersonalData('The refugee Council of Utrecht agreed.')).toEqual([]);
    });
  });

  describe('in French', () => {
    it('finds names next to réfugié or famille, phones and addresses', () => {
      expect(kinds('La famille Benali habite 12 rue de la Paix ; tél. 06 12 34 56 78.')).toEqual([
        ['name_near_role', 'Benali'],
        ['address', '12 rue de la Paix'],
        ['phone', '06 12 34 56 78'],
      ]);
      expect(kinds('Nous avons accompagné le réfugié Karim pendant un an.')).toEqual([
        ['name_near_role', 'Karim'],
      ]);
    });
  });

  describe('in German', () => {
    it('finds names next to Flüchtling or Familie and street addresses', () => {
      expect(
        kinds('Familie Yilmaz wohnt in der Hauptstraße 5 und ist unter 0171 2345678 erreichbar.'),
      ).toEqual([
        ['name_near_role', 'Yilmaz'],
        ['address', 'Hauptstraße 5'],
        ['phone', '0171 2345678'],
      ]);
      expect(kinds('Der Geflüchtete Samir Ahmadi hat eine Ausbildung begonnen.')).toEqual([
        ['name_near_role', 'Samir Ahmadi'],
      ]);
    });
  });

  describe('in Italian', () => {
    it('finds names next to rifugiato or famiglia, emails and addresses', () => {
      expect(kinds('La famiglia Rossi, in via Garibaldi 21, scrive a rossi.f@posta.it.')).toEqual([
        ['name_near_role', 'Rossi'],
        ['address', 'via Garibaldi 21'],
        ['email', 'rossi.f@posta.it'],
      ]);
      expect(kinds('Il rifugiato Abdi ha trovato casa.')).toEqual([['name_near_role', 'Abdi']]);
    });
  });

  it('reports the position of each finding', () => {
    const text = 'Mail: x@y.org';
    expect(findPersonalData(text)[0].index).toBe(text.indexOf('x@y.org'));
  });
});

describe('personalDataReport', () => {
  it('groups findings by field and leaves out clean fields', () => {
    expect(
      personalDataReport([
        { field: 'summary', text: 'Nothing personal here.' },
        { field: 'quote:m1', text: 'Call 0612345678.' },
      ]),
    ).toEqual([{ field: 'quote:m1', findings: [{ kind: 'phone', text: '0612345678', index: 5 }] }]);
  });
});

describe('confirmPersonalData', () => {
  const reports = personalDataReport([{ field: 'summary', text: 'Mail amina@example.org' }]);

  it('lets clean text and confirmed text through', () => {
    expect(confirmPersonalData([], false).allowed).toBe(true);
    expect(confirmPersonalData(reports, true).allowed).toBe(true);
  });

  it('refuses unconfirmed findings with a 400 naming each field and finding', () => {
    const decision = confirmPersonalData(reports, false);
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.error.code).toBe('bad_request');
    expect(decision.error.details).toEqual([
      {
        field: 'summary',
        problems: ['email: amina@example.org'],
        findings: [{ kind: 'email', text: 'amina@example.org', index: 5 }],
      },
    ]);
  });
});
