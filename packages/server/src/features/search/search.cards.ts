/**
 * What a search result shows besides its title, read for the page's results only (by primary key, one statement
 * whatever the size of the set and the kinds on the page): its places (in the reader's language), period, amounts (a project's budget, the sum of
 * a partnership's projects' budgets, per currency) and a snippet — the text that holds the most typed words, cut around
 * the first, or the start of its description when only the title or a place matched (the page marks the words in both).
 */
import { foldedWords, formatPartialDate, highlight, localName, normaliseAmount } from '@tandem/shared';
import type { Db } from '../../db/client.js';

export type SnippetField = 'summary' | 'description' | 'purpose' | 'outcomes' | 'theme' | 'parties' | 'participants' | 'hosts' | 'agreements' | 'names' | 'history';
export interface Card {
  places: Array<{ id: string; name: string }>;
  period: { start: string | null; end: string | null } | null;
  amounts: Array<{ amount: string; currency: string }>;
  snippet: { field: SnippetField; text: string } | null;
}

interface Raw { places: string[]; start: string | null; end: string | null; amounts: Array<{ amount: string; currency: string }>; texts: Array<[SnippetField, string | null | string[]]>; history?: string[] }

const PROSE = new Set<SnippetField>(['summary', 'description', 'purpose', 'outcomes', 'theme']);
const MAX_PLACES = 4;
const SNIPPET = 200;

const json = <T>(x: unknown): T => (typeof x === 'string' ? JSON.parse(x) : x) as T;
const date = (d: string | null, precision: string | null) => formatPartialDate(d, precision ?? 'day');

/**
 * Each kind's card data as one JSON object per record (`$n`: the kind's ids), and how it becomes a card. The kinds a
 * page holds are read together, with the names of their places, in one statement (`readCards`).
 */
const CARD_SQL: Record<string, (ids: string) => string> = {
  partnership: (ids) => `select 'partnership' as kind, p.id, json_build_object('s', p.started_on::text, 'sp', p.started_precision, 'e', p.ended_on::text, 'ep', p.ended_precision, 'summary', p.summary,
      'places', array(select o.territory_id from partnership_party pp join organisation o on o.id = pp.organisation_id
        where pp.partnership_id = p.id and o.territory_id is not null order by pp.position),
      'parties', array(select o.name from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = p.id order by pp.position),
      'agreements', array(select a.title from agreement a where a.partnership_id = p.id order by a.position),
      'amounts', coalesce((select json_agg(json_build_object('amount', x.amount::text, 'currency', x.currency) order by x.currency)
        from (select budget_currency as currency, sum(budget_amount) as amount from project
          where partnership_id = p.id and budget_amount is not null and budget_currency is not null group by 1) x), '[]')) as card
    from partnership p where p.id = any(${ids}::text[])`,
  project: (ids) => `select 'project' as kind, p.id, json_build_object('s', p.start_on::text, 'sp', p.start_precision, 'e', p.end_on::text, 'ep', p.end_precision, 'description', p.description,
      'amount', p.budget_amount::text, 'currency', p.budget_currency,
      'places', array(select territory_id from project_place where project_id = p.id order by territory_id),
      'participants', array(select o.name from project_participant pp join organisation o on o.id = pp.organisation_id where pp.project_id = p.id order by pp.position)) as card
    from project p where p.id = any(${ids}::text[])`,
  mission: (ids) => `select 'mission' as kind, m.id, json_build_object('s', m.from_on::text, 'sp', m.from_precision, 'e', m.to_on::text, 'ep', m.to_precision, 'purpose', m.purpose, 'outcomes', m.outcomes,
      'places', array_remove(array[m.place_territory_id], null),
      'participants', array(select o.name from mission_participant mp join organisation o on o.id = mp.organisation_id where mp.mission_id = m.id order by o.name)) as card
    from mission m where m.id = any(${ids}::text[])`,
  event: (ids) => `select 'event' as kind, e.id, json_build_object('s', e.start_on::text, 'sp', e.start_precision, 'e', e.end_on::text, 'ep', e.end_precision, 'theme', e.theme,
      'places', array_remove(array[e.place_territory_id], null),
      'hosts', array(select o.name from event_host h join organisation o on o.id = h.organisation_id where h.event_id = e.id order by h.position)) as card
    from event e where e.id = any(${ids}::text[])`,
  organisation: (ids) => `select 'organisation' as kind, o.id, json_build_object('name', o.name, 'description', o.description, 'places', array_remove(array[o.territory_id], null), 'names', o.names, 'acronyms', o.acronyms, 'aliases', o.aliases) as card
    from organisation o where o.id = any(${ids}::text[])`,
  territory: (ids) => `select 'territory' as kind, t.id, json_build_object('name', t.name, 's', t.valid_from::text, 'e', t.valid_to::text, 'places', array_remove(array[t.parent_id], null), 'names', t.names, 'aliases', t.aliases,
      'history', array(select c.from_id from territory_change c where c.to_id = t.id order by c.from_id) || array(select c.to_id from territory_change c where c.from_id = t.id order by c.to_id)) as card
    from territory t where t.id = any(${ids}::text[])`,
};

const CARD_RAW: Record<string, (r: any) => Raw> = {
  partnership: (r) => ({ places: r.places, start: date(r.s, r.sp), end: date(r.e, r.ep), amounts: r.amounts,
    texts: [['summary', r.summary], ['parties', r.parties], ['agreements', r.agreements]] }),
  project: (r) => ({ places: r.places, start: date(r.s, r.sp), end: date(r.e, r.ep),
    amounts: r.amount != null && r.currency ? [{ amount: r.amount, currency: r.currency }] : [],
    texts: [['description', r.description], ['participants', r.participants]] }),
  mission: (r) => ({ places: r.places, start: date(r.s, r.sp), end: date(r.e, r.ep), amounts: [],
    texts: [['purpose', r.purpose], ['outcomes', r.outcomes], ['participants', r.participants]] }),
  event: (r) => ({ places: r.places, start: date(r.s, r.sp), end: date(r.e, r.ep), amounts: [], texts: [['theme', r.theme], ['hosts', r.hosts]] }),
  organisation: (r) => ({ places: r.places, start: null, end: null, amounts: [],
    texts: [['description', r.description], ['names', otherNames(r.name, [...Object.values<string>(r.names ?? {}), ...(r.acronyms ?? []), ...(r.aliases ?? [])])]] }),
  territory: (r) => ({ places: r.places, start: r.s, end: r.e, amounts: [], history: r.history,
    texts: [['names', otherNames(r.name, [...Object.values<string>(r.names ?? {}), ...(r.aliases ?? [])])], ['history', r.history]] }),
};

/**
 * The cards of a page's results and the names of their places, in one statement: the kinds' rows (`union all`), then
 * every territory they name (places, and a territory's history).
 */
async function readCards(db: Db, results: Array<{ kind: string; id: string }>) {
  const byKind = new Map<string, string[]>();
  for (const r of results) if (CARD_SQL[r.kind]) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const raws = new Map<string, Raw>(), territories = new Map<string, { name: string; names: Record<string, string> }>();
  if (!byKind.size) return { raws, territories };
  const kinds = [...byKind.keys()];
  const rows = await db.query<{ kind: string; id: string; card: unknown }>(
    `with c as materialized (${kinds.map((k, n) => CARD_SQL[k](`$${n + 1}`)).join('\n    union all ')})
     select kind, id, card from c
     union all
     select 'place', t.id, json_build_object('name', t.name, 'names', t.names) from territory t
       where t.id = any(array(select json_array_elements_text(c.card -> 'places') from c union select json_array_elements_text(c.card -> 'history') from c where c.kind = 'territory'))`,
    kinds.map((k) => byKind.get(k)));
  for (const r of rows) {
    const card = json<Record<string, unknown>>(r.card);
    if (r.kind === 'place') territories.set(r.id, { name: card.name as string, names: json(card.names ?? {}) });
    else raws.set(`${r.kind}/${r.id}`, CARD_RAW[r.kind](card));
  }
  return { raws, territories };
}

/** A territory's or an organisation's other names, once each however they are accented (the accented form kept), without its own. */
function otherNames(name: string, names: string[]): string[] {
  const key = (x: string) => foldedWords(x).join(' ');
  const by = new Map<string, string>();
  for (const n of names) {
    const k = key(n), had = by.get(k);
    if (k !== key(name) && (!had || [...n.normalize('NFD')].length > [...had.normalize('NFD')].length)) by.set(k, n);
  }
  return [...by.values()];
}

/** The text cut to about SNIPPET characters around its first typed word, at word boundaries. */
export function around(text: string, words: string[]): string {
  if (text.length <= SNIPPET) return text;
  const parts = highlight(text, words);
  const first = parts.findIndex((x) => x.match);
  const at = first < 0 ? 0 : parts.slice(0, first).reduce((n, x) => n + x.text.length, 0);
  let start = Math.max(0, at - 60);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** How many of the typed words the text holds. */
const holds = (text: string, words: string[]) => words.filter((w) => highlight(text, [w]).some((x) => x.match)).length;

function snippet(raw: Raw, words: string[], place: (id: string) => string): Card['snippet'] {
  const texts = raw.texts.map(([field, v]): [SnippetField, string] => [field,
    Array.isArray(v) ? [...new Set(field === 'history' ? v.map(place) : v)].filter(Boolean).join(', ') : (v ?? '').trim()]).filter(([, t]) => t);
  // the text that holds the most typed words (the first of them), else the description's start
  const scored = texts.map(([field, t]) => ({ field, t, n: holds(t, words) }));
  const best = scored.reduce<typeof scored[number] | undefined>((b, x) => (x.n > (b?.n ?? 0) ? x : b), undefined);
  const hit = best ? [best.field, best.t] as const : texts.find(([field]) => PROSE.has(field));
  return hit ? { field: hit[0], text: around(hit[1], words) } : null;
}

/** The answer with each result's card. */
export async function withCards<A extends { results: Array<{ kind: string; id: string }> }>(db: Db, answer: A, words: string[], lang: string, read = true)
  : Promise<Omit<A, 'results'> & { results: Array<A['results'][number] & Card> }> {
  const { raws, territories } = read ? await readCards(db, answer.results) : { raws: new Map<string, Raw>(), territories: new Map() };
  const names = new Map([...territories].map(([id, t]) => [id, localName(t, lang)]));
  const place = (id: string) => names.get(id) ?? '';
  return {
    ...answer,
    results: answer.results.map((r) => {
      const raw = raws.get(`${r.kind}/${r.id}`);
      if (!raw) return { ...r, places: [], period: null, amounts: [], snippet: null };
      const places = [...new Set(raw.places)].filter((id) => names.has(id)).slice(0, MAX_PLACES).map((id) => ({ id, name: place(id) }));
      return {
        ...r, places, period: raw.start || raw.end ? { start: raw.start, end: raw.end } : null,
        amounts: raw.amounts.map((a) => ({ amount: normaliseAmount(a.amount), currency: a.currency })), snippet: snippet(raw, words, place),
      };
    }),
  };
}
