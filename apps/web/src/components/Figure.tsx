import { createContext, useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { Button, Heading3 } from '@utrecht/component-library-react';

/**
 * True inside a chart hidden from assistive technology: nothing in it may take focus
 * (axe `aria-hidden-focus`); the text alternative and the table carry the same figures.
 */
export const InHiddenChart = createContext(false);

/** A chart with its text alternative and a "Toon als tabel" toggle (STYLE: every chart has a table view). */
export function Figure(props: {
  title: string;
  alt: string;
  chart: ReactNode;
  table: ReactNode;
  actions?: ReactNode;
  /** The chart is itself an accessible table (with links), so it is not hidden from assistive technology. */
  accessibleChart?: boolean;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <figure className="figure" aria-labelledby={`${id}-t`}>
      <div className="figure-head">
        <Heading3 id={`${id}-t`}>{props.title}</Heading3>
        <div className="figure-actions">
          {props.actions}
          <Button
            type="button"
            appearance="subtle-button"
            className="no-print"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {asTable ? t.showChart : t.showTable}
          </Button>
        </div>
      </div>
      <p className="sr-only">{props.alt}</p>
      {asTable ? (
        props.table
      ) : (
        <div aria-hidden={props.accessibleChart ? undefined : true}>
          <InHiddenChart.Provider value={!props.accessibleChart}>
            {props.chart}
          </InHiddenChart.Provider>
        </div>
      )}
    </figure>
  );
}
