// Yearly vacation planning (issue 5, W5). Labour Code: 28 calendar days of annual paid leave (Art. 115),
// which may be split with one part of at least 14 days (Art. 125); non-working public holidays inside a
// vacation are not counted and extend it (Art. 120).

export interface VacationEmployee {
  id: string;
  /** Calendar days of leave for the year (28 by default). */
  days?: number;
  /** How to split them, longest first (default [14, 7, 7]; their sum must equal `days`). */
  parts?: number[];
  /** Months (1–12) the employee would like; soft. */
  preferredMonths?: number[];
  /** Dates the employee cannot be on leave (e.g. training), inclusive. */
  unavailable?: Array<{ from: string; to: string }>;
}

export interface VacationProblem {
  year: number;
  employees: VacationEmployee[];
  /** Required FTE per month (12 values, from the long-term forecast and staffing). */
  requiredFte: number[];
  /** Heads when nobody is on leave (default: the number of employees). */
  headcount?: number;
  /** Non-working holidays not counted as leave (Art. 120); default the fixed holidays of Art. 112. */
  holidays?: string[];
  /** Least share of parts that must be ≥ 14 days; the Labour Code rule is "at least one part". */
  longPartDays?: number;
}

export interface VacationPart {
  employeeId: string;
  from: string;
  to: string;
  /** Calendar days counted as leave (holidays excluded). */
  days: number;
}

export interface VacationConflict {
  kind: 'coverage' | 'rule';
  employeeId?: string;
  from?: string;
  to?: string;
  detail: string;
}

export interface MonthCoverage {
  month: number;
  requiredFte: number;
  /** Mean heads not on leave over the month's days, and the fewest on any day. */
  availableFte: number;
  minAvailable: number;
}

export interface VacationPlan {
  parts: VacationPart[];
  months: MonthCoverage[];
  conflicts: VacationConflict[];
}
