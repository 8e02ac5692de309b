/** General cues added for unseen pages: currencies, names completed by "(ACR) de X", places known only by how the text speaks of them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findOrganisations, findTerritories } from './entities.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { findAmounts } from './numbers.js';

let gaz: Gazetteer;
beforeAll(async () => { gaz = await loadGazetteer({ seed: false }); }, 60_000);

const orgs = (text: string) => findOrganisations(text, gaz, findTerritories(text, gaz));
const places = (text: string) => findTerritories(text, gaz).map((t) => `${t.name}/${t.country}`);

describe('currencies', () => {
  it('reads Canadian dollars, drams and hryvnias', () => {
    expect(findAmounts('Une aide de 7 500 $ CA et 2 000 dollars canadiens.').map((a) => [a.value, a.currency])).toEqual([[7500, 'CAD'], [2000, 'CAD']]);
    expect(findAmounts('Soit 3 millions de drams arméniens, puis 900 AMD.').map((a) => [a.value, a.currency])).toEqual([[3000000, 'AMD'], [900, 'AMD']]);
    expect(findAmounts('Un coût de 40 000 hryvnias.')[0].currency).toBe('UAH');
  });
  it('an ISO currency code is not an organisation', () => {
    expect(orgs('Le budget atteint 5 000 000 (AMD) cette année.').map((o) => o.text)).not.toContain('AMD');
  });
});

describe('organisation names', () => {
  it('a name, its acronym in brackets and "de <place>" are one organisation', () => {
    const found = orgs('Nous travaillons avec la Chambre régionale d’agriculture (CRA) de Thiès. La CRA forme 30 jeunes.');
    const cra = found.find((o) => o.acronym === 'CRA')!;
    expect(cra.text).toBe('Chambre régionale d’agriculture (CRA) de Thiès');
    expect(cra.name).toBe('Chambre régionale d’agriculture de Thiès');
    expect(found).toHaveLength(1);
  });
  it('a month or a year ends a name', () => {
    expect(orgs('Le projet sera présenté au Conseil municipal en mars 2024.').map((o) => o.text)).toEqual(['Conseil municipal']);
    expect(orgs('Elle a rejoint l’Union régionale 2019 fut une bonne année.').map((o) => o.text)).toEqual(['Union régionale']);
  });
  it('the article before a name spelled by its acronym is not kept', () => {
    expect(orgs('L’Institut Supérieur Agronomique (ISA) accueille des étudiants.').map((o) => o.text)).toContain('Institut Supérieur Agronomique');
  });
  it('a ministry written in lower case is still the known one', () => {
    expect(orgs('Une subvention du ministère de l’Europe et des Affaires étrangères.').map((o) => o.acronym)).toContain('MEAE');
  });
});

describe('places known by their cue', () => {
  it('"(ACR) de X" names the place of an organisation', () => {
    expect(places('Un accord avec l’Office de tourisme (OTK) de Kribi, au Cameroun.')).toContain('Kribi/CM');
  });
  it('a type word with an adjective and a list of places', () => {
    expect(places('Au Sénégal, les villages voisins de Ndiobène et de Keur Madiop sont raccordés.')).toEqual(expect.arrayContaining(['Ndiobène/SN', 'Keur Madiop/SN']));
    expect(places('La ville marocaine de Tiznit accueille le forum.')).toContain('Tiznit/MA');
  });
  it('"vers X" with another country nearby, not inside a name', () => {
    expect(places('Du matériel a été acheminé en Moldavie, vers Bălți et Soroca.')).toContain('Bălți/MD');
    expect(places('Au Maroc, le Collège du Moulin à Vent échange avec Tiznit.').join()).not.toMatch(/Vent/);
    expect(places('Une lettre a été envoyée à Martin hier.')).toEqual([]);
  });
});

describe('foreign regions and towns of the field', () => {
  it('knows a province abroad and a large town without a type word', () => {
    expect(places('Une mission en Ontario puis à Bouaké.')).toEqual(expect.arrayContaining(['Ontario/CA', 'Bouaké/CI']));
  });
  it('reads a short town name that is also a word only with a place context', () => {
    expect(places('Le Gao est un plat.')).toEqual([]);
  });
  it('a consulate is an organisation, a general assembly is not', () => {
    expect(orgs('Le Consulat général du Sénégal a reçu la délégation.').map((o) => o.text)).toEqual(['Consulat général du Sénégal']);
    expect(orgs('L’Assemblée générale a voté le budget.')).toEqual([]);
  });
});

describe('the country of an unknown place', () => {
  it('comes from a foreign region named right after it', () => {
    expect(places('Un accord avec la communauté rurale de Portneuf, au Québec, puis un autre avec le Maroc.')).toContain('Portneuf/CA');
  });
});
