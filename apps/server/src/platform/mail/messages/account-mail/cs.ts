import type { AccountMailMessages } from './account-mail-messages';

export const accountCs: AccountMailMessages = {
  roles: { member: 'člen', moderator: 'moderátor', admin: 'správce' },
  invitation: {
    subject: '{inviter} vás zve do sítě {network} na Tandemu',
    preview: 'Připojte se k síti {network} a sdílejte praxi s jejími členy.',
    greeting: 'Dobrý den,',
    body: '{inviter} vás zve, abyste se připojili k síti {network} na Tandemu v roli: {role}.',
    about:
      'Na Tandemu si lidé, kteří vedou integrační programy, vyměňují praxi, výzkum a případové studie ve svých vlastních sítích.',
    action: 'Přijmout pozvánku',
    expiry: 'Pozvánka je určena pro {email} a platí do {date}.',
    ignore: 'Pokud jste ji nečekali, můžete tento e-mail ignorovat.',
  },
  verifyEmail: {
    subject: 'Potvrďte svou e-mailovou adresu pro Tandem',
    preview: 'Jedno kliknutí k potvrzení adresy.',
    greeting: 'Dobrý den, {name},',
    bodySignUp: 'Vítejte na Tandemu! Potvrďte prosím, že {email} je vaše e-mailová adresa.',
    bodyChange:
      'Požádali jste o používání adresy {email} pro svůj účet na Tandemu. Po potvrzení nahradí vaši současnou adresu.',
    action: 'Potvrdit adresu',
    expiry: 'Odkaz funguje jednou, po dobu 48 hodin.',
    ignore: 'Pokud jste o to nežádali, tento e-mail ignorujte: nic se nezmění.',
  },
  passwordReset: {
    subject: 'Obnovení hesla k Tandemu',
    preview: 'Zvolte nové heslo ke svému účtu na Tandemu.',
    greeting: 'Dobrý den, {name},',
    body: 'Někdo, snad vy, požádal o obnovení hesla k účtu na Tandemu pro adresu {email}.',
    action: 'Zvolit nové heslo',
    expiry: 'Odkaz funguje jednou, po dobu 60 minut. Nové heslo vás odhlásí na všech zařízeních.',
    ignore: 'Pokud jste o to nežádali, tento e-mail ignorujte: vaše heslo zůstane stejné.',
  },
  passwordChanged: {
    subject: 'Vaše heslo k Tandemu bylo změněno',
    preview: 'Upozornění týkající se zabezpečení vašeho účtu.',
    greeting: 'Dobrý den, {name},',
    body: 'Heslo k vašemu účtu na Tandemu bylo změněno {date}. Vaše ostatní relace byly ukončeny.',
    warning: 'Pokud jste to nebyli vy, ihned si heslo obnovte.',
    action: 'Obnovit heslo',
  },
  emailChanged: {
    subject: 'Vaše e-mailová adresa na Tandemu byla změněna',
    preview: 'Váš účet nyní používá jinou adresu.',
    greeting: 'Dobrý den, {name},',
    body: 'Váš účet na Tandemu nyní používá adresu {email}. E-maily z Tandemu už na tuto adresu chodit nebudou.',
    warning:
      'Pokud jste tuto změnu neprovedli, obraťte se na správce své sítě: někdo může mít přístup k vašemu účtu.',
  },
};
