/** End-to-end harness: the real site on a real port over a seeded test database, driven in Debian's Chromium. */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from '../src/site.js';
import { cacheOptionsFromEnv, openVisitorCache } from '../../server/src/lib/response-cache.js';
import { CHROMIUM_HINT, findChromium } from './chromium.js';

export const CHROMIUM = findChromium();
export const ARTIFACTS = 'test-results';

export interface Running { base: string; browser: Browser; db: Db; close(): Promise<void> }

export async function startSite(): Promise<Running> {
  if (!CHROMIUM) throw new Error(`Chromium not found (CHROMIUM_PATH, or chromium on the PATH): ${CHROMIUM_HINT}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const db = await testDb();
  // as in production (server.ts): visitors' pages kept until a write (every write here goes through this process)
  const visitors = await openVisitorCache(db, cacheOptionsFromEnv({}, false)!);
  const app = createSite({ db, adminToken: 'e2e-token', cache: visitors.cache });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base, browser, db,
    async close() { await browser.close(); server.close(); await visitors.stop(); await db.close(); },
  };
}

/** A new browser context signed in through the real form (`lang`: '', '/en' or '/vi'), on the page the sign-in leads to. */
export async function signIn(site: Running, email: string, opts: { lang?: string; password?: string; width?: number; height?: number; timeout?: number } = {}): Promise<Page> {
  const ctx = await site.browser.newContext(opts.width ? { viewport: { width: opts.width, height: opts.height ?? 900 } } : {});
  const page = await ctx.newPage();
  if (opts.timeout) page.setDefaultTimeout(opts.timeout);
  await page.goto(`${site.base}${opts.lang ?? ''}/login`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(opts.password ?? PASSWORD);
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForLoadState();
  return page;
}

/**
 * Looks at a page as a person would, at 1280 and at 390 px: axe-core finds no violation, nothing is wider than the
 * screen, and a full-page screenshot `test-results/<name>-<width>.png` of each; the page then gets its width back.
 */
export async function looked(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${name} @${width}: ${v.id} × ${v.nodes[0]?.target}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} @${width}`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${width}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** Opens `path` on a 390 px phone: 200, no axe-core violation, nothing wider than the screen. */
export async function phoneClean(site: Running, path: string): Promise<void> {
  const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const res = await page.goto(`${site.base}${path}`);
  expect(res?.status()).toBe(200);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await ctx.close();
}
