/** Strings of the account page (its own chunk). */
export const accountStrings = {
  nl: {
    title: 'Mijn account',
    intro: (email: string) => `U bent ingelogd als ${email}.`,
    changePassword: 'Wachtwoord wijzigen',
    current: 'Huidig wachtwoord',
    next: 'Nieuw wachtwoord',
    nextHint:
      'Minstens 12 tekens. Veelgebruikte wachtwoorden en voorspelbare reeksen (zoals 123456789012) worden geweigerd; een zin van een paar woorden werkt goed.',
    repeat: 'Nieuw wachtwoord nogmaals',
    save: 'Wachtwoord wijzigen',
    saved: 'Uw wachtwoord is gewijzigd. Andere sessies van uw account zijn beëindigd.',
    errRequired: 'Vul dit veld in.',
    errShort: 'Het nieuwe wachtwoord moet minstens 12 tekens hebben.',
    errRepeat: 'De twee nieuwe wachtwoorden zijn niet gelijk.',
    errCurrent: 'Het huidige wachtwoord klopt niet.',
    errWeak:
      'Dit wachtwoord is te gangbaar of te makkelijk te raden. Kies een langer of minder voorspelbaar wachtwoord.',
    errThrottled: 'Te vaak een verkeerd wachtwoord. Probeer het later opnieuw.',
  },
  en: {
    title: 'My account',
    intro: (email: string) => `You are logged in as ${email}.`,
    changePassword: 'Change password',
    current: 'Current password',
    next: 'New password',
    nextHint:
      'At least 12 characters. Common passwords and predictable sequences (such as 123456789012) are refused; a phrase of a few words works well.',
    repeat: 'New password again',
    save: 'Change password',
    saved: 'Your password has been changed. Other sessions of your account have ended.',
    errRequired: 'Fill in this field.',
    errShort: 'The new password needs at least 12 characters.',
    errRepeat: 'The two new passwords differ.',
    errCurrent: 'The current password is wrong.',
    errWeak:
      'This password is too common or too easy to guess. Choose a longer or less predictable one.',
    errThrottled: 'Too many wrong passwords. Try again later.',
  },
};
