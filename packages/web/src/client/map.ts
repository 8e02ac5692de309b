/** Map enhancement: zoom and pan with buttons, wheel and keyboard. Without it the map is a plain linked SVG. */
import { enhancePrint } from './common.js';

enhancePrint();

for (const svg of document.querySelectorAll<SVGSVGElement>('svg[data-zoomable]')) {
  const [x0, y0, w0, h0] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  let view = { x: x0, y: y0, w: w0, h: h0 };
  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  const zoom = (factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(w0, Math.max(w0 / 12, view.w * factor));
    const h = (w / w0) * h0;
    view = { x: Math.min(x0 + w0 - w, Math.max(x0, cx - ((cx - view.x) / view.w) * w)), y: Math.min(y0 + h0 - h, Math.max(y0, cy - ((cy - view.y) / view.h) * h)), w, h };
    svg.classList.toggle('zoomed', w < w0);
    apply();
  };
  const pan = (dx: number, dy: number) => { view.x = Math.min(x0 + w0 - view.w, Math.max(x0, view.x + dx * view.w)); view.y = Math.min(y0 + h0 - view.h, Math.max(y0, view.y + dy * view.h)); apply(); };
  const bar = document.createElement('div');
  bar.className = 'map-controls';
  const labels = (document.documentElement.lang === 'vi' ? ['Phóng to', 'Thu nhỏ', 'Đặt lại'] : document.documentElement.lang === 'en' ? ['Zoom in', 'Zoom out', 'Reset'] : ['Zoomer', 'Dézoomer', 'Réinitialiser']);
  [['+', () => zoom(0.6)], ['−', () => zoom(1 / 0.6)], ['⟲', () => { view = { x: x0, y: y0, w: w0, h: h0 }; svg.classList.remove('zoomed'); apply(); }]].forEach(([text, fn], k) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text as string;
    b.setAttribute('aria-label', labels[k]);
    b.addEventListener('click', fn as () => void);
    bar.append(b);
  });
  svg.parentElement?.prepend(bar);
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 0.8 : 1.25, view.x + ((e.clientX - r.left) / r.width) * view.w, view.y + ((e.clientY - r.top) / r.height) * view.h);
  }, { passive: false });
  svg.setAttribute('tabindex', '0');
  svg.addEventListener('keydown', (e) => {
    const keys: Record<string, () => void> = { '+': () => zoom(0.6), '=': () => zoom(0.6), '-': () => zoom(1 / 0.6), ArrowLeft: () => pan(-0.1, 0), ArrowRight: () => pan(0.1, 0), ArrowUp: () => pan(0, -0.1), ArrowDown: () => pan(0, 0.1) };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
}
