import { AreaPlaceholder } from '../ui/AreaPlaceholder.tsx';

/** Start page of the desk area; the features listed on it arrive in later issues. */
export function DeskPage() {
  return <AreaPlaceholder area="desk" />;
}
