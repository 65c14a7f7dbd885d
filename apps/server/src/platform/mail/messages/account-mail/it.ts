import type { AccountMailMessages } from './account-mail-messages';

export const accountIt: AccountMailMessages = {
  roles: { member: 'membro', moderator: 'moderatore', admin: 'amministratore' },
  invitation: {
    subject: '{inviter} ti invita a entrare in {network} su Tandem',
    preview: 'Entra in {network} per scambiare pratiche con i suoi membri.',
    greeting: 'Ciao,',
    body: '{inviter} ti invita a entrare in {network} su Tandem come {role}.',
    about:
      'Tandem è lo spazio in cui chi gestisce programmi di integrazione scambia pratiche, ricerche e casi di studio all’interno delle proprie reti.',
    action: 'Accetta l’invito',
    expiry: 'L’invito è per {email} ed è valido fino al {date}.',
    ignore: 'Se non te lo aspettavi, puoi ignorare questa email.',
  },
  verifyEmail: {
    subject: 'Conferma il tuo indirizzo email per Tandem',
    preview: 'Un clic per confermare il tuo indirizzo.',
    greeting: 'Ciao {name},',
    bodySignUp: 'Benvenuto su Tandem! Conferma che {email} è il tuo indirizzo email.',
    bodyChange:
      'Hai chiesto di usare {email} per il tuo account Tandem. Confermalo e sostituirà il tuo indirizzo attuale.',
    action: 'Conferma il mio indirizzo',
    expiry: 'Il link funziona una sola volta, per 48 ore.',
    ignore: 'Se non l’hai chiesto tu, ignora questa email: non cambierà nulla.',
  },
  passwordReset: {
    subject: 'Reimposta la tua password di Tandem',
    preview: 'Scegli una nuova password per il tuo account Tandem.',
    greeting: 'Ciao {name},',
    body: 'Qualcuno, speriamo tu, ha chiesto di reimpostare la password dell’account Tandem di {email}.',
    action: 'Scegli una nuova password',
    expiry:
      'Il link funziona una sola volta, per 60 minuti. Con una nuova password esci da tutti i dispositivi.',
    ignore: 'Se non l’hai chiesto tu, ignora questa email: la tua password resta invariata.',
  },
  passwordChanged: {
    subject: 'La tua password di Tandem è stata cambiata',
    preview: 'Un avviso sulla sicurezza del tuo account.',
    greeting: 'Ciao {name},',
    body: 'La password del tuo account Tandem è stata cambiata il {date}. Le altre sessioni sono state chiuse.',
    warning: 'Se non sei stato tu, reimposta subito la password.',
    action: 'Reimposta la password',
  },
  emailChanged: {
    subject: 'Il tuo indirizzo email su Tandem è stato cambiato',
    preview: 'Il tuo account ora usa un altro indirizzo.',
    greeting: 'Ciao {name},',
    body: 'Il tuo account Tandem ora usa {email}. Le email di Tandem non arriveranno più a questo indirizzo.',
    warning:
      'Se non hai fatto tu questa modifica, contatta un amministratore della tua rete: qualcuno potrebbe avere accesso al tuo account.',
  },
};
