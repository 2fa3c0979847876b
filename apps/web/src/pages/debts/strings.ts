/** Strings of the debts and money-stress section (its own chunk). */
const nl = {
  title: 'Schulden en geldstress',
  intro:
    'Eerst rust in de financiën, dan andere doelen: hoe vaak komen schulden onder controle, en daalt de geldstress?',
  stabilisedTitle: (k: number) => `Schulden onder controle na ${k} maanden`,
  stabilisedAlt:
    'Balk per groep: het deel van de deelnemers met schulden bij wie de schulden onder controle zijn, met 95%-interval.',
  ofN: (x: string, n: string) => `${x} van ${n} deelnemers met schulden`,
  withDebts: 'Deelnemers met schulden',
  stabilised: 'Onder controle',
  stressTitle: (k: number) => `Verandering in geldstress na ${k} maanden`,
  stressAlt:
    'Balk per groep: de gemiddelde verandering in geldstress op een schaal van 0 tot 10. Naar links is minder geldstress.',
  stressChange: 'Gemiddelde verandering (punten, 0–10)',
  stressN: 'Deelnemers met twee of meer metingen',
  less: 'minder geldstress',
  more: 'meer geldstress',
  points: (v: string) => `${v} punt`,
  overTimeTitle: 'Schulden onder controle per periode na intake',
  overTimeAlt:
    'Lijn per groep over 6, 12, 18, 24 en 36 maanden na intake: het deel met schulden onder controle, met 95%-interval.',
  kmTitle: 'Tijd tot schulden onder controle (Kaplan–Meier)',
  kmAlt:
    'Trap-lijn per groep: welk deel van de deelnemers met schulden na een aantal dagen zijn schulden onder controle heeft, met 95%-interval.',
  days: 'Dagen na intake',
  kmMedian: 'Mediane tijd tot schulden onder controle',
  definitions: [
    'Deelnemers met schulden: deelnemers bij wie na de intake een schuldregistratie (intake schulden) is vastgelegd, en die lang genoeg gevolgd zijn voor de gekozen periode.',
    'Schulden onder controle: binnen de gekozen periode na de intake is een schuldregeling gestart, zijn de schulden gestabiliseerd of is de deelnemer schuldenvrij.',
    'Geldstress: een score van 0 (geen) tot 10 (heel veel). Per deelnemer nemen we de laatste min de eerste meting in de periode, en daarvan het gemiddelde. Een negatief getal betekent dat de geldstress daalt. Alleen deelnemers met minstens twee metingen tellen mee.',
    'De Kaplan–Meier-lijn telt ook deelnemers mee die nog niet zo lang gevolgd zijn, zolang we ze volgen. Zo zie je hoe snel schulden onder controle komen. De lijn stopt waar nog minder dan 10 deelnemers gevolgd worden.',
    'Het 95%-betrouwbaarheidsinterval geeft aan tussen welke waarden het echte percentage waarschijnlijk ligt. Getallen onder de 10 tonen we als "<10".',
  ],
};
export type DebtStrings = typeof nl;
const en: DebtStrings = {
  title: 'Debts and money stress',
  intro:
    'Calm in the finances first, other goals after: how often do debts come under control, and does money stress fall?',
  stabilisedTitle: (k: number) => `Debts under control after ${k} months`,
  stabilisedAlt:
    'One bar per group: the share of participants with debts whose debts are under control, with 95% interval.',
  ofN: (x: string, n: string) => `${x} of ${n} participants with debts`,
  withDebts: 'Participants with debts',
  stabilised: 'Under control',
  stressTitle: (k: number) => `Change in money stress after ${k} months`,
  stressAlt:
    'One bar per group: the mean change in money stress on a scale of 0 to 10. To the left is less money stress.',
  stressChange: 'Mean change (points, 0–10)',
  stressN: 'Participants with two or more scores',
  less: 'less money stress',
  more: 'more money stress',
  points: (v: string) => `${v} points`,
  overTimeTitle: 'Debts under control by period after intake',
  overTimeAlt:
    'One line per group over 6, 12, 18, 24 and 36 months after intake: the share with debts under control, with 95% interval.',
  kmTitle: 'Time until debts are under control (Kaplan–Meier)',
  kmAlt:
    'Step line per group: which share of the participants with debts has them under control after a number of days, with 95% interval.',
  days: 'Days after intake',
  kmMedian: 'Median time until debts are under control',
  definitions: [
    'Participants with debts: participants with a debt registration (debt intake) after intake, followed long enough for the chosen period.',
    'Debts under control: within the chosen period after intake a debt settlement started, the debts were stabilised or the participant became debt-free.',
    'Money stress: a score from 0 (none) to 10 (very high). Per participant we take the latest minus the first score in the period, and average that. A negative number means money stress falls. Only participants with at least two scores count.',
    'The Kaplan–Meier line also counts participants not followed as long, for as long as we follow them. It shows how fast debts come under control. The line stops where fewer than 10 participants are still followed.',
    'The 95% confidence interval shows between which values the true percentage probably lies. Numbers below 10 are shown as "<10".',
  ],
};
export const debtStrings = { nl, en };
