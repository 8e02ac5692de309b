/**
 * The seeded database against an explicit list of facts from the five seed documents. Each group queries
 * plain SQL, so it checks what the services actually wrote, not what the seed modules say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '@tandem/shared';
import type { Db } from '../../client.js';
import { testDb } from '../../../../test/db.js';
import { seedRecords } from './index.js';

let db: Db;
beforeAll(async () => { db = await testDb(); });
afterAll(async () => { await db?.close(); });

const rows = (sql: string, params: unknown[] = []) => db.query(sql, params);
async function one(sql: string, params: unknown[] = [], what = sql) {
  const r = await db.query(sql, params);
  expect(r.length, `expected exactly one row for ${what}`).toBe(1);
  return r[0];
}
const num = (v: unknown) => (v == null ? null : Number(v));

async function parties(partnershipId: string) {
  const r = await rows('select organisation_id, side from partnership_party where partnership_id = $1 order by position', [partnershipId]);
  return Object.fromEntries(r.map((p) => [p.organisation_id, p.side]));
}
async function agreement(id: string) {
  return one(`select partnership_id, kind, signed_on, signed_precision, place, duration_months, axes from agreement where id = $1`, [id], `agreement ${id}`);
}
async function results(projectId: string) {
  const r = await rows('select label, value, unit from result where project_id = $1 order by position', [projectId]);
  return r.map((x) => `${num(x.value)} ${x.unit}`);
}
async function mission(id: string) {
  const m = await one(`select direction, from_on, from_precision, to_on, to_precision, place_territory_id, partnership_id, source_document_id
    from mission where id = $1`, [id], `mission ${id}`);
  const orgs = await rows('select organisation_id from mission_participant where mission_id = $1', [id]);
  return { ...m, orgs: orgs.map((o) => o.organisation_id).sort() };
}

describe('seed documents: facts in the database', () => {
  it('has one source_document per seed, and every seeded partnership, project and mission points at its source', async () => {
    const src = await rows(`select id, filename from source_document where id like 'seed-%' order by id`);
    expect(src.map((s) => s.filename), 'source documents').toEqual([
      '000_e314c76616ea11ab.txt', '001_114ab59a957659b3.txt', '002_accbb9017660e990.txt', '003_42ffba44045cda45.txt', '004_4c6bae412d76478d.txt']);
    const all = seedRecords();
    const ids = { partnership: all.partnerships, project: all.projects, mission: all.missions };
    for (const [t, list] of Object.entries(ids)) {
      const wanted = list.map((r) => ({ id: r.draft.id, doc: r.doc }));
      const got = await rows(`select id, source_document_id from ${t} where id = any($1::text[])`, [wanted.map((w) => w.id)]);
      const bySource = Object.fromEntries(got.map((g) => [g.id, g.source_document_id]));
      const wrong = wanted.filter((w) => bySource[w.id!] !== w.doc).map((w) => `${w.id}: ${bySource[w.id!] ?? 'missing'} ≠ ${w.doc}`);
      expect(wrong, `${t}s whose source_document_id is not their seed`).toEqual([]);
    }
    const p = await one(`select source_document_id from partnership where id = 'hdf-dnipropetrovsk'`);
    expect(p.source_document_id, 'hdf-dnipropetrovsk comes from seed 004').toBe('seed-004');
  });

  it('Seine-Saint-Denis ↔ Hải Dương: parties and the protocole of May 2006 (seed 000)', async () => {
    expect(await parties('ssd-hai-duong'), 'ssd-hai-duong parties').toEqual({ cd93: 'fr', 'hai-duong-cp': 'foreign' });
    const a = await agreement('ssd-hai-duong-protocole-2006');
    expect(a, 'protocole 2006').toMatchObject({ partnership_id: 'ssd-hai-duong', kind: 'protocole', signed_on: '2006-05-01', signed_precision: 'month' });
    expect(await parties('montreuil-hai-duong'), 'montreuil-hai-duong parties').toEqual({ 'ville-montreuil': 'fr', 'hai-duong-cp': 'foreign' });
    const cd93 = await one(`select territory_id, acronyms, aliases from organisation where id = 'cd93'`);
    expect(cd93.territory_id, 'cd93 territory').toBe('FR-D-93');
    expect(cd93.acronyms, 'cd93 acronyms').toContain('CD93');
    expect(cd93.aliases, 'cd93 aliases').toEqual(expect.arrayContaining(['Département', 'Conseil départemental de Seine-Saint-Denis']));
  });

  it('sanitation in Hải Dương: network + plant inaugurated 2013, Đồng Cận master plan (seed 000)', async () => {
    const net = await one(`select partnership_id, end_on, end_precision from project where id = 'hai-duong-assainissement-urbain'`);
    expect(net, 'urban sanitation network').toEqual({ partnership_id: 'ssd-hai-duong', end_on: '2013-01-01', end_precision: 'year' });
    expect(await results('hai-duong-assainissement-urbain'), 'plant serves two hospitals').toEqual(['2 hôpitaux']);
    const places = await rows(`select territory_id from project_place where project_id = 'dong-can-schema-assainissement'`);
    expect(places.map((p) => p.territory_id), 'Đồng Cận plan place').toEqual(['VN-V-dong-can']);
    const village = await one(`select kind, parent_id from territory where id = 'VN-V-dong-can'`);
    expect(village, 'Đồng Cận village').toEqual({ kind: 'village', parent_id: 'VN-P-30' });
  });

  it('AVEC – Action Vietnam Eau: born 2009, four French leads, four Vietnamese places, 700 trainees (seed 000)', async () => {
    const p = await one(`select start_on, start_precision from project where id = 'avec'`);
    expect(p, 'AVEC start').toEqual({ start_on: '2009-01-01', start_precision: 'year' });
    const leads = await rows(`select organisation_id from project_participant where project_id = 'avec' and role = 'lead' order by organisation_id`);
    expect(leads.map((l) => l.organisation_id), 'AVEC leads').toEqual(['cd93', 'cd94', 'region-idf', 'siaap']);
    const places = await rows(`select territory_id from project_place where project_id = 'avec' order by territory_id`);
    expect(places.map((l) => l.territory_id), 'AVEC places').toEqual(['VN-C-hue', 'VN-P-01', 'VN-P-15', 'VN-P-30']);
    expect(await results('avec'), 'AVEC trainees').toEqual(['700 stagiaires']);
  });

  it('Phu Nu: Batik International, Hải Dương and Vĩnh Phúc, results 30 / 90 / 560 / 17 (seed 000)', async () => {
    expect(await results('phu-nu'), 'Phu Nu results').toEqual(['30 clubs', '90 femmes', '560 réunions', '17 logements']);
    const places = await rows(`select territory_id from project_place where project_id = 'phu-nu' order by territory_id`);
    expect(places.map((p) => p.territory_id), 'Phu Nu places').toEqual(['VN-P-26', 'VN-P-30']);
    const byRole = async (role: string) => (await rows(`select organisation_id from project_participant where project_id = 'phu-nu' and role = $1 order by organisation_id`, [role])).map((r) => r.organisation_id);
    expect(await byRole('lead'), 'Phu Nu lead').toEqual(['batik-international']);
    expect(await byRole('operational'), 'Phu Nu operational partners').toEqual(['batik-international', 'cdi-vietnam', 'gret',
      'syndicat-travailleurs-hai-duong', 'syndicat-travailleurs-vinh-phuc', 'union-femmes-hai-duong', 'union-femmes-vinh-phuc']);
    expect(await byRole('financial'), 'Phu Nu financial partners').toEqual(['afd', 'ccfd-terre-solidaire', 'cd93', 'find', 'fondation-abbe-pierre', 'fondation-weave-our-future', 'oxfam']);
  });

  it('Innotech: 230 000 EUR budget, 80 000 from CD93 and 80 000 from MEAE, 15 students (seed 000)', async () => {
    const p = await one(`select budget_amount, budget_currency, partnership_id from project where id = 'innotech-master'`);
    expect({ ...p, budget_amount: num(p.budget_amount) }, 'Innotech budget').toEqual({ budget_amount: 230000, budget_currency: 'EUR', partnership_id: 'ssd-hai-duong' });
    const f = await rows(`select funder_id, amount, currency from funding_line where project_id = 'innotech-master' order by position`);
    expect(f.map((x) => `${x.funder_id} ${num(x.amount)} ${x.currency}`), 'Innotech funding lines').toEqual(['cd93 80000 EUR', 'meae 80000 EUR']);
    expect(await results('innotech-master'), 'Innotech result').toEqual(['15 étudiants']);
  });

  it('youth, culture and economy projects of seed 000 with their years', async () => {
    const p = await rows(`select id, start_on, end_on, partnership_id from project where id = any($1::text[]) order by id`,
      [['echange-marionnettistes-2014', 'coy-jeunes-climat', 'echange-jeunes-montreuil-hai-duong-2016', 'semaine-annee-croisee-2014', 'salons-economiques-vietnam']]);
    expect(p.map((x) => `${x.id} ${x.start_on ?? '-'} ${x.end_on ?? '-'} ${x.partnership_id}`), 'seed 000 other projects').toEqual([
      'coy-jeunes-climat - - ssd-hai-duong',
      'echange-jeunes-montreuil-hai-duong-2016 2016-01-01 2016-01-01 montreuil-hai-duong',
      'echange-marionnettistes-2014 2014-01-01 2014-01-01 ssd-hai-duong',
      'salons-economiques-vietnam 2007-01-01 2010-01-01 ssd-hai-duong',
      'semaine-annee-croisee-2014 2014-06-01 2014-06-01 ssd-hai-duong',
    ]);
    const nef = await rows(`select 1 from project_participant where project_id = 'echange-marionnettistes-2014' and organisation_id = 'la-nef-pantin'`);
    expect(nef.length, 'La Nef de Pantin takes part in the puppeteers exchange').toBe(1);
  });

  it('Île-de-France ↔ Hanoï: the first convention, 1989 (seed 001)', async () => {
    expect(await parties('idf-hanoi'), 'idf-hanoi parties').toEqual({ 'region-idf': 'fr', 'hanoi-cp': 'foreign' });
    const a = await agreement('idf-hanoi-convention-1989');
    expect(a, 'convention 1989').toMatchObject({ kind: 'convention', signed_on: '1989-01-01', signed_precision: 'year' });
  });

  it('the three agreements of seed 004: dates, durations, axes', async () => {
    const dnipro = await agreement('hdf-dnipropetrovsk-protocole-2024');
    expect(dnipro, 'Hauts-de-France ↔ Dnipropetrovsk').toMatchObject({ partnership_id: 'hdf-dnipropetrovsk', kind: 'protocole_d_entente', signed_on: '2024-11-21', signed_precision: 'day', duration_months: 60 });
    expect(dnipro.axes.length, 'four axes').toBe(4);
    for (const [i, word] of ['économie circulaire', 'jeunesse', 'impression 3D', 'fonds européens'].entries()) {
      expect(fold(dnipro.axes[i]), `axis ${i + 1} speaks of ${word}`).toContain(fold(word));
    }
    expect(await parties('hdf-dnipropetrovsk'), 'hdf-dnipropetrovsk parties').toEqual({ 'region-hdf': 'fr', 'dnipropetrovsk-oblast': 'foreign' });
    const gs = await agreement('grande-synthe-sidi-ifni-convention-2024');
    expect(gs, 'Grande-Synthe ↔ Sidi Ifni').toMatchObject({ partnership_id: 'grande-synthe-sidi-ifni', kind: 'convention', signed_on: '2024-02-01', signed_precision: 'month', place: 'Maroc' });
    const va = await agreement('villeneuve-d-ascq-tanguieta-convention-2024');
    expect(va, 'Villeneuve-d’Ascq ↔ Tanguiéta').toMatchObject({ partnership_id: 'villeneuve-d-ascq-tanguieta', kind: 'convention', signed_on: '2024-11-22', signed_precision: 'day' });
    const started = await one(`select started_on, started_precision from partnership where id = 'villeneuve-d-ascq-tanguieta'`);
    expect(started, 'Villeneuve-d’Ascq ↔ Tanguiéta since 2018').toEqual({ started_on: '2018-01-01', started_precision: 'year' });
    const oblast = await one(`select kind, parent_id, codes from territory where id = 'UA-12'`);
    expect(oblast, 'Dnipropetrovsk oblast').toEqual({ kind: 'oblast', parent_id: 'UA', codes: { iso3166_2: 'UA-12' } });
  });

  it('projects of seed 004: Tanguiéta (four), the Sidi Ifni park, Lianes programmes', async () => {
    const t = await rows(`select id from project where partnership_id = 'villeneuve-d-ascq-tanguieta' order by id`);
    expect(t.map((x) => x.id), 'Tanguiéta projects').toEqual(['tanguieta-alphabetisation', 'tanguieta-basket-filles', 'tanguieta-bourses-insertion', 'tanguieta-centre-artisanat']);
    const esb = await rows(`select role from project_participant where project_id = 'tanguieta-basket-filles' and organisation_id = 'esbva-lm'`);
    expect(esb.length, 'ESBVA-LM takes part in the basketball project').toBe(1);
    const park = await rows(`select territory_id from project_place where project_id = 'sidi-ifni-parc-urbain'`);
    expect(park.map((x) => x.territory_id), 'urban park place').toEqual(['MA-C-sidi-ifni']);
    const lianes = await rows(`select project_id from project_participant where organisation_id = 'lianes' and role = 'lead' order by project_id`);
    expect(lianes.map((x) => x.project_id), 'Lianes programmes').toEqual(['lianes-appui-maroc', 'lianes-inspire']);
  });

  it('Cergy ↔ Huế: signed 2018, its projects and its delegations with dates (seed 003)', async () => {
    expect(await parties('cergy-hue'), 'cergy-hue parties').toEqual({ 'ville-cergy': 'fr', 'ville-hue': 'foreign' });
    const a = await agreement('cergy-hue-accord-2018');
    expect(a, 'agreement 2018').toMatchObject({ signed_on: '2018-01-01', signed_precision: 'year' });
    expect(await parties('cergy-thies'), 'cergy-thies').toEqual({ 'ville-cergy': 'fr', 'ville-thies': 'foreign' });
    expect(await parties('cergy-saffa'), 'cergy-saffa').toEqual({ 'ville-cergy': 'fr', 'ville-saffa': 'foreign' });
    const nov = await mission('hue-cergy-2023-11');
    expect(nov, 'Huế in Cergy, November 2023').toMatchObject({ direction: 'incoming', from_on: '2023-11-16', from_precision: 'day', to_on: '2023-11-28', place_territory_id: 'FR-C-95127', partnership_id: 'cergy-hue' });
    expect(nov.orgs, 'November 2023 delegation organisations').toEqual(expect.arrayContaining(['ville-hue', 'cma-95', 'universite-cy']));
    const may = await mission('cergy-hue-2023-05');
    expect(may, 'Cergy in Huế, May 2023').toMatchObject({ direction: 'outgoing', from_on: '2023-05-01', from_precision: 'month', place_territory_id: 'VN-C-hue' });
    const feb = await mission('hue-cergy-2023-02');
    expect(feb, 'Huế in Cergy, February 2023').toMatchObject({ direction: 'incoming', from_on: '2023-02-15', to_on: '2023-02-21', to_precision: 'day' });
    expect(feb.orgs, 'February 2023: city and province').toEqual(expect.arrayContaining(['ville-hue', 'thua-thien-hue-cp']));
    const ateliers = await mission('ateliers-hue-2023-04');
    expect(ateliers, 'Ateliers in Huế, April 2023').toMatchObject({ direction: 'outgoing', from_on: '2023-04-01', from_precision: 'month' });
    const cultural = await one(`select start_on, end_on from project where id = 'cergy-hue-echanges-culturels-2023'`);
    expect(cultural, 'Échanges culturels 2023-2024').toEqual({ start_on: '2023-01-01', end_on: '2024-01-01' });
    const meae = await rows(`select 1 from project_participant where project_id = 'cergy-hue-echanges-culturels-2023' and organisation_id = 'meae' and role = 'financial'`);
    expect(meae.length, 'MEAE co-finances the cultural exchanges').toBe(1);
    const since = await rows(`select id, start_on from project where id in ('cergy-hue-correspondance-scolaire', 'cergy-hue-clubs-culturels', 'cergy-jeunesse-echanges-culturels-2020') order by id`);
    expect(since.map((x) => `${x.id} ${x.start_on}`), 'Cergy projects since').toEqual([
      'cergy-hue-clubs-culturels 2019-01-01', 'cergy-hue-correspondance-scolaire 2021-01-01', 'cergy-jeunesse-echanges-culturels-2020 2020-01-01']);
  });

  it('other delegations: Sidi Ifni 22 Nov 2024, Yên Bái Sept 2023, Huế at Grand Poitiers Dec 2023', async () => {
    expect(await mission('sidi-ifni-grande-synthe-2024-11'), 'Sidi Ifni in Grande-Synthe').toMatchObject({ direction: 'incoming', from_on: '2024-11-22', from_precision: 'day', place_territory_id: 'FR-C-59271' });
    expect(await mission('yen-bai-val-de-marne-2023-09'), 'Yên Bái in Val-de-Marne').toMatchObject({ direction: 'incoming', from_on: '2023-09-01', from_precision: 'month', partnership_id: 'cd94-yen-bai' });
    expect(await mission('hue-grand-poitiers-2023-12'), 'Huế at Grand Poitiers').toMatchObject({ direction: 'incoming', from_on: '2023-12-01', from_precision: 'month', place_territory_id: 'FR-E-200069854' });
    expect(await parties('cd94-yen-bai'), 'Val-de-Marne ↔ Yên Bái').toEqual({ cd94: 'fr', 'yen-bai-cp': 'foreign' });
  });

  it('presentation figures of seed 000 and 003, with year and source', async () => {
    const r = await rows(`select territory_id, indicator, year, value, unit, source from indicator_value
      where source_document_id in ('seed-000', 'seed-003') order by territory_id, indicator`);
    const got = r.map((x) => `${x.territory_id} ${x.indicator} ${x.year} ${num(x.value)} ${x.unit}`);
    expect(got, 'indicator rows').toEqual([
      'VN area_km2 2020 331210 km²', 'VN hdi 2020 0.704 index', 'VN life_expectancy 2020 75.2 years', 'VN literacy_rate 2020 95.8 %',
      'VN population 2020 102700000 people', 'VN unemployment_rate 2020 3.3 %',
      'VN-C-hai-duong population 2020 200000 people', 'VN-C-hue population 2023 600000 people',
      'VN-P-30 area_km2 2020 1648 km²', 'VN-P-30 population 2020 1900000 people',
    ]);
    const sources = new Set(r.filter((x) => x.territory_id !== 'VN-C-hue').map((x) => x.source));
    expect([...sources], 'seed 000 source label').toEqual(['Département de la Seine-Saint-Denis – fiche coopération Hai Duong']);
  });

  it('territories created by the seeds, and their history', async () => {
    const hue = await one(`select kind, parent_id, names, aliases from territory where id = 'VN-C-hue'`);
    expect(hue, 'city of Huế').toMatchObject({ kind: 'city', parent_id: 'VN-P-46', names: { fr: 'Hué', vi: 'Huế', en: 'Hue' } });
    expect(hue.aliases, 'Huế aliases').toEqual(expect.arrayContaining(['Hue', 'Hué', 'Ville de Hué']));
    const changes = await rows(`select from_id, to_id, kind, on_date from territory_change where from_id in ('VN-C-hue', 'VN-C-hai-duong') order by from_id`);
    expect(changes.map((c) => `${c.from_id} ${c.kind} ${c.to_id} ${c.on_date}`), 'city changes').toEqual([
      'VN-C-hai-duong absorbed VN-2025-31 2025-07-01', 'VN-C-hue absorbed VN-2025-46 2025-01-01']);
    const parents = await rows(`select id, parent_id, country from territory where id in ('MA-C-sidi-ifni', 'BJ-C-tanguieta', 'SN-C-thies', 'PS-C-saffa', 'VN-C-hai-duong') order by id`);
    expect(parents.map((t) => `${t.id} < ${t.parent_id} (${t.country})`), 'foreign places').toEqual([
      'BJ-C-tanguieta < BJ-AK (BJ)', 'MA-C-sidi-ifni < MA-10 (MA)', 'PS-C-saffa < PS-RBH (PS)', 'SN-C-thies < SN-TH (SN)', 'VN-C-hai-duong < VN-P-30 (VN)']);
  });

  it('every organisation named in the documents exists (name, acronym or alias)', async () => {
    const named = [
      // 000
      'CD93', 'Département de la Seine-Saint-Denis', 'Ville de Montreuil', 'Comité populaire de Hai Duong', 'SIAAP', 'MAEE', 'MEAE',
      'Conseil départemental du Val-de-Marne', "Conseil régional d'Île-de-France", 'Batik International', 'GRET',
      "Centre pour le développement et l'intégration", 'Union des femmes', 'Syndicat des travailleurs', 'AFD', 'CCFD-Terre solidaire',
      'Fondation Abbé Pierre', 'Oxfam', 'Fondation Weave Our Future', 'FIND', 'Innotech', 'La Nef de Pantin', 'Nations Unies',
      "Zappy meal d'Aubervilliers", 'CCI 93',
      // 001
      'Cités Unies France', 'groupe-pays Vietnam de Cités Unies France', "comité populaire d'Hanoi", 'Région Midi-Pyrénées',
      // 002
      'Ministère de l’Europe et des Affaires étrangères', 'Ambassade de France', 'Délégation à l’action extérieure des collectivités territoriales', 'DAECT',
      'Sénat', 'Groupe-Pays Vietnam', 'pS-Eau', 'Lorient', 'FSFV', "groupe d'amitié Vietnam de l'Assemblée nationale", 'Grand Poitiers',
      'Région Nouvelle-Aquitaine', 'Val de Marne', 'Yen Bai',
      // 003
      'Ville de Cergy', 'Ville de Hué', 'Province de Thua Thien Hué', 'UNESCO', 'CMA 95', "Chambre de Métiers et de l'Artisanat du Val d'Oise",
      'Office du Tourisme', 'École de Tourisme de Hué', 'École Supérieure du Tourisme', 'Université CY', 'Cour des arts de Vauréal',
      'France Vietnam', 'Party Pris', "Les Ateliers Internationaux de Maîtrise d'Oeuvre Urbaine de Cergy-Pontoise", 'Collège du Moulin à Vent',
      'Collège Tràn Cao Vân', 'Thái Nghi Đường', 'groupe de danse de la licorne', 'Arts Martiaux Vo Dan Toc', 'ville de Saffa', 'ville de Thiès',
      // 004
      'Lianes coopération', 'Région Hauts-de-France', 'Région de Dnipropetrovsk', 'Grande-Synthe', 'Sidi Ifni', "Villeneuve d'Ascq", 'Tanguiéta',
      'Artisanat Solidarité Nord Bénin Nord de France', 'ASNBNF', 'AADACT', 'ESBVA-LM', 'MRES', 'Crajep', 'Département Pas de Calais',
      'Dunkerque Grand Littoral', "Agende de l'eau", 'Agence Française de Développement', "Ministère de l'Europe et des Affaires Etrangères",
      'Direction Régionale de la Jeunesse, des Sports et de la Cohésion Sociale', 'Ville de Lille', 'FONJEP', 'Métropole Européenne de Lille',
      'Agence Nationale pour la Rénovation Urbaine', 'Fondation Norsys', 'CRID', 'Département Nord', "Caisse d'Épargne", 'RRMA Conférence Interrégionale', 'Pôle Emploi',
    ];
    const orgs = await rows('select id, name, acronyms, aliases from organisation');
    const forms = new Set(orgs.flatMap((o) => [o.name, ...o.acronyms, ...o.aliases].map((f: string) => fold(f.replace(/’/g, "'")))));
    const missing = named.filter((n) => !forms.has(fold(n.replace(/’/g, "'"))));
    expect(missing, 'organisations named in the documents but not found').toEqual([]);
  });

  it('themes, places and organisations referenced by the seeds all resolve', async () => {
    const badThemes = await rows(`select p.id, t from partnership p, unnest(p.themes) t where not exists (select 1 from theme where id = t)
      union all select p.id, t from project p, unnest(p.themes) t where not exists (select 1 from theme where id = t)`);
    expect(badThemes, 'unknown theme ids').toEqual([]);
    const collectivites = await rows(`select id from organisation where kind = 'collectivite' and territory_id is null`);
    expect(collectivites.map((c) => c.id), 'collectivités without territory').toEqual([]);
  });
});
