/**
 * Map enhancement: pan by dragging (mouse, pen, one finger), zoom by pinching, by the wheel and by the buttons,
 * arrow keys and + / − — only the viewBox attribute changes (no inline style). The wheel and touch act only once
 * the map has focus (a click, a tap or Tab): before that they scroll the page. Without this script the map is a
 * plain SVG of links.
 */
import { enhancePrint } from './common.js';

enhancePrint();

for (const frame of document.querySelectorAll<HTMLElement>('.map-frame')) {
  const svg = frame.querySelector<SVGSVGElement>('svg[data-zoomable]');
  if (!svg) continue;
  const [x0, y0, w0, h0] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  let x = x0, y = y0, w = w0;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  /** Shows the box of width nw at (nx, ny), kept inside the whole map. */
  const show = (nx: number, ny: number, nw: number) => {
    w = nw; x = clamp(nx, x0, x0 + w0 - w); y = clamp(ny, y0, y0 + h0 - (w * h0) / w0);
    svg.setAttribute('viewBox', `${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${((w * h0) / w0).toFixed(2)}`);
  };
  /** Map units per screen pixel. */
  const unit = () => w / svg.getBoundingClientRect().width;
  /** Zooms by factor f (< 1: in) keeping the map point under the screen point (cx, cy) in place; default the centre. */
  const zoom = (f: number, cx?: number, cy?: number) => {
    const r = svg.getBoundingClientRect(), k = unit();
    const px = x + (cx === undefined ? r.width / 2 : cx - r.left) * k, py = y + (cy === undefined ? r.height / 2 : cy - r.top) * k;
    const nw = clamp(w * f, w0 / 16, w0);
    show(px - ((px - x) * nw) / w, py - ((py - y) * nw) / w, nw);
  };
  const pan = (dx: number, dy: number) => show(x + dx, y + dy, w);

  const controls = frame.querySelector<HTMLElement>('.map-controls');
  const hint = frame.parentElement?.querySelector<HTMLElement>('.map-hint');
  if (controls) controls.hidden = false;
  if (hint) hint.hidden = false;
  const actions: Record<string, () => void> = { in: () => zoom(0.6), out: () => zoom(1 / 0.6), reset: () => show(x0, y0, w0) };
  frame.addEventListener('click', (e) => { const b = (e.target as Element).closest<HTMLElement>('[data-zoom]'); if (b) actions[b.dataset.zoom!](); });

  svg.setAttribute('tabindex', '0');
  const focused = () => frame.contains(document.activeElement);
  svg.addEventListener('wheel', (e) => {
    if (!focused()) return; // the page scrolls
    e.preventDefault();
    zoom(e.deltaY < 0 ? 0.8 : 1.25, e.clientX, e.clientY);
  }, { passive: false });
  svg.addEventListener('keydown', (e) => {
    const step = w / 10;
    const keys: Record<string, () => void> = {
      '+': actions.in, '=': actions.in, '-': actions.out, '0': actions.reset,
      ArrowLeft: () => pan(-step, 0), ArrowRight: () => pan(step, 0), ArrowUp: () => pan(0, -step), ArrowDown: () => pan(0, step),
    };
    if (keys[e.key] && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); keys[e.key](); }
  });

  // pointers down, by id: one pans, two pinch; a drag (beyond 4 px) is not a click on the country under it
  const down = new Map<number, { x: number; y: number }>();
  let dragged = false;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button) return;
    if (!focused()) svg.focus({ preventScroll: true });
    if (!down.size) dragged = false;
    down.set(e.pointerId, { x: e.clientX, y: e.clientY });
  });
  svg.addEventListener('pointermove', (e) => {
    const p = down.get(e.pointerId);
    if (!p) return;
    const k = unit();
    if (down.size === 1) {
      const dx = e.clientX - p.x, dy = e.clientY - p.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return;
      if (!dragged) { dragged = true; svg.setPointerCapture(e.pointerId); }
      pan(-dx * k, -dy * k);
    } else {
      const o = [...down.entries()].find(([id]) => id !== e.pointerId)![1];
      const before = Math.hypot(p.x - o.x, p.y - o.y), after = Math.hypot(e.clientX - o.x, e.clientY - o.y);
      dragged = true;
      if (before > 0 && after > 0) zoom(before / after, (e.clientX + o.x) / 2, (e.clientY + o.y) / 2);
    }
    p.x = e.clientX; p.y = e.clientY;
  });
  const up = (e: PointerEvent) => { down.delete(e.pointerId); };
  svg.addEventListener('pointerup', up);
  svg.addEventListener('pointercancel', up);
  svg.addEventListener('click', (e) => { if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; } }, true);
  svg.addEventListener('dragstart', (e) => e.preventDefault());
}
