// Money and quantities in French text: number formats, currencies, units, exclusions, and scores on annotated pages.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';
import { parseDigits, parseFrenchWords } from './french-numbers.js';
import { findAmounts, findQuantities, normaliseUnit } from './numbers.js';

const money = (text: string) => findAmounts(text).map((a) => `${a.value} ${a.currency}`);
const counts = (text: string) => findQuantities(text, [...findDates(text), ...findAmounts(text)]).map((q) => `${q.value} ${q.unit}`);

describe('French numbers', () => {
  it('parses separators and decimals', () => {
    expect(parseDigits('230 000')).toBe(230000);
    expect(parseDigits('12\u00A0500')).toBe(12500);
    expect(parseDigits('7\u202F000\u202F000')).toBe(7000000);
    expect(parseDigits('1\u20091')).toBe(11);
    expect(parseDigits('1.500.000')).toBe(1500000);
    expect(parseDigits('3.3')).toBe(3.3);
    expect(parseDigits('102,7')).toBe(102.7);
  });
  it('parses numbers written in words', () => {
    expect(parseFrenchWords('huit cents')).toBe(800);
    expect(parseFrenchWords('deux mille trois cents')).toBe(2300);
    expect(parseFrenchWords('quatre-vingt-dix')).toBe(90);
    expect(parseFrenchWords('vingt et un')).toBe(21);
    expect(parseFrenchWords('mille')).toBe(1000);
    expect(parseFrenchWords('bonjour')).toBeNaN();
  });
});

describe('findAmounts', () => {
  it('reads euros with every French space and compact multipliers', () => {
    expect(money('Un budget de 230 000 euros, 12\u00A0500 €, 7\u202F000 EUR et 3\u2009000 euros.')).toEqual(['230000 EUR', '12500 EUR', '7000 EUR', '3000 EUR']);
    expect(money('Soit 140 k€, 60,5 M€, 1,2 Md€ et 140k€.')).toEqual(['140000 EUR', '60500000 EUR', '1200000000 EUR']);
    expect(money('1.500.000 euros ; 1,5 million d\'euros ; 2 milliards d’euros.')).toEqual(['1500000 EUR', '2000000000 EUR']);
  });
  it('reads other currencies, before or after the number', () => {
    expect(money('45 000 000 FCFA, 300 000 francs CFA, 7 000 dirhams, 4,5 MDH, 3 millions de dongs, 90 000 VND.'))
      .toEqual(['45000000 XOF', '300000 XOF', '7000 MAD', '4500000 MAD', '3000000 VND', '90000 VND']);
    expect(money('250 $, USD 400, 5 000 dollars, 2 millions de livres sterling, 10 000 gourdes, 1 000 ariary.'))
      .toEqual(['250 USD', '400 USD', '5000 USD', '2000000 GBP', '10000 HTG', '1000 MGA']);
  });
  it('reads amounts written in words', () => {
    expect(money('Huit cents euros, deux mille euros, trois cents millions de dollars, vingt millions d\'euros, dix euros.'))
      .toEqual(['800 EUR', '2000 EUR', '300000000 USD', '20000000 EUR', '10 EUR']);
  });
  it('reads the bare shares of an amount in its parenthesis or after "dont"', () => {
    const text = '230 000 euros sur 2 ans (80 000 CD93 et 80 000 MAEE).';
    expect(money(text)).toEqual(['230000 EUR', '80000 EUR']);
    expect(money('Un total de 90 000 € dont 30 000 pour la formation.')).toEqual(['90000 EUR', '30000 EUR']);
    expect(money('Un total de 90 000 € (2020) pour 12 communes.')).toEqual(['90000 EUR']);
  });
  it('does not read books, counts or years as money', () => {
    expect(money('500 livres distribués à 2 000 habitants en 2019.')).toEqual([]);
  });
  it('keeps spans that slice the source', () => {
    const text = 'Soit 60,5 M€ et 80\u00A0000 euros, puis $ 300.';
    for (const a of findAmounts(text)) expect(text.slice(a.start, a.end)).toBe(a.text);
  });
});

describe('findQuantities', () => {
  it('reads counted things with the noun as unit', () => {
    expect(counts('Plus de 700 stagiaires ont été formés ; 30 clubs de femmes ; 90 femmes leaders ; 15 réponses.'))
      .toEqual(['700 stagiaires', '30 clubs', '90 femmes', '15 réponses']);
    expect(counts('3 nouvelles coopérations, 1 200 élèves et 45 sages-femmes.')).toEqual(['3 coopérations', '1200 élèves', '45 sages-femmes']);
  });
  it('reads multipliers, inclusive writing, percents and areas', () => {
    expect(counts('102,7 millions d\'habitants et 1,9 millions d’habitant.e.s.')).toEqual(['102700000 habitants', '1900000 habitants']);
    expect(counts('Un taux de 3.3% puis 3,3 % et 12,5 pour cent.')).toEqual(['3.3 %', '12.5 %']);
    expect(counts('331 210 km², 1\u00A0648 km2, 45 000 hectares, 50 kilomètres.')).toEqual(['331210 km²', '1648 km²', '45000 hectares', '50 kilomètres']);
    expect(counts('3,5 t de déchets, 250 kg de riz, 1 500 l d\'eau et 300 m de canalisations.')).toEqual(['3.5 t', '250 kg', '1500 l', '300 m']);
    expect(normaliseUnit('élu·e·s')).toBe('élus');
    expect(normaliseUnit('étudiant(e)s')).toBe('étudiants');
  });
  it('reads measures after a label and counts written in words from a hundred', () => {
    expect(counts('Espérance de vie : 75,2 ans\nIDH : 0,704\nPopulation : 28 000 000')).toEqual(['75.2 ans', '0.704 idh', '28000000 habitants']);
    expect(counts('Trois cents familles, deux mille habitants, deux hôpitaux, quatre acteurs.')).toEqual(['300 familles', '2000 habitants']);
    expect(counts('Entre 20 et 30 personnes ; de 2 000 à 3 000 habitants.')).toEqual(['20 personnes', '30 personnes', '2000 habitants', '3000 habitants']);
    expect(counts('Nombre de projets : 312\nNombre de collectivités françaises engagées : 84\nIDH : 0,438 (184e sur 191)\nDurée : 36 mois'))
      .toEqual(['312 projets', '84 collectivités', '0.438 idh']);
  });
  it('skips durations, ordinals, years, money, postcodes, phones, times and identifiers', () => {
    expect(counts('Sur 2 ans, pendant 10 ans, tous les 3 ans, 24 heures, la 12e édition, les 13^e Assises.')).toEqual([]);
    expect(counts('En 2009, 230 000 euros, à 14h30, 10h00, tél : 01 23 45 67 89, 59 000 LILLE, 75011 Paris.')).toEqual([]);
    expect(counts('Le CD93, la COP21, la CCI 93, l\'impression 3D, n° 12 salles, https://exemple.org/12-salles.')).toEqual([]);
  });
  it('keeps the first of each (value, unit) and spans that slice the source', () => {
    const text = 'Hué compte 600 000** habitants ; 600 000 habitants ; 600 000 visiteurs.';
    const found = findQuantities(text);
    expect(found.map((q) => `${q.value} ${q.unit}`)).toEqual(['600000 habitants', '600000 visiteurs']);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

interface Expected { dates: { value: string }[]; amounts: { value: number; currency: string }[]; quantities: { value: number; unit: string }[] }

function keys(text: string) {
  const dates = findDates(text);
  const amounts = findAmounts(text);
  return {
    dates: dates.map((d) => d.value),
    amounts: amounts.map((a) => `${a.value}|${a.currency}`),
    quantities: findQuantities(text, [...dates, ...amounts]).map((q) => `${q.value}|${q.unit}`),
  };
}

function expectedKeys(e: Expected) {
  return {
    dates: e.dates.map((d) => d.value),
    amounts: e.amounts.map((a) => `${a.value}|${a.currency}`),
    quantities: e.quantities.map((q) => `${q.value}|${q.unit.toLowerCase()}`),
  };
}

/** Micro precision and recall over documents, by category. */
function score(docs: { text: string; expected: Expected }[]) {
  const result: Record<string, { tp: number; found: number; expected: number }> = {};
  for (const { text, expected } of docs) {
    const got = keys(text);
    const want = expectedKeys(expected);
    for (const cat of ['dates', 'amounts', 'quantities'] as const) {
      const r = (result[cat] ??= { tp: 0, found: 0, expected: 0 });
      const wanted = new Set(want[cat]);
      const gotSet = new Set(got[cat]);
      r.tp += [...gotSet].filter((k) => wanted.has(k)).length;
      r.found += gotSet.size;
      r.expected += wanted.size;
    }
  }
  return result;
}

// Two short texts written for these tests (other countries than Vietnam), with the answers the guide asks for.
const OWN: { text: string; expected: Expected }[] = [
  {
    text: 'Depuis 2012, la région de Ziguinchor (Sénégal) et son département partenaire mènent un programme d\'accès à l\'eau. '
      + 'La deuxième phase, lancée en mars 2021, mobilise 45\u00A0000\u00A0000 FCFA et 120 000 € (dont 80 000 de l\'AFD). '
      + 'Du 3 au 7 octobre 2022, une délégation de 6 élus a visité 14 forages. Le taux d\'accès atteint 78,5 % pour '
      + '250 000 habitants, sur 3 ans. Prochaine évaluation : fin 2025.',
    expected: {
      dates: [{ value: '2012' }, { value: '2021-03' }, { value: '2022-10-03' }, { value: '2022-10-07' }, { value: '2025' }],
      amounts: [{ value: 45000000, currency: 'XOF' }, { value: 120000, currency: 'EUR' }, { value: 80000, currency: 'EUR' }],
      quantities: [{ value: 6, unit: 'élus' }, { value: 14, unit: 'forages' }, { value: 78.5, unit: '%' }, { value: 250000, unit: 'habitants' }],
    },
  },
  {
    text: 'Fiche pays : Madagascar\nPopulation : 30,3 millions d’habitant·e·s\nSuperficie : 587\u202F041 km²\nIDH : 0,487\n\n'
      + 'Le jumelage signé le 12/05/2016 avec Antsirabe a permis de former deux cents agents municipaux et de rénover 3 écoles. '
      + 'Le budget 2019-2020 atteint 1,2 M€, complété par huit cents millions d\'ariary. Au Maroc, à Agadir, 40 jeunes ont '
      + 'suivi un stage de 15 jours ; le projet a coûté 350 000 dirhams. Contact : 04 72 10 20 30, 12 rue de la Paix, 69002 Lyon.',
    expected: {
      dates: [{ value: '2016-05-12' }, { value: '2019' }, { value: '2020' }],
      amounts: [{ value: 1200000, currency: 'EUR' }, { value: 800000000, currency: 'MGA' }, { value: 350000, currency: 'MAD' }],
      quantities: [{ value: 30300000, unit: 'habitants' }, { value: 587041, unit: 'km²' }, { value: 0.487, unit: 'idh' },
        { value: 200, unit: 'agents' }, { value: 3, unit: 'écoles' }, { value: 40, unit: 'jeunes' }],
    },
  },
];

describe('scores', () => {
  it('finds exactly the values of the two texts written for these tests', () => {
    for (const doc of OWN) {
      const got = keys(doc.text);
      const want = expectedKeys(doc.expected);
      expect(got).toEqual(want);
    }
  });

  const examples = '/work/shared/design/extract-examples';
  const seeds = '/work/shared/seeds';
  it.skipIf(!existsSync(examples) || !existsSync(seeds))('recalls at least 90% of the annotated seeds\' dates, amounts and quantities', () => {
    const docs = ['000_e314c76616ea11ab', '003_42ffba44045cda45'].map((name) => ({
      text: readFileSync(`${seeds}/${name}.txt`, 'utf8'),
      expected: JSON.parse(readFileSync(`${examples}/${name}.json`, 'utf8')) as Expected,
    }));
    const result = score(docs);
    for (const [cat, r] of Object.entries(result)) {
      console.log(`${cat}: precision ${(r.tp / (r.found || 1)).toFixed(3)} recall ${(r.tp / (r.expected || 1)).toFixed(3)} (${r.tp}/${r.found} found, ${r.expected} expected)`);
      expect(r.tp / r.expected, cat).toBeGreaterThanOrEqual(0.9);
    }
  });
});
