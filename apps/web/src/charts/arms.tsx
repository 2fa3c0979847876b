import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_PILOT_ARMS } from '@wegwijzer/domain/values';
import { useI18n } from '../i18n.tsx';
import { armStyles, type ArmStyle } from './colors.ts';

/**
 * The declared arms of the pilot a screen shows, for every chart on it: each arm's label in the
 * page's language and its one style (colour, dash, marker) by declared order. Screens that show
 * one pilot provide its arms; elsewhere the default two apply.
 */
export interface DeclaredArm {
  code: string;
  label: string;
  labelEn: string | null;
}

const ArmsContext = createContext<readonly DeclaredArm[]>(DEFAULT_PILOT_ARMS);

export function ArmsProvider({
  arms,
  children,
}: {
  arms: readonly DeclaredArm[] | undefined;
  children: ReactNode;
}) {
  return (
    <ArmsContext.Provider value={arms && arms.length > 0 ? arms : DEFAULT_PILOT_ARMS}>
      {children}
    </ArmsContext.Provider>
  );
}

export interface ArmLook {
  /** The declared codes, in order. */
  codes: readonly string[];
  label: (code: string) => string;
  style: (code: string) => ArmStyle;
}

/**
 * An arm's label in a language: its declared label (English where declared), the dictionary's
 * wording for the default two arms, and the code only for an arm the pilot does not declare.
 */
export function armLabel(
  arms: readonly DeclaredArm[],
  code: string,
  locale: string,
  standard: Record<string, string>,
): string {
  const a = arms.find((x) => x.code === code);
  // The default arms keep the dictionary's wording, which each language has.
  if (!a || DEFAULT_PILOT_ARMS.some((d) => d.code === code && d.label === a.label))
    return standard[code] ?? a?.label ?? code;
  return (locale === 'en' ? a.labelEn : null) ?? a.label;
}

export function useArmLook(): ArmLook {
  const { t, locale } = useI18n();
  const arms = useContext(ArmsContext);
  const codes = arms.map((a) => a.code);
  const styles = armStyles(codes);
  const standard = t.arms as Record<string, string>;
  return {
    codes,
    label: (code) => armLabel(arms, code, locale, standard),
    style: (code) => styles[code] ?? armStyles([...codes, code])[code]!,
  };
}
