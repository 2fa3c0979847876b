import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../api/client.ts';
import { useI18n, useStrings } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { componentStrings } from './strings.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t.loading}
    </p>
  );
}

type Strings = (typeof componentStrings)['nl'];

/**
 * A failed request in the reader's language. The server's message is English developer text,
 * so the Dutch screen words the failure from its status and code; the English screen may show
 * the server's own sentence, which is often more precise.
 */
export function errorText(error: unknown, s: Strings, locale: 'nl' | 'en'): string {
  if (!(error instanceof ApiError)) return s.network;
  if (locale === 'en' && error.status < 500 && error.message) return error.message;
  if (error.code === 'personal_data_gone') return s.gone;
  switch (error.status) {
    case 401:
      return s.unauthorized;
    case 403:
      return s.forbidden;
    case 404:
      return s.notFound;
    case 409:
      return s.conflict;
    case 413:
      return s.tooLarge;
    case 429:
      return s.tooMany;
    case 400:
    case 422:
      return s.invalid;
    default:
      return s.server;
  }
}

/** A 403 or 404: a page of its own with a way back; trying again cannot help. */
export function NoAccessOrMissing({ status }: { status: 403 | 404 }) {
  const s = useStrings(componentStrings);
  return (
    <div className="state-page">
      <Heading1>{status === 403 ? s.forbiddenTitle : s.notFoundTitle}</Heading1>
      <Paragraph>{status === 403 ? s.forbidden : s.notFound}</Paragraph>
      <Paragraph>
        <Link to="/">{s.backToOverview}</Link>
      </Paragraph>
    </div>
  );
}

/**
 * A failed request. As the content of a page (`page`), a 403 or 404 becomes its own page; inside
 * a form it stays an alert. Neither offers "try again", which cannot help them.
 */
export function ErrorState({
  error,
  onRetry,
  page,
}: {
  error: unknown;
  onRetry?: () => void;
  page?: boolean;
}) {
  const { t, locale } = useI18n();
  const s = useStrings(componentStrings);
  const final = error instanceof ApiError && (error.status === 403 || error.status === 404);
  if (page && final) return <NoAccessOrMissing status={error.status as 403 | 404} />;
  return (
    <Alert type="error" role="alert" className="state state-error">
      <Paragraph>
        <strong>{t.error}</strong>: {errorText(error, s, locale)}
      </Paragraph>
      {onRetry && !final && (
        <Button type="button" appearance="secondary-action-button" onClick={onRetry}>
          {t.retry}
        </Button>
      )}
    </Alert>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="state state-empty">{children ?? t.empty}</p>;
}

/** Renders loading / error for a query, and `children(data)` once there is data. */
export function Query<T>({
  q,
  children,
}: {
  q: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState page error={q.error} onRetry={() => void q.refetch()} />;
  return <>{children(q.data)}</>;
}
