// Input and output of the schedule optimiser (issue 5, W4).
import type { Horizon } from './grid.ts';
import type { LabourRules, RuleName, EmployeeHours } from './rules.ts';
import type { ShiftTemplate } from './templates.ts';

export interface EmployeePreferences {
  /** Dates the employee would rather not work. */
  daysOff?: string[];
  /** Preferred earliest start and latest end of a shift, 'HH:MM' local. */
  earliestStart?: string;
  latestEnd?: string;
  /** Penalty per shift that breaks a preference, in interval-agents of coverage (default 0.5). */
  weight?: number;
}

export interface Employee {
  id: string;
  /** Hours norm of the planning (accounting) period, already scaled for part time (see hoursNorm). */
  normHours: number;
  /** Worked hours must lie in [norm − tolerance, norm]; default the problem's tolerance. */
  normToleranceHours?: number;
  /** Template names the contract allows; all by default. */
  templates?: string[];
  skills?: string[];
  /** Times the employee cannot work: 'YYYY-MM-DD' (whole day) or 'YYYY-MM-DDTHH:MM' spans. */
  unavailable?: Array<{ from: string; to: string }>;
  preferences?: EmployeePreferences;
  costPerHour?: number;
}

export interface ScheduleWeights {
  /** Per interval-agent of under- and over-coverage; per unit of employee cost. Defaults 1, 1, 0. */
  under?: number;
  over?: number;
  cost?: number;
}

export interface ScheduleProblem {
  horizon: Horizon;
  /** Heads required per interval of the horizon (presence, breaks included: scheduled heads after shrinkage). */
  requirement: number[];
  /** Only employees with this skill are scheduled. */
  skill?: string;
  templates: ShiftTemplate[];
  employees: Employee[];
  rules?: LabourRules;
  weights?: ScheduleWeights;
  /** Default tolerance below the hours norm (hours); 8 by default. */
  normToleranceHours?: number;
  /** Total time budget (seconds, default 60) and the MIP gap of the coverage model (default 0.005). */
  timeLimitSeconds?: number;
  mipGap?: number;
  /** Seed of the local search's visiting order. */
  seed?: number;
}

export interface PlacedBreak {
  name: string;
  start: string;
  end: string;
  paid: boolean;
}

export interface Assignment {
  employeeId: string;
  template: string;
  start: string;
  end: string;
  paidHours: number;
  breaks: PlacedBreak[];
}

export interface Conflict {
  kind: 'employee' | 'intervals' | 'rules';
  employeeId?: string;
  rule?: RuleName | 'availability' | 'coverage';
  /** Dates or local times concerned. */
  from?: string;
  to?: string;
  detail: string;
}

export interface ScheduleResult {
  /** `optimal`: gap ≤ MIP gap; `feasible`: rules hold, the gap says how good; `infeasible`: see conflicts; `invalid`: see problems. */
  status: 'optimal' | 'feasible' | 'infeasible' | 'invalid';
  /** Contradictions in the input found before solving. */
  problems: string[];
  conflicts: Conflict[];
  assignments: Assignment[];
  /** Heads present per interval, and on duty (present minus those on a break). */
  coverage: number[];
  onDuty: number[];
  under: number;
  over: number;
  /** The same after breaks. */
  onDutyUnder: number;
  onDutyOver: number;
  cost: number;
  preferencePenalty: number;
  /** Weighted under + over + cost of the schedule, and the LP-relaxation bound of the same. */
  objective: number;
  lpBound: number;
  /** (objective − lpBound) / lpBound. */
  gap: number;
  stages: { lpSeconds: number; mipSeconds: number; mipObjective: number | null; assignSeconds: number; searchSeconds: number; breakSeconds: number };
  hours: EmployeeHours[];
  /** The labour-rule validator's verdict on the output (empty when lawful). */
  violations: Array<{ employeeId: string; rule: RuleName; detail: string }>;
}
