import { describe, expect, it } from 'vitest';
import { frenchDepartements, vietnamProvinces, worldShapes } from './geo.js';
import { readFileSync } from 'node:fs';
import { i18n } from '../i18n/index.js';
import { MapBox } from './box.js';
import { MapSvg, shadeClasses, shadeOf } from './render.js';

function pathsOf(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<path d="([^"]*)"[^>]*data-id="([^"]+)"/g)].map((m) => [m[2], m[1]]));
}

/** The longest horizontal jump between consecutive points of a path (a streak across the map is a jump of ~ the map's width). */
function longestJump(d: string): number {
  let worst = 0;
  for (const ring of d.split('M').filter(Boolean)) {
    const pts = ring.replace(/Z/g, '').split('L').map((p) => p.split(',').map(Number));
    for (let k = 1; k < pts.length; k++) worst = Math.max(worst, Math.abs(pts[k][0] - pts[k - 1][0]));
  }
  return worst;
}

describe('offline maps', () => {
  it('has the world’s countries keyed by ISO alpha-2', () => {
    const ids = new Set(worldShapes().map((s) => s.properties.id));
    expect(ids.size).toBeGreaterThan(170);
    for (const id of ['FR', 'VN', 'UA', 'MA', 'BJ', 'SN', 'RU', 'FJ', 'US']) expect(ids.has(id)).toBe(true);
  });

  it('draws countries that cross the antimeridian without streaks', () => {
    const html = String(<MapSvg shapes={worldShapes()} areas={new Map()} title="t" desc="d" />);
    const paths = pathsOf(html);
    for (const id of ['RU', 'FJ', 'US', 'NZ']) {
      expect(paths.get(id)?.length).toBeGreaterThan(10);
      expect(longestJump(paths.get(id)!)).toBeLessThan(200);
    }
  });

  it('joins every Vietnamese province polygon and the French départements to territory ids', async () => {
    const vn = await vietnamProvinces();
    expect(new Set(vn.map((s) => s.properties.id)).size).toBe(63);
    expect(vn.find((s) => s.properties.id === 'VN-P-30')?.properties.name).toBe('Hải Dương');
    const fr = frenchDepartements();
    expect(fr.map((s) => s.properties.id)).toEqual(expect.arrayContaining(['FR-D-93', 'FR-D-95', 'FR-D-2A']));
  });

  it('renders areas as links with names, and partnership links as lines', () => {
    const html = String(<MapSvg shapes={worldShapes()} title="Carte" desc="Description"
      areas={new Map([['VN', { id: 'VN', name: 'Viêt Nam', href: '/territories/VN', count: 3, label: 'Viêt Nam : 3' }]])}
      links={[{ from: [2.35, 48.85], to: [106.3, 20.9], title: 'A – B', href: '/partnerships/x' }]} />);
    expect(html).toContain('<a href="/territories/VN" aria-label="Viêt Nam : 3">');
    expect(html).toMatch(/<a href="\/partnerships\/x" aria-label="A – B"><title>A – B<\/title><path d="M[^"]+" class="map-link"/);
    expect(html).toContain('<title id="map-title">Carte</title>');
  });

  it('splits the counts into colour classes with their bounds', () => {
    expect(shadeClasses(1).map((c) => [c.min, c.max])).toEqual([[1, 1]]);
    expect(shadeClasses(3).map((c) => [c.min, c.max])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(shadeClasses(100).map((c) => [c.min, c.max])).toEqual([[1, 2], [3, 6], [7, 15], [16, 39], [40, 100]]);
    const fills = shadeClasses(100).map((c) => c.fill);
    expect(new Set(fills).size).toBe(5);
    expect(shadeOf(0, 100)).toBe('#d8dee6');
    expect(shadeOf(5, 100)).toBe(fills[1]);
    expect(shadeOf(100, 100)).toBe(fills[4]);
  });

  const counted = new Map([
    ['VN', { id: 'VN', name: 'Viêt Nam', href: '/territories/VN', count: 100 }],
    ['MA', { id: 'MA', name: 'Maroc', href: '/territories/MA', count: 5 }],
    ['SN', { id: 'SN', name: 'Sénégal', href: '/territories/SN', count: 1 }],
    ['FR', { id: 'FR', name: 'France', href: '/territories/FR', count: 0, home: true }],
  ]);
  const line = [{ from: [2.35, 48.85] as [number, number], to: [106.3, 20.9] as [number, number], title: 'A – B', href: '/partnerships/x' }];

  it('has a legend of every shading: each class with its bounds, no partnership, France, the lines — in three languages', () => {
    const html = String(<MapBox i={i18n('en')} measure="countries" id="m" shapes={worldShapes()} areas={counted} links={line} title="Map" desc="d" />);
    const legend = html.slice(html.indexOf('<div class="map-legend"'));
    expect(legend).toContain('Partnerships per country');
    const rows = [...legend.matchAll(/<li data-min="(\d+)" data-max="(\d+)">.*?fill="([^"]+)".*?<\/svg>([^<]+)<\/li>/g)].map((m) => [m[1], m[2], m[3], m[4].trim()]);
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([['1', '2', '1 to 2 partnerships'], ['3', '6', '3 to 6 partnerships'],
      ['7', '15', '7 to 15 partnerships'], ['16', '39', '16 to 39 partnerships'], ['40', '100', '40 to 100 partnerships']]);
    // the legend's colours are the map's: Morocco (5) in the 3–6 class, Vietnam (100) in the 40–100 one
    const fillOf = (id: string) => html.match(new RegExp(`fill="([^"]+)" class="map-area" data-id="${id}"`))?.[1];
    expect(fillOf('MA')).toBe(rows[1][2]);
    expect(fillOf('VN')).toBe(rows[4][2]);
    expect(legend).toContain('No partnership');
    expect(legend).toContain('France: the French partner authorities');
    expect(legend).toContain('A partnership: a line from the French local authority to its partner');
    expect(fillOf('FR')).not.toBe(fillOf('DE'));
    const fr = String(<MapBox i={i18n('fr')} measure="subdivisions" shapes={worldShapes()} areas={counted} title="Carte" desc="d" />);
    expect(fr).toContain('Partenariats par territoire');
    expect(fr).toContain('3 à 6 partenariats');
    expect(fr).not.toContain('Un partenariat : trait'); // no lines drawn, none in the legend
    const vi = String(<MapBox i={i18n('vi')} measure="countries" shapes={worldShapes()} areas={counted} links={line} title="Bản đồ" desc="d" />);
    expect(vi).toContain('Từ 3 đến 6 quan hệ đối tác');
    expect(vi).toContain('Không có quan hệ đối tác');
  });

  it('puts the zoom buttons over the map, labelled in the page’s language, hidden until the script runs', () => {
    for (const [lang, labels] of [['fr', ['Zoomer', 'Dézoomer', 'Revenir à la carte entière']], ['en', ['Zoom in', 'Zoom out', 'Back to the whole map']],
      ['vi', ['Phóng to', 'Thu nhỏ', 'Về toàn cảnh bản đồ']]] as const) {
      const html = String(<MapBox i={i18n(lang)} measure="countries" shapes={worldShapes()} areas={counted} title="t" desc="d" />);
      const frame = html.slice(html.indexOf('<div class="map-frame">'), html.indexOf('<p class="map-hint"'));
      expect(frame).toMatch(/<div class="map-controls" role="group" aria-label="[^"]+" hidden="">/);
      expect([...frame.matchAll(/<button type="button" data-zoom="\w+" aria-label="([^"]+)" title="\1">/g)].map((m) => m[1])).toEqual(labels);
    }
  });

  it('draws partnership lines above the countries but never under the pointer', () => {
    const html = String(<MapSvg shapes={worldShapes()} title="t" desc="d" areas={counted} links={line} />);
    expect(html.indexOf('<g class="map-links" pointer-events="none">')).toBeGreaterThan(html.lastIndexOf('class="map-area"'));
    const css = readFileSync(new URL('../styles/site.css', import.meta.url), 'utf8');
    expect(css).toMatch(/\.map-links, \.map-link \{ pointer-events: none; \}/);
  });
});
