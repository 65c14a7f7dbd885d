import type { AccountMailMessages } from './account-mail-messages';

export const accountDe: AccountMailMessages = {
  roles: { member: 'Mitglied', moderator: 'Moderator/in', admin: 'Administrator/in' },
  invitation: {
    subject: '{inviter} lädt Sie zu {network} auf Tandem ein',
    preview: 'Treten Sie {network} bei und tauschen Sie Praxiswissen mit den Mitgliedern aus.',
    greeting: 'Guten Tag,',
    body: '{inviter} lädt Sie ein, {network} auf Tandem als {role} beizutreten.',
    about:
      'Auf Tandem tauschen Menschen, die Integrationsprogramme leiten, Praxiswissen, Forschung und Fallstudien in ihren eigenen Netzwerken aus.',
    action: 'Einladung annehmen',
    expiry: 'Die Einladung gilt für {email} und ist bis zum {date} gültig.',
    ignore: 'Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
  },
  verifyEmail: {
    subject: 'Bestätigen Sie Ihre E-Mail-Adresse für Tandem',
    preview: 'Ein Klick, um Ihre Adresse zu bestätigen.',
    greeting: 'Guten Tag {name},',
    bodySignUp:
      'Willkommen bei Tandem! Bitte bestätigen Sie, dass {email} Ihre E-Mail-Adresse ist.',
    bodyChange:
      'Sie möchten {email} für Ihr Tandem-Konto verwenden. Nach der Bestätigung ersetzt sie Ihre bisherige Adresse.',
    action: 'Adresse bestätigen',
    expiry: 'Der Link funktioniert einmal und 48 Stunden lang.',
    ignore:
      'Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Es ändert sich nichts.',
  },
  passwordReset: {
    subject: 'Setzen Sie Ihr Tandem-Passwort zurück',
    preview: 'Wählen Sie ein neues Passwort für Ihr Tandem-Konto.',
    greeting: 'Guten Tag {name},',
    body: 'Jemand – hoffentlich Sie – hat angefordert, das Passwort des Tandem-Kontos für {email} zurückzusetzen.',
    action: 'Neues Passwort wählen',
    expiry:
      'Der Link funktioniert einmal und 60 Minuten lang. Mit einem neuen Passwort werden Sie auf allen Geräten abgemeldet.',
    ignore:
      'Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
  },
  passwordChanged: {
    subject: 'Ihr Tandem-Passwort wurde geändert',
    preview: 'Ein Hinweis zur Sicherheit Ihres Kontos.',
    greeting: 'Guten Tag {name},',
    body: 'Das Passwort Ihres Tandem-Kontos wurde am {date} geändert. Ihre anderen Sitzungen wurden beendet.',
    warning: 'Falls Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück.',
    action: 'Passwort zurücksetzen',
  },
  emailChanged: {
    subject: 'Ihre E-Mail-Adresse bei Tandem wurde geändert',
    preview: 'Ihr Konto verwendet jetzt eine andere Adresse.',
    greeting: 'Guten Tag {name},',
    body: 'Ihr Tandem-Konto verwendet jetzt {email}. E-Mails von Tandem gehen nicht mehr an diese Adresse.',
    warning:
      'Falls Sie diese Änderung nicht vorgenommen haben, wenden Sie sich an eine Administratorin oder einen Administrator Ihres Netzwerks: Möglicherweise hat jemand Zugriff auf Ihr Konto.',
  },
};
