import { AreaPlaceholder } from '../ui/AreaPlaceholder.tsx';

/** Start page of the planning area; the features listed on it arrive in later issues. */
export function PlanningPage() {
  return <AreaPlaceholder area="planning" />;
}
