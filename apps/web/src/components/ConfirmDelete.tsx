import { Alert, Button } from '@utrecht/component-library-react';
import { useI18n } from '../i18n.tsx';

/**
 * The buttons of a table row whose delete waits for a second click: delete, marked as
 * dangerous and disabled while the request runs, and cancel.
 */
export function ConfirmDeleteButtons({
  pending,
  onDelete,
  onCancel,
}: {
  pending: boolean;
  onDelete: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Button
        type="button"
        appearance="primary-action-button"
        hint="danger"
        disabled={pending}
        onClick={onDelete}
      >
        {t.delete}
      </Button>
      <Button type="button" appearance="subtle-button" onClick={onCancel}>
        {t.cancel}
      </Button>
    </>
  );
}

/**
 * Under a table of editable rows: why the last delete failed, as an alert, and what the last
 * change did, in a live region a screen reader announces.
 */
export function RowChangeFeedback({ error, notice }: { error: Error | null; notice: string }) {
  return (
    <>
      {error && (
        <Alert type="error" role="alert">
          {error.message}
        </Alert>
      )}
      <p aria-live="polite">{notice && <span className="inline-ok">{notice}</span>}</p>
    </>
  );
}
