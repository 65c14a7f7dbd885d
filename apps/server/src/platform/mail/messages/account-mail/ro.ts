import type { AccountMailMessages } from './account-mail-messages';

export const accountRo: AccountMailMessages = {
  roles: { member: 'membru', moderator: 'moderator', admin: 'administrator' },
  invitation: {
    subject: '{inviter} vă invită în rețeaua {network} pe Tandem',
    preview: 'Alăturați-vă rețelei {network} pentru a face schimb de practici cu membrii ei.',
    greeting: 'Bună ziua,',
    body: '{inviter} vă invită să vă alăturați rețelei {network} pe Tandem, ca {role}.',
    about:
      'Tandem este locul în care cei care conduc programe de integrare fac schimb de practici, cercetări și studii de caz în propriile rețele.',
    action: 'Acceptați invitația',
    expiry: 'Invitația este pentru {email} și este valabilă până la {date}.',
    ignore: 'Dacă nu vă așteptați la ea, puteți ignora acest e-mail.',
  },
  verifyEmail: {
    subject: 'Confirmați adresa de e-mail pentru Tandem',
    preview: 'Un clic pentru a vă confirma adresa.',
    greeting: 'Bună ziua, {name},',
    bodySignUp:
      'Bun venit pe Tandem! Vă rugăm să confirmați că {email} este adresa dumneavoastră de e-mail.',
    bodyChange:
      'Ați cerut să folosiți {email} pentru contul Tandem. Confirmați-o și va înlocui adresa actuală.',
    action: 'Confirm adresa',
    expiry: 'Linkul funcționează o singură dată, timp de 48 de ore.',
    ignore: 'Dacă nu ați cerut acest lucru, ignorați e-mailul: nu se schimbă nimic.',
  },
  passwordReset: {
    subject: 'Resetați parola Tandem',
    preview: 'Alegeți o parolă nouă pentru contul Tandem.',
    greeting: 'Bună ziua, {name},',
    body: 'Cineva, sperăm că dumneavoastră, a cerut resetarea parolei contului Tandem pentru {email}.',
    action: 'Aleg o parolă nouă',
    expiry:
      'Linkul funcționează o singură dată, timp de 60 de minute. O parolă nouă vă deconectează de pe toate dispozitivele.',
    ignore: 'Dacă nu ați cerut acest lucru, ignorați e-mailul: parola rămâne aceeași.',
  },
  passwordChanged: {
    subject: 'Parola Tandem a fost schimbată',
    preview: 'O notificare privind securitatea contului.',
    greeting: 'Bună ziua, {name},',
    body: 'Parola contului Tandem a fost schimbată pe {date}. Celelalte sesiuni au fost închise.',
    warning: 'Dacă nu ați fost dumneavoastră, resetați parola imediat.',
    action: 'Resetez parola',
  },
  emailChanged: {
    subject: 'Adresa de e-mail Tandem a fost schimbată',
    preview: 'Contul folosește acum o altă adresă.',
    greeting: 'Bună ziua, {name},',
    body: 'Contul Tandem folosește acum {email}. E-mailurile de la Tandem nu vor mai veni la această adresă.',
    warning:
      'Dacă nu ați făcut această schimbare, contactați un administrator al rețelei: este posibil ca cineva să aibă acces la cont.',
  },
};
