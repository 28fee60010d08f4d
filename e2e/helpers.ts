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
