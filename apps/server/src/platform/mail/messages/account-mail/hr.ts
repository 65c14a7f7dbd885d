import type { AccountMailMessages } from './account-mail-messages';

export const accountHr: AccountMailMessages = {
  roles: { member: 'član', moderator: 'moderator', admin: 'administrator' },
  invitation: {
    subject: '{inviter} vas poziva u mrežu {network} na Tandemu',
    preview: 'Pridružite se mreži {network} i razmjenjujte praksu s njezinim članovima.',
    greeting: 'Poštovani,',
    body: '{inviter} vas poziva da se pridružite mreži {network} na Tandemu. Uloga: {role}.',
    about:
      'Tandem je mjesto na kojem ljudi koji vode integracijske programe razmjenjuju praksu, istraživanja i studije slučaja unutar vlastitih mreža.',
    action: 'Prihvati poziv',
    expiry: 'Poziv je namijenjen adresi {email} i vrijedi do {date}.',
    ignore: 'Ako ga niste očekivali, možete zanemariti ovu poruku.',
  },
  verifyEmail: {
    subject: 'Potvrdite svoju adresu e-pošte za Tandem',
    preview: 'Jedan klik za potvrdu adrese.',
    greeting: 'Poštovani {name},',
    bodySignUp: 'Dobro došli na Tandem! Potvrdite da je {email} vaša adresa e-pošte.',
    bodyChange:
      'Zatražili ste korištenje adrese {email} za svoj račun na Tandemu. Nakon potvrde zamijenit će vašu trenutačnu adresu.',
    action: 'Potvrdi adresu',
    expiry: 'Poveznica radi jednom, 48 sati.',
    ignore: 'Ako to niste zatražili, zanemarite ovu poruku: ništa se neće promijeniti.',
  },
  passwordReset: {
    subject: 'Ponovno postavite lozinku za Tandem',
    preview: 'Odaberite novu lozinku za svoj račun na Tandemu.',
    greeting: 'Poštovani {name},',
    body: 'Netko, nadamo se vi, zatražio je ponovno postavljanje lozinke za račun na Tandemu s adresom {email}.',
    action: 'Odaberi novu lozinku',
    expiry: 'Poveznica radi jednom, 60 minuta. Nova lozinka odjavljuje vas na svim uređajima.',
    ignore: 'Ako to niste zatražili, zanemarite ovu poruku: lozinka ostaje ista.',
  },
  passwordChanged: {
    subject: 'Vaša lozinka za Tandem je promijenjena',
    preview: 'Obavijest o sigurnosti vašeg računa.',
    greeting: 'Poštovani {name},',
    body: 'Lozinka vašeg računa na Tandemu promijenjena je {date}. Vaše ostale sesije su odjavljene.',
    warning: 'Ako to niste bili vi, odmah ponovno postavite lozinku.',
    action: 'Ponovno postavi lozinku',
  },
  emailChanged: {
    subject: 'Vaša adresa e-pošte na Tandemu je promijenjena',
    preview: 'Vaš račun sada koristi drugu adresu.',
    greeting: 'Poštovani {name},',
    body: 'Vaš račun na Tandemu sada koristi adresu {email}. Poruke s Tandema više neće stizati na ovu adresu.',
    warning:
      'Ako vi niste napravili ovu promjenu, javite se administratoru svoje mreže: netko možda ima pristup vašem računu.',
  },
};
