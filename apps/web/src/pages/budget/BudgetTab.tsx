import BudgetSummary from './BudgetSummary.tsx';
import { BudgetLines } from './BudgetLines.tsx';
import { ReferenceLines } from './ReferenceLines.tsx';

/** The "Begroting" tab of managers and admins: the summary, then the budget and reference lines to edit. */
export default function BudgetTab({
  pilotId,
  windowMonths,
}: {
  pilotId: string;
  windowMonths: number;
}) {
  return (
    <div className="budget-tab">
      <BudgetSummary pilotId={pilotId} windowMonths={windowMonths} />
      <BudgetLines pilotId={pilotId} />
      <ReferenceLines pilotId={pilotId} />
    </div>
  );
}
