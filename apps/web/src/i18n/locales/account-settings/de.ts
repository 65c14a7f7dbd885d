import type { AccountSettingsMessages } from './messages';

export const accountSettingsDe: AccountSettingsMessages = {
  accountSettings: {
    profileTitle: 'Profil',
    save: 'Speichern',
    saved: 'Gespeichert.',
    languageTitle: 'Sprache',
    uiLanguage: 'Sprache von Tandem und Ihrer E-Mails',
    uiLanguageHint:
      'Tandem und die E-Mails, die Sie erhalten, verwenden diese Sprache – auf jedem Gerät.',
    readingLanguages: 'Sprachen, die Sie lesen',
    readingLanguagesHint: 'Damit andere wissen, in welchen Sprachen sie mit Ihnen teilen können.',
    saveReadingLanguages: 'Lesesprachen speichern',
    emailTitle: 'E-Mail-Adresse',
    currentEmail: 'Ihre Adresse: {{email}}',
    verified: 'Bestätigt',
    unverified: 'Nicht bestätigt',
    unverifiedHint:
      'Bitte bestätigen Sie Ihre Adresse mit dem Link, den wir Ihnen geschickt haben.',
    pending:
      'Wartet auf Bestätigung: {{email}}. Öffnen Sie den Link, den wir dorthin geschickt haben; bis dahin gehen E-Mails an Ihre bisherige Adresse.',
    resend: 'Link erneut senden',
    resent: 'Ein neuer Link ist unterwegs an {{email}}.',
    newEmail: 'Neue E-Mail-Adresse',
    currentPassword: 'Aktuelles Passwort',
    changeEmail: 'Adresse ändern',
    emailRequested:
      'Wir haben einen Link an {{email}} geschickt. Ihre Adresse ändert sich, sobald Sie ihn öffnen.',
    passwordTitle: 'Passwort',
    newPassword: 'Neues Passwort',
    changePassword: 'Passwort ändern',
    passwordChanged: 'Ihr Passwort ist geändert. Ihre anderen Sitzungen wurden abgemeldet.',
    sessionsTitle: 'Wo Sie angemeldet sind',
    sessionsIntro:
      'Jeder Browser und jedes Gerät, auf dem Sie sich angemeldet haben, ist eine Sitzung. Melden Sie die ab, die Sie nicht kennen.',
    otherSessions_one: 'Sie sind in {{count}} weiteren Sitzung angemeldet.',
    otherSessions_other: 'Sie sind in {{count}} weiteren Sitzungen angemeldet.',
    device: '{{browser}} unter {{os}}',
    unknownDevice: 'Unbekannter Browser',
    thisSession: 'Diese Sitzung',
    started: 'Angemeldet am {{date}}',
    lastActive: 'Zuletzt aktiv am {{date}}',
    endSession: 'Dort abmelden',
    endThisSession: 'Hier abmelden',
    sessionEnded: 'Diese Sitzung ist abgemeldet.',
  },
  passwordReset: {
    forgotLink: 'Passwort vergessen?',
    forgotTitle: 'Passwort zurücksetzen',
    forgotIntro:
      'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort wählen.',
    send: 'Link senden',
    sentTitle: 'Sehen Sie in Ihr Postfach',
    sent: 'Falls zu {{email}} ein Tandem-Konto gehört, ist ein Link zum Zurücksetzen unterwegs. Er funktioniert einmal und 60 Minuten lang.',
    backToSignIn: 'Zurück zur Anmeldung',
    resetTitle: 'Neues Passwort wählen',
    newPassword: 'Neues Passwort',
    confirmPassword: 'Neues Passwort wiederholen',
    mismatch: 'Die beiden Passwörter stimmen nicht überein.',
    save: 'Neues Passwort speichern',
    done: 'Ihr Passwort ist geändert und Sie sind überall abgemeldet. Melden Sie sich mit dem neuen Passwort an.',
    invalidLink:
      'Dieser Link funktioniert nicht mehr: Er wurde schon benutzt, ist abgelaufen oder durch einen neueren ersetzt. Fordern Sie einen neuen Link an.',
    missingToken:
      'Öffnen Sie diese Seite über den Link in der E-Mail oder fordern Sie einen neuen Link an.',
    askAgain: 'Neuen Link anfordern',
    tooMany: 'Zu viele Versuche. Bitte versuchen Sie es später noch einmal.',
  },
  verifyEmail: {
    title: 'E-Mail-Adresse bestätigen',
    checking: 'Ihre Adresse wird bestätigt …',
    done: '{{email}} ist bestätigt. Vielen Dank!',
    taken:
      'Ein anderes Konto verwendet diese Adresse inzwischen, daher kann sie für Ihres nicht bestätigt werden.',
    missingToken: 'Öffnen Sie diese Seite über den Link in der E-Mail.',
    toSettings: 'Zu Ihren Einstellungen',
    toSignIn: 'Anmelden',
  },
};
