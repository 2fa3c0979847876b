/** Strings of the demo removal on the Beheer page. */
export const demoStrings = {
  nl: {
    title: 'Demogegevens',
    intro:
      'Deze server draait met synthetische demopilots en demo-accounts waarvan de wachtwoorden openbaar zijn. Verwijder ze voordat u echte gegevens invoert.',
    remove: 'Demogegevens en demo-accounts verwijderen',
    confirm:
      'Alle synthetische pilots met hun deelnemers en de vier demo-accounts worden verwijderd. Dit kan niet ongedaan worden gemaakt. Zeker weten?',
    yes: 'Ja, verwijderen',
    cancel: 'Annuleren',
    done: (pilots: number, participants: number, accounts: number) =>
      `Verwijderd: ${pilots} demopilots met ${participants} deelnemers en ${accounts} demo-accounts. Dit staat in de auditlog.`,
  },
  en: {
    title: 'Demo data',
    intro:
      'This server runs with synthetic demo pilots and demo accounts whose passwords are public. Remove them before you enter real data.',
    remove: 'Remove demo data and demo accounts',
    confirm:
      'Every synthetic pilot with its participants and the four demo accounts will be removed. This cannot be undone. Are you sure?',
    yes: 'Yes, remove',
    cancel: 'Cancel',
    done: (pilots: number, participants: number, accounts: number) =>
      `Removed: ${pilots} demo pilots with ${participants} participants and ${accounts} demo accounts. The audit log records it.`,
  },
};
