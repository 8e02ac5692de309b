// Dates in French text: formats, ranges, bare years in context, and what is not a date.
import { describe, expect, it } from 'vitest';
import { findDates, monthNumber } from './dates.js';

const values = (text: string) => findDates(text).map((d) => d.value);

describe('findDates', () => {
  it('reads month and year, full dates and "1er"', () => {
    expect(values('Le protocole a été signé en mai 2006.')).toEqual(['2006-05']);
    expect(values('Rendez-vous le 16 novembre 2023 à Lyon.')).toEqual(['2023-11-16']);
    expect(values('Ouverture le 1er avril 2019, clôture le vendredi 9 juin 2023.')).toEqual(['2019-04-01', '2023-06-09']);
  });

  it('gives both ends of a range and each day of a list', () => {
    expect(values('Une mission du 16 au 28 novembre 2023.')).toEqual(['2023-11-16', '2023-11-28']);
    expect(values('Les 1er et 2 avril 2019 à Toulouse.')).toEqual(['2019-04-01', '2019-04-02']);
    expect(values('Les 1^{er} et 2 avril 2019, puis 1-2 avril 2019.')).toEqual(['2019-04-01', '2019-04-02']);
    expect(values('Du 3 mars au 5 avril 2022.')).toEqual(['2022-03-03', '2022-04-05']);
    expect(values('Du 20 décembre 2021 au 4 janvier 2022.')).toEqual(['2021-12-20', '2022-01-04']);
    expect(values('De novembre 2019 à février 2020.')).toEqual(['2019-11', '2020-02']);
  });

  it('reads year ranges and numeric dates', () => {
    expect(values('Un projet sur deux ans (2023-2024).')).toEqual(['2023', '2024']);
    expect(values('Le plan 2022–2024 et la saison 2023/24.')).toEqual(['2022', '2024', '2023']);
    expect(values('Publié le 16/11/2023, mis à jour le 2024-01-05.')).toEqual(['2023-11-16', '2024-01-05']);
    expect(values('Facture du 31/02/2023.')).toEqual([]);
  });

  it('reads month names with or without accents and case, and abbreviations', () => {
    expect(values('En fevrier 2020, en AOÛT 2021, en aout 2019, en déc. 2018, en Décembre 2017.')).toEqual(['2020-02', '2021-08', '2019-08', '2018-12', '2017-12']);
    expect(monthNumber('Févr.')).toBe(2);
    expect(monthNumber('juillet')).toBe(7);
    expect(monthNumber('juin')).toBe(6);
  });

  it('reads bare years in context and lists of years', () => {
    expect(values('Né en 2009, actif depuis 2019 et jusqu\'en 2030.')).toEqual(['2009', '2019', '2030']);
    expect(values('Population : 1,9 million (2020). Échanges (2019 -).')).toEqual(['2020', '2019']);
    expect(values('Lors de salons (2007, 2008 et 2010).')).toEqual(['2007', '2008', '2010']);
    expect(values('Début 2020 et fin 2019, mi-2024.')).toEqual(['2020', '2019', '2024']);
    expect(values('- 1989 ● Première convention\n- 1995 ● Atelier')).toEqual(['1989', '1995']);
  });

  it('lists each value once, keeping the first span', () => {
    const dates = findDates('En mai 2006 puis encore en mai 2006.');
    expect(dates).toHaveLength(1);
    expect(dates[0]!.start).toBe(3);
  });

  it('skips durations, ordinals, counts, money, postcodes, times, phone numbers and references', () => {
    expect(values('Sur 2 ans, tous les 3 ans, pendant 10 ans, la 12e édition, les 13^e Assises.')).toEqual([]);
    expect(values('Une commune de 2000 habitants, un budget de 2000 € et 2019 hectares.')).toEqual([]);
    expect(values('5 rue des Lilas, 75011 Paris ; tél : 01 20 19 45 67 ; à 14h30 ; voir page 2015 ; n° 2017.')).toEqual([]);
    expect(values('Le 21 novembre dernier.')).toEqual([]);
    expect(values('https://exemple.org/2019/page')).toEqual([]);
  });

  it('keeps spans that slice the source', () => {
    const text = 'Accueil du 15 au 21 février 2023 ; signé en 2018 ; (2023-2024).';
    for (const d of findDates(text)) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(values(text)).toEqual(['2023-02-15', '2023-02-21', '2018', '2023', '2024']);
  });
});

describe('years that name a law', () => {
  it('"association loi 1901" gives no date, "en 1901" does', async () => {
    const { findDates } = await import('./dates.js');
    expect(findDates('Une association loi 1901 née en 2001.').map((d) => d.value)).toEqual(['2001']);
    expect(findDates('Fondée en 1901.').map((d) => d.value)).toEqual(['1901']);
  });
});
