import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Query } from '../../components/States.tsx';
import { formatNumber, formatPercent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { pilotPowerQuery, powerQuery } from './queries.ts';
import type { ModelStrings } from './strings.ts';
import {
  Button,
  FormLabel,
  Heading2,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';

/** Sample size for a planned pilot, as R's power.prop.test. */
export function PowerCalculator({ s }: { s: ModelStrings }) {
  const { locale } = useI18n();
  const [form, setForm] = useState({ p1: '30', p2: '40', power: '0.8' });
  const [asked, setAsked] = useState<{ p1: number; p2: number; power: number } | null>(null);
  const q = useQuery({
    ...powerQuery(asked?.p1 ?? 0, asked?.p2 ?? 0, asked?.power ?? 0.8),
    enabled: asked !== null,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const num = (v: string) => Number(v.replace(',', '.'));
    setAsked({ p1: num(form.p1) / 100, p2: num(form.p2) / 100, power: Number(form.power) });
  };
  return (
    <section aria-labelledby="power-title">
      <Heading2 id="power-title">{s.powerTitle}</Heading2>
      <p>{s.powerIntro}</p>
      <form className="form-row" onSubmit={submit}>
        <div className="field">
          <FormLabel htmlFor="power-p1">{s.p1}</FormLabel>
          <Textbox
            id="power-p1"
            inputMode="decimal"
            value={form.p1}
            onChange={(e) => setForm({ ...form, p1: e.target.value })}
          />
        </div>
        <div className="field">
          <FormLabel htmlFor="power-p2">{s.p2}</FormLabel>
          <Textbox
            id="power-p2"
            inputMode="decimal"
            value={form.p2}
            onChange={(e) => setForm({ ...form, p2: e.target.value })}
          />
        </div>
        <div className="field">
          <FormLabel htmlFor="power-power">{s.power}</FormLabel>
          <Select
            id="power-power"
            value={form.power}
            onChange={(e) => setForm({ ...form, power: e.target.value })}
          >
            <SelectOption value="0.8">{formatPercent(0.8, 0, locale)}</SelectOption>
            <SelectOption value="0.9">{formatPercent(0.9, 0, locale)}</SelectOption>
          </Select>
        </div>
        <Button type="submit" appearance="primary-action-button">
          {s.compute}
        </Button>
      </form>
      {asked !== null && (
        <Query q={q}>
          {(r) => (
            <p className="headline-small" role="status">
              <strong>{s.perArm(formatNumber(r.perArm, 0, locale))}</strong>
            </p>
          )}
        </Query>
      )}
    </section>
  );
}

/** The smallest difference the running pilot's evaluable numbers detect. */
export function DetectableDifference({
  pilotId,
  windowMonths,
  s,
}: {
  pilotId: string;
  windowMonths: number;
  s: ModelStrings;
}) {
  const { locale } = useI18n();
  const q = useQuery(pilotPowerQuery(pilotId, windowMonths, 0.8));
  return (
    <section aria-labelledby="detect-title">
      <Heading2 id="detect-title">{s.detectTitle}</Heading2>
      <Query q={q}>
        {(r) => (
          <p>
            {r.detectableDifference === null || r.n === null || r.p1 === null
              ? s.detectNone
              : s.detect(
                  formatNumber(r.detectableDifference * 100, 1, locale),
                  formatNumber(r.n, 0, locale),
                  formatPercent(r.p1, 1, locale),
                  windowMonths,
                )}
          </p>
        )}
      </Query>
    </section>
  );
}
