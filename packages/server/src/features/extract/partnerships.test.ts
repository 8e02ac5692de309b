/** Partnerships: cue sentences with two parties, the page's main authority, signing dates, not co-funding. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findOrganisations, findTerritories } from './entities.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { findPartnerships } from './partnerships.js';
import type { DateFact } from './types.js';

let gaz: Gazetteer;
beforeAll(async () => { gaz = await loadGazetteer({ seed: false }); }, 60_000);

function run(text: string, dates: DateFact[] = []) {
  const territories = findTerritories(text, gaz);
  const organisations = findOrganisations(text, gaz, territories);
  return findPartnerships(text, { organisations, territories, dates });
}

const dateAt = (text: string, written: string, value: string): DateFact => {
  const start = text.indexOf(written);
  return { text: written, start, end: start + written.length, value };
};

describe('findPartnerships', () => {
  it('reads a cooperation between two parties with its signing date', () => {
    const text = 'La coopération entre Cergy et Hué, au Vietnam, est née du partenariat signé en 2018.';
    const ps = run(text, [dateAt(text, 'en 2018', '2018')]);
    expect(ps).toHaveLength(1);
    expect(ps[0].parties).toEqual(['Cergy', 'Huế']);
    expect(ps[0].signed).toBe('2018');
    expect(text.slice(ps[0].start, ps[0].end)).toBe(ps[0].text);
  });

  it('has no date when the sentence gives none', () => {
    const ps = run('Montreuil est jumelée avec la ville de Hai Duong.');
    expect(ps).toHaveLength(1);
    expect(ps[0].signed).toBeUndefined();
  });

  it('adds the page main authority when the sentence names one partner', () => {
    const text = 'Cergy agit. Cergy accueille. Cergy forme.\nPour découvrir la coopération avec la ville de Saffa en Palestine.';
    const ps = run(text);
    expect(ps).toHaveLength(1);
    expect(ps[0].parties).toEqual(['Cergy', 'Ville de Saffa']);
  });

  it('does not read co-funding as a partnership', () => {
    expect(run('Le projet de coopération est cofinancé par l’Agence française de développement et le Ministère de l’Europe et des Affaires étrangères.')).toEqual([]);
    expect(run('Ce projet de coopération a été lancé avec le soutien financier du Ministère de l’Europe et des Affaires étrangères.')).toEqual([]);
  });

  it('reads places where the cooperation takes place as no party', () => {
    const ps = run('Le Conseil départemental du Nord renouvelle sa convention de coopération avec la région de Kayes (Mali), étendue à la commune de Sévaré.');
    expect(ps).toHaveLength(1);
    expect(ps[0].parties).toEqual(['Conseil départemental du Nord', 'Région de Kayes']);
  });

  it('does not read a plan as a relation, nor a sentence without a cue', () => {
    expect(run('Des conventions ont été envisagées entre Cergy et Hué.')).toEqual([]);
    expect(run('Une délégation de Hué a visité Cergy.')).toEqual([]);
  });
});
