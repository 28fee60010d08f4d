import { ROLES, type Role } from '@linia/engine';

/** Role choices for selects, translated; the order is the engine's (operator → admin). */
export function roleOptions(t: (key: string) => string): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
