import { describe, expect, it } from 'vitest';
import { frenchDepartements, vietnamProvinces, worldShapes } from './geo.js';
import { MapSvg } from './render.js';

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
});
