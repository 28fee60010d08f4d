/**
 * Roles of the people who work in (or buy from) a contact center.
 * Names follow the professional standard «Специалист по дистанционному
 * информационно-справочному обслуживанию» and the job descriptions in the seeds.
 */
export const ROLES = [
  'operator', // оператор
  'senior_operator', // старший оператор
  'group_lead', // руководитель группы (супервизор)
  'quality_specialist', // специалист по контролю качества
  'planner', // специалист по планированию ресурсов
  'cc_manager', // менеджер контакт-центра (ведёт клиентов и горячие линии)
  'head_of_center', // руководитель контакт-центра
  'client_viewer', // представитель клиента (заказчика)
  'admin', // администратор системы
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
