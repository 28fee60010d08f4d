import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

/** Every demo user's password (seeded by `linia start --fresh`). */
export const DEMO_PASSWORD = 'linia-demo';

/** Names unique per run, so tests never depend on each other's leftovers. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Signs in through the login form and waits until the shell is shown. */
export async function login(page: Page, loginName: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="login"]').fill(loginName);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.topbar')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.locator('.topbar .logout').click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Labels of the area links in the navigation, in order. */
export function navLinks(page: Page) {
  return page.locator('nav.nav a');
}

/** An API session (its own cookie jar) for arranging data the browser test then looks at. */
export async function apiAs(baseURL: string, loginName: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const res = await ctx.post('/api/v1/auth/login', { data: { login: loginName, password } });
  expect(res.status(), `API login as ${loginName}`).toBe(200);
  return ctx;
}

/**
 * Leaves an agent with nothing in hand and not ready: declines offers, ends contacts, finishes
 * wrap-ups. The ACD's state outlives a test (one server for the whole run), so a test that needs
 * an agent free says so instead of relying on the tests before it.
 */
export async function freeAgent(api: APIRequestContext): Promise<void> {
  const me = (await (await api.get('/api/v1/acd/me')).json()) as { agent: { state: string; reason: string | null }; contacts: { contactId: string; status: string }[] };
  for (const c of me.contacts) {
    if (c.status === 'offered') await api.post(`/api/v1/acd/offers/${c.contactId}/decline`);
    if (c.status === 'connected') await api.post(`/api/v1/acd/contacts/${c.contactId}/end`);
    if (c.status === 'connected' || c.status === 'wrapUp') await api.post(`/api/v1/acd/contacts/${c.contactId}/wrap-up-end`);
  }
  if (me.contacts.length === 0 && me.agent.state === 'notReady' && me.agent.reason === 'break') return;
  const res = await api.post('/api/v1/acd/me/state', { data: { state: 'notReady', reason: 'break' } });
  expect(res.status(), await res.text()).toBe(200);
}
