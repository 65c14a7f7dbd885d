import type { AccountMailMessages } from './account-mail-messages';

export const accountSv: AccountMailMessages = {
  roles: { member: 'medlem', moderator: 'moderator', admin: 'administratör' },
  invitation: {
    subject: '{inviter} bjuder in dig till {network} på Tandem',
    preview: 'Gå med i {network} och utbyt erfarenheter med medlemmarna.',
    greeting: 'Hej!',
    body: '{inviter} bjuder in dig att gå med i {network} på Tandem som {role}.',
    about:
      'På Tandem utbyter personer som driver integrationsprogram erfarenheter, forskning och fallstudier inom sina egna nätverk.',
    action: 'Tacka ja till inbjudan',
    expiry: 'Inbjudan gäller {email} och är giltig till och med {date}.',
    ignore: 'Om du inte väntade dig den kan du bortse från det här mejlet.',
  },
  verifyEmail: {
    subject: 'Bekräfta din e-postadress för Tandem',
    preview: 'Ett klick för att bekräfta din adress.',
    greeting: 'Hej {name}!',
    bodySignUp: 'Välkommen till Tandem! Bekräfta att {email} är din e-postadress.',
    bodyChange:
      'Du har bett om att använda {email} för ditt Tandem-konto. Bekräfta den så ersätter den din nuvarande adress.',
    action: 'Bekräfta min adress',
    expiry: 'Länken fungerar en gång, i 48 timmar.',
    ignore: 'Om det inte var du som bad om detta kan du bortse från mejlet: ingenting ändras.',
  },
  passwordReset: {
    subject: 'Återställ ditt lösenord till Tandem',
    preview: 'Välj ett nytt lösenord för ditt Tandem-konto.',
    greeting: 'Hej {name}!',
    body: 'Någon, förhoppningsvis du, har bett om att återställa lösenordet för Tandem-kontot för {email}.',
    action: 'Välj ett nytt lösenord',
    expiry:
      'Länken fungerar en gång, i 60 minuter. Ett nytt lösenord loggar ut dig på alla enheter.',
    ignore: 'Om det inte var du kan du bortse från mejlet: ditt lösenord förblir detsamma.',
  },
  passwordChanged: {
    subject: 'Ditt lösenord till Tandem har ändrats',
    preview: 'Ett meddelande om ditt kontos säkerhet.',
    greeting: 'Hej {name}!',
    body: 'Lösenordet till ditt Tandem-konto ändrades den {date}. Dina andra sessioner har loggats ut.',
    warning: 'Om det inte var du, återställ ditt lösenord direkt.',
    action: 'Återställ mitt lösenord',
  },
  emailChanged: {
    subject: 'Din e-postadress på Tandem har ändrats',
    preview: 'Ditt konto använder nu en annan adress.',
    greeting: 'Hej {name}!',
    body: 'Ditt Tandem-konto använder nu {email}. E-post från Tandem skickas inte längre till den här adressen.',
    warning:
      'Om du inte gjorde ändringen, kontakta en administratör i ditt nätverk: någon kan ha tillgång till ditt konto.',
  },
};
