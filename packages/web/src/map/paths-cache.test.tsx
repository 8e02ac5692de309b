/** The world map's paths kept on disk between starts: the next process draws from them, and draws the same map. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** A fresh process's map modules (nothing kept in memory), rendering the world map. */
async function drawWorld(): Promise<string> {
  vi.resetModules();
  const { worldShapes } = await import('./geo.js');
  const { MapSvg } = await import('./render.js');
  return String(<MapSvg shapes={worldShapes()} areas={new Map()} title="t" desc="d" />);
}

describe('world map paths kept between starts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-map-'));
  const before = process.env.TANDEM_SEED_CACHE;
  process.env.TANDEM_SEED_CACHE = dir;
  afterAll(() => {
    if (before === undefined) delete process.env.TANDEM_SEED_CACHE; else process.env.TANDEM_SEED_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('are written by the first drawing and read by the next process, which draws the same map', async () => {
    const first = await drawWorld();
    const [file] = readdirSync(dir).filter((n) => /^map-paths-[0-9a-f]{16}\.json$/.test(n));
    expect(file).toBeDefined();
    const saved = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
    expect(Object.keys(saved).length).toBeGreaterThan(170);
    expect(first).toContain(`d="${saved.VN}"`);
    expect(await drawWorld()).toBe(first);
    // what the next process draws comes from the file
    writeFileSync(join(dir, file), JSON.stringify({ ...saved, VN: 'M1,1L2,2Z' }));
    expect(await drawWorld()).toContain('d="M1,1L2,2Z"');
  }, 60_000);

  it('are not kept without a cache folder (TANDEM_SEED_CACHE=off)', async () => {
    process.env.TANDEM_SEED_CACHE = 'off';
    try {
      const files = readdirSync(dir).length;
      expect(await drawWorld()).toContain('class="map-area"');
      expect(readdirSync(dir).length).toBe(files);
    } finally { process.env.TANDEM_SEED_CACHE = dir; }
  }, 60_000);
});
