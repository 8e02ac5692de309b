/** Relations with places the gazetteer does not know (twin towns, foreign authority words), places inside names, the franc CFA of Central Africa. */
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';

let gaz: Gazetteer;
beforeAll(async () => { gaz = await loadGazetteer({ seed: false }); }, 60_000);
const pairs = (text: string) => extract(text, gaz).partnerships.map((p) => [p.parties, p.signed ?? null]);

describe('partnerships with places the gazetteer does not know', () => {
  it('a foreign authority word names the party: « la voïvodie de Silésie »', () => {
    expect(pairs('La Région Grand Est et la voïvodie de Silésie ont signé un accord-cadre de coopération en 2011.'))
      .toEqual([[['Région Grand Est', 'Voïvodie de Silésie'], '2011']]);
  });
  it('twin towns: « liens d’amitié avec », « le jumelage entre X et Y », officialised on a date', () => {
    expect(pairs('La ville de Rennes entretient des liens d’amitié avec Sendai depuis 1967.')).toEqual([[['Ville de Rennes', 'Sendai'], '1967']]);
    expect(pairs('Le jumelage entre Besançon et Fribourg-en-Brisgau a été officialisé le 3 mars 1959.'))
      .toEqual([[['Besançon', 'Fribourg-en-Brisgau'], '1959-03-03']]);
  });
  it('« une convention lie X à la ville de Y »: the second party, not a place where it happens', () => {
    const got = pairs('Une convention de partenariat lie la commune de Saint-Herblain à la ville de Tchibanga (Gabon) depuis le 12 avril 2002.');
    expect(got).toEqual([[['Commune de Saint-Herblain', 'Tchibanga'], '2002-04-12']]);
  });
  it('a list of partners and co-funders is no partnership', () => {
    expect(pairs('Nos partenaires : l’Agence française de développement, la Région Bretagne et Cités Unies France.')).toEqual([]);
    expect(pairs('Ce projet est cofinancé par l’Union européenne et la Région Normandie.')).toEqual([]);
  });
});

describe('the franc CFA', () => {
  const currencies = (text: string) => extract(text, gaz).amounts.map((a) => a.currency);
  it('is XOF in West Africa and XAF in Central Africa or when the text says XAF', () => {
    expect(currencies('La commune de Kaya, au Burkina Faso, a reçu 32 millions de francs CFA.')).toEqual(['XOF']);
    expect(currencies('La commune de Bangangté, au Cameroun, a reçu 5 000 000 FCFA.')).toEqual(['XAF']);
    expect(currencies('Le projet a coûté 32 millions de francs CFA (XAF).')).toEqual(['XAF']);
  });
});

describe('places inside an organisation\'s name', () => {
  const places = (text: string) => extract(text, gaz).territories.map((t) => t.name);
  it('are part of the name, except known towns and the places of authorities', () => {
    expect(places('Le projet est soutenu par Cités Unies France et l’Agence de l’eau Rhône Méditerranée Corse.')).toEqual([]);
    expect(places('L’Institut Agro Montpellier forme des ingénieurs.')).toEqual(['Montpellier']);
    expect(places('Le Département de la Gironde coopère avec le Mali.')).toEqual(['Gironde', 'Mali']);
  });
});
