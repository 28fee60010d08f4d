import { AreaPlaceholder } from '../ui/AreaPlaceholder.tsx';

/** Start page of the manage area; the features listed on it arrive in later issues. */
export function ManagePage() {
  return <AreaPlaceholder area="manage" />;
}
