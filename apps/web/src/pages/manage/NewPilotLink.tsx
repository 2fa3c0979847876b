import { useStrings } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { manageStrings } from './strings.ts';

/** The way to "Nieuwe pilot" for those who may create one (managers and admins). */
export function NewPilotLink() {
  const s = useStrings(manageStrings);
  return (
    <p className="no-print">
      <Link
        to="/pilots/nieuw"
        className="btn btn-primary utrecht-button utrecht-button--primary-action"
      >
        {s.newPilot}
      </Link>
    </p>
  );
}
