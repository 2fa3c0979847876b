import { countNoun } from '../../format.ts';
/** Strings of the Exporteren page (its own chunk). */
export const exportStrings = {
  nl: {
    title: 'Exporteren',
    intro:
      'Stel een cohort samen en download het als zip met deelnemers, gebeurtenissen en een beschrijving (datapackage.json). Deelnemers krijgen een pseudoniem; elke export wordt vastgelegd in het auditlog.',
    cohort: 'Cohort',
    arm: 'Groep',
    allArms: 'Beide groepen',
    intakePeriod: 'Periode van intake',
    intakeFrom: 'Intake vanaf',
    intakeTo: 'Intake tot en met',
    subgroups: 'Kenmerken bij de start',
    subgroupsHint:
      'Niets aangevinkt betekent: iedereen. Vink waarden aan om alleen die deelnemers te exporteren.',
    count: (n: string) => `${countNoun(n, 'deelnemer', 'deelnemers')} in deze selectie`,
    counting: 'Tellen…',
    none: 'Geen deelnemers in deze selectie. Verruim de filters.',
    file: 'Bestand',
    dialect: 'Bestandsformaat',
    dialects: {
      csv: 'CSV (komma, punt als decimaalteken) — voor R, Python, SPSS',
      'excel-nl':
        'Excel-NL (puntkomma, komma als decimaalteken) — opent direct goed in Nederlandse Excel',
    },
    dateShift: 'Datums verschuiven',
    dateShiftHelp:
      'Alle datums van één deelnemer schuiven met hetzelfde willekeurige aantal dagen (0 tot 364) op. De tijd tussen gebeurtenissen blijft gelijk, zodat uitstroom en duur kloppen, maar echte datums zijn niet meer te herleiden. Gebruik dit als de ontvanger geen kalenderdatums nodig heeft (bijvoorbeeld geen seizoenseffecten onderzoekt).',
    download: 'Download export (zip)',
    preparing: 'De export wordt voorbereid…',
    receiving: (kb: string) => `Downloaden: ${kb} kB ontvangen`,
    done: (name: string, kb: string) => `Klaar: ${name} (${kb} kB) is gedownload.`,
    resetFilters: 'Filters wissen',
  },
  en: {
    title: 'Export',
    intro:
      'Build a cohort and download it as a zip with participants, events and a description (datapackage.json). Participants get a pseudonym; every export is recorded in the audit log.',
    cohort: 'Cohort',
    arm: 'Group',
    allArms: 'Both groups',
    intakePeriod: 'Intake period',
    intakeFrom: 'Intake from',
    intakeTo: 'Intake up to and including',
    subgroups: 'Baseline characteristics',
    subgroupsHint: 'Nothing ticked means everyone. Tick values to export only those participants.',
    count: (n: string) => `${countNoun(n, 'participant', 'participants')} in this selection`,
    counting: 'Counting…',
    none: 'No participants in this selection. Widen the filters.',
    file: 'File',
    dialect: 'File format',
    dialects: {
      csv: 'CSV (comma, decimal point) — for R, Python, SPSS',
      'excel-nl': 'Excel-NL (semicolon, decimal comma) — opens correctly in Dutch Excel',
    },
    dateShift: 'Shift dates',
    dateShiftHelp:
      'All dates of one participant move by the same random number of days (0 to 364). The time between events stays the same, so exits and durations are right, but real dates can no longer be traced. Use this when the recipient needs no calendar dates (for example no seasonal effects).',
    download: 'Download export (zip)',
    preparing: 'Preparing the export…',
    receiving: (kb: string) => `Downloading: ${kb} kB received`,
    done: (name: string, kb: string) => `Done: ${name} (${kb} kB) has been downloaded.`,
    resetFilters: 'Clear filters',
  },
};
