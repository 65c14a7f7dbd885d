import type { AccountMailMessages } from './account-mail-messages';

export const accountNl: AccountMailMessages = {
  roles: { member: 'lid', moderator: 'moderator', admin: 'beheerder' },
  invitation: {
    subject: '{inviter} nodigt je uit voor {network} op Tandem',
    preview: 'Word lid van {network} en wissel praktijkervaring uit met de leden.',
    greeting: 'Hallo,',
    body: '{inviter} nodigt je uit om lid te worden van {network} op Tandem, als {role}.',
    about:
      'Op Tandem wisselen mensen die integratieprogramma’s leiden praktijkervaring, onderzoek en casestudy’s uit binnen hun eigen netwerken.',
    action: 'Uitnodiging aannemen',
    expiry: 'De uitnodiging is voor {email} en geldig tot {date}.',
    ignore: 'Verwachtte je deze uitnodiging niet? Dan kun je deze mail negeren.',
  },
  verifyEmail: {
    subject: 'Bevestig je e-mailadres voor Tandem',
    preview: 'Eén klik om je adres te bevestigen.',
    greeting: 'Hallo {name},',
    bodySignUp: 'Welkom bij Tandem! Bevestig dat {email} je e-mailadres is.',
    bodyChange:
      'Je wilt {email} gebruiken voor je Tandem-account. Bevestig het, dan vervangt het je huidige adres.',
    action: 'Mijn adres bevestigen',
    expiry: 'De link werkt één keer, 48 uur lang.',
    ignore: 'Heb je hier niet om gevraagd? Negeer deze mail dan: er verandert niets.',
  },
  passwordReset: {
    subject: 'Stel je Tandem-wachtwoord opnieuw in',
    preview: 'Kies een nieuw wachtwoord voor je Tandem-account.',
    greeting: 'Hallo {name},',
    body: 'Iemand, hopelijk jij, heeft gevraagd om het wachtwoord van het Tandem-account voor {email} opnieuw in te stellen.',
    action: 'Nieuw wachtwoord kiezen',
    expiry:
      'De link werkt één keer, 60 minuten lang. Met een nieuw wachtwoord word je op al je apparaten afgemeld.',
    ignore: 'Heb je hier niet om gevraagd? Negeer deze mail dan: je wachtwoord blijft hetzelfde.',
  },
  passwordChanged: {
    subject: 'Je Tandem-wachtwoord is gewijzigd',
    preview: 'Een bericht over de beveiliging van je account.',
    greeting: 'Hallo {name},',
    body: 'Het wachtwoord van je Tandem-account is gewijzigd op {date}. Je andere sessies zijn afgemeld.',
    warning: 'Was jij dit niet? Stel je wachtwoord dan meteen opnieuw in.',
    action: 'Wachtwoord opnieuw instellen',
  },
  emailChanged: {
    subject: 'Je e-mailadres bij Tandem is gewijzigd',
    preview: 'Je account gebruikt nu een ander adres.',
    greeting: 'Hallo {name},',
    body: 'Je Tandem-account gebruikt nu {email}. Mail van Tandem komt niet meer naar dit adres.',
    warning:
      'Heb je dit niet zelf gewijzigd? Neem dan contact op met een beheerder van je netwerk: misschien heeft iemand toegang tot je account.',
  },
};
