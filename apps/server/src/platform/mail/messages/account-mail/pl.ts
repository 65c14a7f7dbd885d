import type { AccountMailMessages } from './account-mail-messages';

export const accountPl: AccountMailMessages = {
  roles: { member: 'członek', moderator: 'moderator', admin: 'administrator' },
  invitation: {
    subject: '{inviter} zaprasza Cię do sieci {network} w Tandem',
    preview: 'Dołącz do sieci {network}, aby wymieniać się praktykami z jej członkami.',
    greeting: 'Dzień dobry,',
    body: '{inviter} zaprasza Cię do sieci {network} w Tandem. Rola: {role}.',
    about:
      'Tandem to miejsce, w którym osoby prowadzące programy integracyjne wymieniają się praktykami, badaniami i studiami przypadków w swoich własnych sieciach.',
    action: 'Przyjmij zaproszenie',
    expiry: 'Zaproszenie jest dla adresu {email} i jest ważne do {date}.',
    ignore: 'Jeśli się go nie spodziewasz, możesz zignorować tę wiadomość.',
  },
  verifyEmail: {
    subject: 'Potwierdź swój adres e-mail w Tandem',
    preview: 'Jedno kliknięcie, aby potwierdzić adres.',
    greeting: 'Dzień dobry, {name},',
    bodySignUp: 'Witamy w Tandem! Potwierdź, że {email} to Twój adres e-mail.',
    bodyChange:
      'Poprosiłeś(-aś) o używanie adresu {email} w swoim koncie Tandem. Po potwierdzeniu zastąpi on obecny adres.',
    action: 'Potwierdź adres',
    expiry: 'Link działa jeden raz przez 48 godzin.',
    ignore: 'Jeśli to nie Ty, zignoruj tę wiadomość: nic się nie zmieni.',
  },
  passwordReset: {
    subject: 'Zresetuj hasło do Tandem',
    preview: 'Ustaw nowe hasło do swojego konta Tandem.',
    greeting: 'Dzień dobry, {name},',
    body: 'Ktoś, miejmy nadzieję, że Ty, poprosił o zresetowanie hasła do konta Tandem dla adresu {email}.',
    action: 'Ustaw nowe hasło',
    expiry: 'Link działa jeden raz przez 60 minut. Nowe hasło wyloguje Cię ze wszystkich urządzeń.',
    ignore: 'Jeśli to nie Ty, zignoruj tę wiadomość: hasło pozostanie bez zmian.',
  },
  passwordChanged: {
    subject: 'Hasło do Tandem zostało zmienione',
    preview: 'Powiadomienie o bezpieczeństwie Twojego konta.',
    greeting: 'Dzień dobry, {name},',
    body: 'Hasło do Twojego konta Tandem zostało zmienione {date}. Pozostałe sesje zostały zakończone.',
    warning: 'Jeśli to nie Ty, natychmiast zresetuj hasło.',
    action: 'Zresetuj hasło',
  },
  emailChanged: {
    subject: 'Twój adres e-mail w Tandem został zmieniony',
    preview: 'Twoje konto używa teraz innego adresu.',
    greeting: 'Dzień dobry, {name},',
    body: 'Twoje konto Tandem używa teraz adresu {email}. Wiadomości z Tandem nie będą już przychodzić na ten adres.',
    warning:
      'Jeśli to nie Ty wprowadziłeś(-aś) tę zmianę, skontaktuj się z administratorem swojej sieci: ktoś może mieć dostęp do Twojego konta.',
  },
};
