// Operators' requests (W4): swap a shift with a colleague, or time off; a planner or group lead decides.
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { findOr404, requireReference } from '../http/crud.ts';
import { badField, HttpProblem } from '../http/problem.ts';
import type { requestCreate, requestOut } from './scheduleContracts.ts';
import { planningEmployees, planningRequests, planningSchedules, planningShifts } from './schema.ts';
import { localOut } from './views.ts';

type RequestRow = typeof planningRequests.$inferSelect;

export async function employeeOfUser(tx: Tx, userId: string) {
  const [e] = await tx.select().from(planningEmployees).where(eq(planningEmployees.userId, userId));
  return e ?? null;
}

async function publishedShift(tx: Tx, shiftId: string, field: string, employeeId: string) {
  const [row] = await tx
    .select({ shift: planningShifts, status: planningSchedules.status })
    .from(planningShifts)
    .innerJoin(planningSchedules, eq(planningSchedules.id, planningShifts.scheduleId))
    .where(eq(planningShifts.id, shiftId));
  if (!row || row.shift.employeeId !== employeeId) throw badField(field, 'no such shift of this employee');
  if (row.status !== 'published') throw badField(field, 'the shift is not in a published schedule');
  return row.shift;
}

export async function createRequest(tx: Tx, userId: string, body: z.infer<typeof requestCreate>): Promise<RequestRow> {
  const me = await employeeOfUser(tx, userId);
  if (!me) throw new HttpProblem(403, 'you are not an employee in the schedules');
  if (body.kind === 'time_off') {
    const [r] = await tx.insert(planningRequests).values({ kind: 'time_off', employeeId: me.id, fromDate: body.fromDate, toDate: body.toDate, note: body.note }).returning();
    return r!;
  }
  await publishedShift(tx, body.shiftId, 'body.shiftId', me.id);
  const other = await requireReference(tx, planningEmployees, body.otherEmployeeId, 'body.otherEmployeeId', 'employee');
  if (other.id === me.id) throw badField('body.otherEmployeeId', 'a swap needs a colleague');
  if (body.otherShiftId) await publishedShift(tx, body.otherShiftId, 'body.otherShiftId', other.id);
  const [r] = await tx
    .insert(planningRequests)
    .values({ kind: 'swap', employeeId: me.id, shiftId: body.shiftId, otherEmployeeId: other.id, otherShiftId: body.otherShiftId ?? null, note: body.note })
    .returning();
  return r!;
}

/** Approving a swap hands the shifts over (they become manual, so re-optimising keeps them); time off frees the days. */
export async function decideRequest(tx: Tx, id: string, approve: boolean, deciderId: string): Promise<RequestRow> {
  const r = await findOr404(tx, planningRequests, id, 'Request');
  if (r.status !== 'pending') throw new HttpProblem(409, `the request is already ${r.status}`);
  if (approve && r.kind === 'swap') {
    await tx.update(planningShifts).set({ employeeId: r.otherEmployeeId!, manual: true }).where(eq(planningShifts.id, r.shiftId!));
    if (r.otherShiftId) await tx.update(planningShifts).set({ employeeId: r.employeeId, manual: true }).where(eq(planningShifts.id, r.otherShiftId));
  }
  if (approve && r.kind === 'time_off') {
    const e = await findOr404(tx, planningEmployees, r.employeeId, 'Employee');
    await tx.update(planningEmployees).set({ unavailable: [...e.unavailable, { from: r.fromDate!, to: r.toDate! }] }).where(eq(planningEmployees.id, e.id));
    await tx.delete(planningShifts).where(and(eq(planningShifts.employeeId, e.id), gte(planningShifts.startsAt, `${r.fromDate} 00:00:00`), lte(planningShifts.startsAt, `${r.toDate} 23:59:59`)));
  }
  const [done] = await tx.update(planningRequests).set({ status: approve ? 'approved' : 'rejected', decidedBy: deciderId }).where(eq(planningRequests.id, id)).returning();
  return done!;
}

export async function requestsOut(tx: Tx, rows: RequestRow[]): Promise<Array<z.infer<typeof requestOut>>> {
  const ids = [...new Set(rows.flatMap((r) => [r.employeeId, r.otherEmployeeId ?? r.employeeId]))];
  const names = new Map((ids.length ? await tx.select().from(planningEmployees).where(inArray(planningEmployees.id, ids)) : []).map((e) => [e.id, e.name]));
  const shiftIds = rows.flatMap((r) => (r.shiftId ? [r.shiftId] : []));
  const starts = new Map((shiftIds.length ? await tx.select().from(planningShifts).where(inArray(planningShifts.id, shiftIds)) : []).map((s) => [s.id, localOut(s.startsAt)]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    employeeId: r.employeeId,
    employeeName: names.get(r.employeeId) ?? '',
    shiftId: r.shiftId,
    shiftStart: r.shiftId ? (starts.get(r.shiftId) ?? null) : null,
    otherEmployeeId: r.otherEmployeeId,
    otherEmployeeName: r.otherEmployeeId ? (names.get(r.otherEmployeeId) ?? null) : null,
    otherShiftId: r.otherShiftId,
    fromDate: r.fromDate,
    toDate: r.toDate,
    note: r.note,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listRequests(tx: Tx, employeeId?: string) {
  const rows = await tx.select().from(planningRequests).where(employeeId ? eq(planningRequests.employeeId, employeeId) : undefined).orderBy(desc(planningRequests.createdAt)).limit(200);
  return requestsOut(tx, rows);
}
