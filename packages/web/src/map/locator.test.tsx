import { describe, expect, it } from 'vitest';
import { countryShape, frenchDepartements, worldShapes } from './geo.js';
import { LocatorMap, PANEL } from './locator.js';

const circles = (html: string) => [...html.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('locator map', () => {
  it('draws one panel per country, the territories highlighted and marked inside their panel', () => {
    const html = String(<LocatorMap id="loc" title="Seine-Saint-Denis (France) et Bénin" panels={[
      { label: 'Seine-Saint-Denis', sublabel: 'France', shapes: frenchDepartements(), hits: new Set(['FR-D-93']), points: [[2.478, 48.918]] },
      { label: 'Bénin', labelLang: 'fr', shapes: worldShapes(), hits: new Set(['BJ']), points: [], frame: [countryShape('BJ')!], zoomOut: 3 },
    ]} />);
    expect(html).toContain('<svg viewBox="0 0 416 236" class="locator locator-2" role="img" aria-labelledby="loc-title" id="loc"><title id="loc-title">Seine-Saint-Denis (France) et Bénin</title>');
    expect([...html.matchAll(/class="locator-area hit" data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['FR-D-93', 'BJ']);
    // the marker sits in the first panel, near Paris (north of the panel's middle)
    const [[x, y], ...others] = circles(html);
    expect(x).toBeGreaterThan(PANEL * 0.4); expect(x).toBeLessThan(PANEL * 0.7); expect(y).toBeLessThan(PANEL * 0.4);
    expect(others).toEqual([]); // no point given for Bénin: none drawn
    // Bénin in the middle of the second panel (its frame is centred on it)
    const benin = /<path d="M([\d.]+),([\d.]+)[^"]*" class="locator-area hit" data-id="BJ"/.exec(html)!;
    expect(Math.abs(Number(benin[1]) - PANEL / 2)).toBeLessThan(PANEL * 0.3); // x in the panel's own frame (the group is translated)
    // neighbours are drawn (Nigeria, Togo), far countries clipped away (Vietnam)
    expect(html).toContain('data-id="NG"'); expect(html).toContain('data-id="TG"'); expect(html).not.toContain('data-id="VN"');
    expect(html).toContain('<text x="100" y="216" text-anchor="middle" class="locator-label">Seine-Saint-Denis</text>');
    expect(html).toContain('class="locator-label" lang="fr">Bénin</text>');
    expect(html).not.toContain('style=');
  });

  it('draws nothing without a panel', () => {
    expect(LocatorMap({ id: 'x', title: 't', panels: [] })).toBeNull();
  });
});
