/** Words of the shared components (states, error pages, tables), in Dutch and English. */
export const componentStrings = {
  nl: {
    forbiddenTitle: 'Geen toegang',
    forbidden:
      'U heeft geen toegang tot deze pagina of pilot. Denkt u dat dit niet klopt? Vraag de beheerder van Wegwijzer om toegang.',
    notFoundTitle: 'Niet gevonden',
    notFound: 'Wat u zoekt bestaat niet (meer), of het adres klopt niet.',
    backToOverview: 'Terug naar het overzicht',
    unauthorized: 'U bent niet (meer) ingelogd. Log opnieuw in.',
    tooMany: 'Te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.',
    conflict: 'Dit kan nu niet: de gegevens zijn intussen gewijzigd of bestaan al.',
    invalid: 'De gegevens zijn niet geldig. Controleer de velden en probeer het opnieuw.',
    tooLarge: 'Het bestand of verzoek is te groot.',
    gone: 'De persoonsgegevens van deze pilot zijn na de bewaartermijn verwijderd; dit cijfer kan niet meer worden berekend.',
    server: 'De server kon dit verzoek niet verwerken. Probeer het over een paar minuten opnieuw.',
    network: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    table: 'Tabel',
    scrollTable: (label: string) => `${label} (schuif zijwaarts voor meer kolommen)`,
  },
  en: {
    forbiddenTitle: 'No access',
    forbidden:
      'You have no access to this page or pilot. If you think this is wrong, ask the Wegwijzer administrator for access.',
    notFoundTitle: 'Not found',
    notFound: 'What you are looking for does not exist (any more), or the address is wrong.',
    backToOverview: 'Back to the overview',
    unauthorized: 'You are not logged in (any more). Please log in again.',
    tooMany: 'Too many requests in a row. Wait a moment and try again.',
    conflict: 'This is not possible now: the data changed in the meantime or already exist.',
    invalid: 'The data are not valid. Check the fields and try again.',
    tooLarge: 'The file or request is too large.',
    gone: "This pilot's personal data were deleted at the end of the retention period; this figure can no longer be computed.",
    server: 'The server could not handle this request. Try again in a few minutes.',
    network: 'The server cannot be reached. Check your connection and try again.',
    table: 'Table',
    scrollTable: (label: string) => `${label} (scroll sideways for more columns)`,
  },
};
