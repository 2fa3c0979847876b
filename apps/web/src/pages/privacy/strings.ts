/** Strings of the personal-data screens (SPEC §8): erasure, access requests, retention, register. */
export const privacyStrings = {
  nl: {
    erase: {
      title: 'Deelnemer wissen',
      intro:
        'Wissen is definitief (AVG art. 17). Alleen doen op verzoek van de betrokkene of als de gegevens niet meer nodig zijn.',
      open: 'Deelnemer wissen…',
      consequences: (ref: string) =>
        `Wat er gebeurt als u ${ref} wist: de gegevens bij de start, alle gebeurtenissen, de afgeleide uitkomsten en de BSN-hash worden verwijderd. De cijfers van de pilot worden direct opnieuw berekend zonder deze persoon. Het auditlog bewaart alleen dát er gewist is, door wie en waarom — niet de gegevens zelf. Dit kan niet ongedaan worden gemaakt. Dezelfde referentie kan daarna opnieuw worden geïmporteerd, als nieuwe persoon.`,
      reason: 'Reden (komt in het auditlog; noem geen persoonsgegevens)',
      confirm: 'Definitief wissen',
      cancel: 'Annuleren',
      done: 'De deelnemer is gewist.',
    },
    retention: {
      soon: (date: string) =>
        `De bewaartermijn van deze pilot loopt af op ${date}. Daarna worden de deelnemersgegevens gewist of teruggebracht tot totaalcijfers.`,
      due: (date: string) =>
        `De bewaartermijn van deze pilot is verlopen op ${date}. Een beheerder moet de deelnemersgegevens nu wissen of terugbrengen tot totaalcijfers.`,
      review: (date: string) =>
        `De bewaartermijn (${date}) is bij de upgrade automatisch gezet en moet nog worden beoordeeld.`,
      erased: (date: string) =>
        `De deelnemersgegevens van deze pilot zijn op ${date} gewist na afloop van de bewaartermijn.`,
      reduced: (date: string) =>
        `De deelnemersgegevens van deze pilot zijn op ${date} teruggebracht tot totaalcijfers. Curves, subgroepen en cohorten zijn niet meer beschikbaar.`,
      adminTitle: 'Bewaartermijnen',
      adminIntro:
        'Pilots waarvan de bewaartermijn binnen 90 dagen afloopt of verlopen is. Bekijk eerst wat er verdwijnt en wat blijft.',
      none: 'Geen pilots met een aflopende bewaartermijn.',
      pilot: 'Pilot',
      until: 'Bewaren tot',
      status: 'Status',
      statuses: { ok: 'loopt', soon: 'loopt binnenkort af', due: 'verlopen' },
      people: 'Deelnemers',
      events: 'Gebeurtenissen',
      preview: 'Voorbeeld bekijken',
      previewTitle: (name: string) => `Wat gebeurt er met ${name}?`,
      remainsErase: 'Na volledig wissen blijft over:',
      remainsReduce: 'Na terugbrengen tot totaalcijfers blijft over:',
      remains: {
        pilot: 'de pilot zelf (naam, gemeente, datums)',
        processingRecord: 'het verwerkingsregister van de pilot',
        budgetLines: 'de begrotingsregels',
        exportLog: 'het overzicht van exports (wie, wanneer)',
        auditLog: 'het auditlog',
        outcomeSummary: 'de samenvatting van de uitkomsten per groep (voor de wethouder)',
      } as Record<string, string>,
      gone: (people: string, events: string) =>
        `Verdwijnt: ${people} deelnemers en ${events} gebeurtenissen.`,
      confirmLabel: (date: string) => `Typ ter bevestiging de bewaardatum (${date})`,
      eraseAll: 'Volledig wissen',
      reduce: 'Terugbrengen tot totaalcijfers',
      notDue: 'Deze pilot kan pas na de bewaardatum worden gewist.',
      applied: (state: string) =>
        `Klaar: de pilot is ${state === 'erased' ? 'gewist' : 'teruggebracht tot totaalcijfers'}.`,
    },
    register: {
      title: 'Verwerkingsregister',
      intro:
        'Eén regel per pilot: doel, grondslag, overeenkomst, afdeling en contact (AVG art. 30). Ontbrekende velden zijn gemarkeerd.',
      download: 'Download als CSV',
      name: 'Pilot',
      purpose: 'Doel',
      legalBasis: 'Grondslag',
      agreementRef: 'Overeenkomst',
      department: 'Afdeling',
      contact: 'Contact',
      retainUntil: 'Bewaren tot',
      missing: 'ontbreekt',
      review: 'te beoordelen',
    },
    processing: {
      title: 'Verwerking',
      intro:
        'U exporteert persoonsgegevens onder dit doel en deze afspraken. Ze worden meegeschreven in datapackage.json.',
      retainUntil: 'Bewaren tot',
      notRecorded:
        'Niet vastgelegd: vraag de programmamanager dit aan te vullen voordat u exporteert.',
    },
    access: {
      title: 'Inzageverzoek',
      intro:
        'Zoek een persoon op referentie of BSN en druk af wat Wegwijzer over hem of haar bewaart (AVG art. 15). Een BSN wordt alleen gehasht om te zoeken en nergens bewaard of gelogd.',
      by: 'Zoeken op',
      byRef: 'Referentie',
      byBsn: 'BSN',
      refValue: 'Referentie van de persoon',
      bsnValue: 'BSN van de persoon',
      search: 'Zoeken',
      none: 'Niets gevonden in de pilots die u mag inzien.',
      print: 'Afdrukken',
      download: 'Download als HTML',
      docTitle: 'Overzicht van bewaarde gegevens',
      docIntro: (date: string, who: string) =>
        `Opgesteld op ${date} door ${who}. Dit overzicht bevat alle gegevens die Wegwijzer over deze persoon bewaart.`,
      pilot: 'Pilot',
      municipality: 'Gemeente',
      purpose: 'Doel van de verwerking',
      legalBasis: 'Grondslag',
      agreementRef: 'Overeenkomst',
      contact: 'Contact',
      retainUntil: 'Bewaard tot',
      baseline: 'Gegevens bij de start',
      events: 'Gebeurtenissen',
      noEvents: 'Geen gebeurtenissen.',
      date: 'Datum',
      type: 'Soort',
      value: 'Waarde',
      exports: 'Opgenomen in exports voor onderzoek',
      noExports: 'Niet opgenomen in een export.',
      exportedBy: 'Onderzoeker',
      exportedAt: 'Datum',
      bsnHeld: 'BSN: alleen een versleutelde (gehashte) vorm wordt bewaard, het nummer zelf niet.',
      noBsn: 'BSN: niet bewaard.',
    },
  },
  en: {
    erase: {
      title: 'Erase participant',
      intro:
        'Erasure is final (GDPR art. 17). Only do this at the person’s request or when the data are no longer needed.',
      open: 'Erase participant…',
      consequences: (ref: string) =>
        `What happens when you erase ${ref}: the baseline, every event, the derived outcomes and the BSN hash are deleted. The pilot’s figures are recomputed at once without this person. The audit log keeps only that an erasure happened, by whom and why — not the data. This cannot be undone. The same reference can be imported again afterwards, as a new person.`,
      reason: 'Reason (goes into the audit log; name no personal data)',
      confirm: 'Erase for good',
      cancel: 'Cancel',
      done: 'The participant was erased.',
    },
    retention: {
      soon: (date: string) =>
        `This pilot’s retention period ends on ${date}. After that the participant data are erased or reduced to aggregate figures.`,
      due: (date: string) =>
        `This pilot’s retention period ended on ${date}. An administrator must now erase the participant data or reduce them to aggregate figures.`,
      review: (date: string) =>
        `The retention date (${date}) was set automatically by the upgrade and still needs review.`,
      erased: (date: string) =>
        `This pilot’s participant data were erased on ${date} after the retention period.`,
      reduced: (date: string) =>
        `This pilot’s participant data were reduced to aggregate figures on ${date}. Curves, subgroups and cohorts are no longer available.`,
      adminTitle: 'Retention',
      adminIntro:
        'Pilots whose retention date is within 90 days or has passed. Look at what goes and what remains first.',
      none: 'No pilots with a retention date coming up.',
      pilot: 'Pilot',
      until: 'Keep until',
      status: 'Status',
      statuses: { ok: 'running', soon: 'ends soon', due: 'passed' },
      people: 'Participants',
      events: 'Events',
      preview: 'Preview',
      previewTitle: (name: string) => `What happens to ${name}?`,
      remainsErase: 'After full erasure, what remains:',
      remainsReduce: 'After reduction to aggregate figures, what remains:',
      remains: {
        pilot: 'the pilot itself (name, municipality, dates)',
        processingRecord: 'the pilot’s processing record',
        budgetLines: 'the budget lines',
        exportLog: 'the list of exports (who, when)',
        auditLog: 'the audit log',
        outcomeSummary: 'the outcome summary per group (for the alderman)',
      } as Record<string, string>,
      gone: (people: string, events: string) =>
        `Goes: ${people} participants and ${events} events.`,
      confirmLabel: (date: string) => `Type the retention date (${date}) to confirm`,
      eraseAll: 'Erase fully',
      reduce: 'Reduce to aggregate figures',
      notDue: 'This pilot can only be erased after its retention date.',
      applied: (state: string) =>
        `Done: the pilot was ${state === 'erased' ? 'erased' : 'reduced to aggregate figures'}.`,
    },
    register: {
      title: 'Processing register',
      intro:
        'One row per pilot: purpose, legal basis, agreement, department and contact (GDPR art. 30). Missing fields are marked.',
      download: 'Download as CSV',
      name: 'Pilot',
      purpose: 'Purpose',
      legalBasis: 'Legal basis',
      agreementRef: 'Agreement',
      department: 'Department',
      contact: 'Contact',
      retainUntil: 'Keep until',
      missing: 'missing',
      review: 'to review',
    },
    processing: {
      title: 'Processing',
      intro:
        'You are exporting personal data under this purpose and these agreements. They are written into datapackage.json.',
      retainUntil: 'Keep until',
      notRecorded: 'Not recorded: ask the programme manager to complete it before you export.',
    },
    access: {
      title: 'Access request',
      intro:
        'Find a person by reference or BSN and print what Wegwijzer holds on them (GDPR art. 15). A BSN is only hashed to search and never stored or logged.',
      by: 'Search by',
      byRef: 'Reference',
      byBsn: 'BSN',
      refValue: 'The person’s reference',
      bsnValue: 'The person’s BSN',
      search: 'Search',
      none: 'Nothing found in the pilots you may see.',
      print: 'Print',
      download: 'Download as HTML',
      docTitle: 'Overview of data held',
      docIntro: (date: string, who: string) =>
        `Drawn up on ${date} by ${who}. This overview holds all data Wegwijzer keeps on this person.`,
      pilot: 'Pilot',
      municipality: 'Municipality',
      purpose: 'Purpose of processing',
      legalBasis: 'Legal basis',
      agreementRef: 'Agreement',
      contact: 'Contact',
      retainUntil: 'Kept until',
      baseline: 'Baseline',
      events: 'Events',
      noEvents: 'No events.',
      date: 'Date',
      type: 'Type',
      value: 'Value',
      exports: 'Included in research exports',
      noExports: 'Not included in any export.',
      exportedBy: 'Researcher',
      exportedAt: 'Date',
      bsnHeld: 'BSN: only a hashed form is kept, never the number itself.',
      noBsn: 'BSN: not held.',
    },
  },
};
