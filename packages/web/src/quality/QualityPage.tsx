import { AreaPlaceholder } from '../ui/AreaPlaceholder.tsx';

/** Start page of the quality area; the features listed on it arrive in later issues. */
export function QualityPage() {
  return <AreaPlaceholder area="quality" />;
}
