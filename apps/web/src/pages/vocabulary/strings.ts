/** One vocabulary across Overzicht, Mijn pilots and Vergelijken (issue 16): words used alike. */

const nl = {
  participantsBoth: 'Deelnemers (beide groepen)',
  pendingPerArm: 'Nog te vroeg, per groep',
  savings: 'Besparing',
  netEffect: 'netto-effect t.o.v. controle',
  gross: 'bruto besparing, geen vergelijkingsgroep',
  netColumn: 'Netto-effect t.o.v. controle',
  netColumnWho: 'pilots met controlegroep',
  grossColumn: 'Bruto besparing',
  grossColumnWho: 'pilots zonder controlegroep: geen netto-effect',
};

export type VocabularyStrings = typeof nl;

const en: VocabularyStrings = {
  participantsBoth: 'Participants (both groups)',
  pendingPerArm: 'Too recent, per group',
  savings: 'Savings',
  netEffect: 'net effect vs control',
  gross: 'gross savings, no comparison group',
  netColumn: 'Net effect vs control',
  netColumnWho: 'pilots with a control group',
  grossColumn: 'Gross savings',
  grossColumnWho: 'pilots without a control group: no net effect',
};

export const vocabularyStrings = { nl, en };
