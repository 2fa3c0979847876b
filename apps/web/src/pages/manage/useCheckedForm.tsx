import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { serverProblems, type Problem } from './forms.ts';
import { manageStrings, problemText } from './strings.ts';

/** A field's refusal as shown: a rule's code (worded per language) or the server's own text. */
export type Shown<F extends string, P = Problem> = Partial<Record<F, P | string>>;

interface Options<D, F extends string, R, P> {
  initial: () => D;
  /** The fields a server refusal may name (by the last segment of its `path`). */
  fields: readonly F[];
  /** The form's own check, run before anything is sent; empty when the draft may go. */
  check: (draft: D) => Shown<F, P>;
  send: (draft: D) => Promise<R>;
  onSent?: (reply: R) => Promise<void> | void;
  /** A refusal the form words itself (an arm in use, say); null leaves it to the default. */
  refusal?: (e: ApiError, draft: D) => { fields: Shown<F, P>; rest: string[] } | null;
  /** Words a form's own problem codes; the manager forms' wording by default. */
  words?: (p: P | string | undefined) => string | undefined;
}

/**
 * The state of a manager form: the draft as typed, its refusals per field, what no field
 * names, and the last reply. Every form checks with the shared rules first and then maps the
 * server's refusals onto the same fields, so a rule refuses in the same words either way.
 */
export function useCheckedForm<D, F extends string, R, P = Problem>(o: Options<D, F, R, P>) {
  const s = useStrings(manageStrings);
  const { locale } = useI18n();
  const [draft, setDraft] = useState<D>(o.initial);
  const [errs, setErrs] = useState<Shown<F, P>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [done, setDone] = useState<R | null>(null);

  const save = useMutation({
    mutationFn: () => o.send(draft),
    onSuccess: async (r) => {
      setDone(r);
      await o.onSent?.(r);
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const r =
          o.refusal?.(e, draft) ??
          (serverProblems(e.detailList, o.fields) as { fields: Shown<F, P>; rest: string[] });
        setErrs(r.fields);
        setFormError(r.rest.length || Object.keys(r.fields).length ? r.rest : [e.message]);
      } else setFormError([String(e)]);
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setDone(null);
    setFormError([]);
    const found = o.check(draft);
    setErrs(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const set =
    <K extends keyof D>(k: K) =>
    (v: D[K]) => {
      setDraft((d) => ({ ...d, [k]: v }));
      setDone(null);
    };

  return {
    draft,
    setDraft,
    set,
    errs,
    done,
    setDone,
    submit,
    pending: save.isPending,
    /** A field's refusal in the reader's words, or undefined. */
    err: (k: F) =>
      o.words ? o.words(errs[k]) : problemText(errs[k] as Problem | string | undefined, s, locale),
    alerts: <FormAlerts count={Object.keys(errs).length} messages={formError} />,
  };
}

/** Above the form: how many fields need attention, and what the server said that no field names. */
function FormAlerts({ count, messages }: { count: number; messages: string[] }) {
  const s = useStrings(manageStrings);
  return (
    <>
      {count > 0 && (
        <Alert type="error" role="alert">
          <Paragraph>{s.fixErrors(count)}</Paragraph>
        </Alert>
      )}
      {messages.length > 0 && (
        <Alert type="error" role="alert">
          {messages.map((m) => (
            <Paragraph key={m}>{m}</Paragraph>
          ))}
        </Alert>
      )}
    </>
  );
}
