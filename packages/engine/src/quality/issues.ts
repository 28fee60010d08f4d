/** A problem found in input, with the path of the offending value (`sections.1.criteria.0.scale`). */
export interface QualityIssue {
  path: string;
  message: string;
}
