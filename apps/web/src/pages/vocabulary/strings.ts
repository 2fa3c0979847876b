/** One vocabulary across Overzicht, Mijn pilots and Vergelijken (issue 16): words used alike. */

const nl = {
  participantsBoth: 'Deelnemers (beide groepen)',
  pendingPerArm: 'Nog te vroeg, per groep',
  savings: 'Besparing',
  netEffect: 'netto-effect t.o.v. controle',
  gross: 'bruto besparing, geen vergelijkingsgroep',
};

export type VocabularyStrings = typeof nl;

const en: VocabularyStrings = {
  participantsBoth: 'Participants (both groups)',
  pendingPerArm: 'Too recent, per group',
  savings: 'Savings',
  netEffect: 'net effect vs control',
  gross: 'gross savings, no comparison group',
};

export const vocabularyStrings = { nl, en };
