/** The handlers of the funding pages: the list (GET filters), one call, the calls for my organisation. */
import type { Context } from 'hono';
import { callQuery } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, memberOf } from '../../../../server/src/lib/actor.js';
import { searchCalls } from '../../../../server/src/features/funding/funding.query.js';
import { getCall, withOrgs } from '../../../../server/src/features/funding/funding.service.js';
import { callsFor } from '../../../../server/src/features/funding/funding.fit.js';
import type { I18n } from '../../i18n/index.js';
import { badRequestPage } from '../../bad-request.js';
import { ListPage } from './ListPage.js';
import { CallPage } from './CallPage.js';
import { MinePage } from './MinePage.js';

const FILTERS = ['q', 'beneficiary', 'aidType', 'theme', 'country', 'open'] as const;

export async function fundingListPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const raw: Record<string, string> = {};
  for (const k of FILTERS) { const v = c.req.query(k)?.trim(); if (v) raw[k] = v; }
  const parsed = callQuery.safeParse(raw);
  if (!parsed.success) return badRequestPage(c, i, parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '), '/funding-calls');
  const calls = await withOrgs(db, await searchCalls(db, parsed.data));
  const countries = (await db.query<{ c: string }>('select distinct unnest(partner_countries) as c from funding_call order by 1')).map((r) => r.c);
  return c.html(<ListPage i={i} query={parsed.data} calls={calls} countries={countries} qs={new URLSearchParams(raw).toString()} />);
}

export async function fundingCallPage(c: Context, i: I18n, db: Db): Promise<Response> {
  return c.html(<CallPage i={i} c={await getCall(db, c.req.param('id') as string)} />);
}

export async function myFundingCallsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  if (!actor) {
    const to = encodeURIComponent(i.path('/espace/funding-calls'));
    return c.redirect(`${i.path('/login')}?next=${to}&returnTo=${to}`, 303);
  }
  const ids = [...memberOf(actor)];
  const orgs = ids.length ? await db.query<{ id: string; name: string }>('select id, name from organisation where id = any($1::text[]) order by name', [ids]) : [];
  const org = orgs.find((o) => o.id === c.req.query('org')) ?? orgs[0] ?? null;
  const calls = org ? (await callsFor(db, org.id)).calls : [];
  return c.html(<MinePage i={i} orgs={orgs} org={org} calls={calls} />);
}
