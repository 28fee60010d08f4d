import { AreaPlaceholder } from '../ui/AreaPlaceholder.tsx';

/** Start page of the wallboard area; the features listed on it arrive in later issues. */
export function WallboardPage() {
  return <AreaPlaceholder area="wallboard" />;
}
