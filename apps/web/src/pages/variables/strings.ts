/** Strings of the pilot's own variables on the participant page. */
const nl = {
  title: 'Eigen variabelen van de pilot',
  notRecorded: 'niet vastgelegd',
};
export type VariableStrings = typeof nl;
const en: VariableStrings = {
  title: 'The pilot’s own variables',
  notRecorded: 'not recorded',
};
export const variableStrings = { nl, en };
