/** Test helpers for the edit forms: post a server-rendered form back the way a browser would. */
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import type { Grant } from '../../../../server/src/lib/actor.js';
import type { createSite } from '../../site.js';

type createSiteFn = typeof createSite;

export type Browser = ReturnType<typeof browser>;

const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What a browser would submit: the controls outside <template>s (checkboxes and radios when checked), in order. */
export function entries(html: string): Array<[string, string]> {
  let page = html;
  for (let prev = ''; prev !== page;) { prev = page; page = page.replace(/<template\b[^>]*>(?:(?!<template\b)[\s\S])*?<\/template>/g, ''); }
  const out: Array<[number, string, string]> = [];
  for (const m of page.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const type = /\btype="([^"]*)"/.exec(m[0])?.[1];
    if (!name || type === 'submit' || ((type === 'checkbox' || type === 'radio') && !/\bchecked/.test(m[0]))) continue;
    out.push([m.index!, name, unescape(/\bvalue="([^"]*)"/.exec(m[0])?.[1] ?? '')]);
  }
  for (const m of page.matchAll(/<select\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) out.push([m.index!, m[1], unescape(/<option value="([^"]*)" selected=""/.exec(m[2])?.[1] ?? '')]);
  for (const m of page.matchAll(/<textarea\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) out.push([m.index!, m[1], unescape(m[2])]);
  return out.sort((a, b) => a[0] - b[0]).map(([, k, v]) => [k, v]);
}

/** name → value (first occurrence). */
export const fields = (html: string) => { const m = new Map<string, string>(); for (const [k, v] of entries(html)) if (!m.has(k)) m.set(k, v); return m; };

/** The form as a browser would post it, with some fields changed (null: left out) and some added. */
export function formBody(html: string, change: Record<string, string | null> = {}, extra: Array<[string, string]> = []) {
  const body = new URLSearchParams();
  const seen = new Set<string>();
  for (const [k, v] of entries(html)) {
    if (k in change) { if (change[k] !== null && !seen.has(k)) body.append(k, change[k]!); seen.add(k); } else body.append(k, v);
  }
  for (const [k, v] of Object.entries(change)) if (!seen.has(k) && v !== null) body.append(k, v);
  for (const [k, v] of extra) body.append(k, v);
  return body;
}

export async function postRaw(app: ReturnType<typeof createSite>, b: Browser, path: string, body: URLSearchParams) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  const res = await app.request(path, { method: 'POST', headers, body: body.toString() });
  return { status: res.status, text: await res.text(), headers: res.headers };
}


/** The site on `db` with a signed-in browser per account given (email → its grants). */
export async function signedInSite(db: Parameters<createSiteFn>[0]['db'], accounts: Record<string, Grant[]>, adminToken: string) {
  const { createSite } = await import('../../site.js');
  const app = createSite({ db, adminToken });
  const browsers: Record<string, Browser> = {};
  for (const [email, grants] of Object.entries(accounts)) {
    await makeAccount(db, email, grants, { name: email.split('@')[0] });
    browsers[email] = browser(app);
    await browsers[email].login(email);
  }
  return { app, browsers };
}
