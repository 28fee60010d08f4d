// Norm of working hours over an accounting period by the production calendar: per working day
// weekly hours / 5, one hour less on a shortened pre-holiday day (Labour Code Art. 95; the calculation
// procedure of the Ministry of Health and Social Development order No. 588n of 13.08.2009). Part time scales it.
import { addDays } from '../forecast/dates.ts';
import type { DayCalendar } from '../forecast/calendar.ts';

/** Hours norm for the dates [from, to] inclusive. */
export function hoursNorm(from: string, to: string, calendar: DayCalendar, weeklyHours = 40, partTime = 1): number {
  let hours = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const k = calendar.kind(d);
    if (k === 'working') hours += weeklyHours / 5;
    else if (k === 'shortened') hours += weeklyHours / 5 - 1;
  }
  return hours * partTime;
}
