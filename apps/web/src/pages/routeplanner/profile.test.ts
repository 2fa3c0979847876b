import { describe, expect, it } from 'vitest';
import { emptyForm, plannerHref, plannerSearch, plannerStateFrom, profileFrom } from './profile.ts';

const q = (s: string) => new URLSearchParams(s);

describe('plannerStateFrom', () => {
  it('reads the profile and window from the URL, and marks it submitted', () => {
    const st = plannerStateFrom(q('motivation=4&hasDebts=ja&ageBand=55%2B&window=18'));
    expect(st.submitted).toBe(true);
    expect(st.window).toBe(18);
    expect(st.form).toEqual({ ...emptyForm(), motivation: '4', hasDebts: 'ja', ageBand: '55+' });
  });

  it('shows only the form for a bare URL', () => {
    expect(plannerStateFrom(q(''))).toEqual({
      form: emptyForm(),
      variables: {},
      window: 12,
      submitted: false,
    });
  });

  it('accepts the API’s boolean spellings and ignores values outside a field’s options or 1–60', () => {
    const st = plannerStateFrom(q('hasDebts=true&disability=0&motivation=9&household=x&window=61'));
    expect(st.form.hasDebts).toBe('ja');
    expect(st.form.disability).toBe('nee');
    expect(st.form.motivation).toBe('');
    expect(st.form.household).toBe('');
    expect(st.window).toBe(12);
  });
});

describe('plannerSearch / plannerHref', () => {
  it('sends only the given fields plus the window', () => {
    const form = { ...emptyForm(), motivation: '4', hasDebts: 'ja' };
    expect(plannerSearch(form, 12)).toEqual({ motivation: '4', hasDebts: 'ja', window: '12' });
    expect(plannerHref(form, 12)).toBe('/routeplanner?motivation=4&hasDebts=ja&window=12');
    expect(plannerHref(emptyForm(), 6)).toBe('/routeplanner?window=6');
  });

  it('round-trips through the URL', () => {
    const form = { ...emptyForm(), ladderStep: '2', ageBand: '<27', refugeeStatus: 'nee' };
    const url = new URL(plannerHref(form, 24), 'http://x');
    expect(plannerStateFrom(url.searchParams)).toEqual({
      form,
      variables: {},
      window: 24,
      submitted: true,
    });
  });
});

describe('profileFrom', () => {
  it('turns form values into the profile the API echoes', () => {
    expect(
      profileFrom({ ...emptyForm(), motivation: '4', hasDebts: 'ja', refugeeStatus: 'nee' }),
    ).toEqual({ motivation: 4, hasDebts: true, refugeeStatus: false });
  });
});

describe('pilot variables in the URL', () => {
  it('reads and writes them as the API has them, variable=code:value repeated', () => {
    const href = plannerHref({ ...emptyForm(), motivation: '4' }, 12, {
      supervisor_trained: 'ja',
      sessions_attended: ' 12 ',
      regime: '',
    });
    expect(href).toBe(
      '/routeplanner?motivation=4&variable=supervisor_trained%3Aja&variable=sessions_attended%3A12&window=12',
    );
    const st = plannerStateFrom(new URL(href, 'http://x').searchParams);
    expect(st.variables).toEqual({ supervisor_trained: 'ja', sessions_attended: '12' });
    expect(plannerSearch(emptyForm(), 12, st.variables)).toEqual({
      variable: ['supervisor_trained:ja', 'sessions_attended:12'],
      window: '12',
    });
  });
});
