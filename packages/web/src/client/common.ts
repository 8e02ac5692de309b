/** Small enhancements shared by every page; the pages work without them. */
export function enhancePrint(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
    b.hidden = false;
    b.addEventListener('click', () => window.print());
  }
}

export function enhanceCopy(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    const target = document.querySelector<HTMLTextAreaElement>(b.dataset.copy!);
    if (!target) continue;
    b.hidden = false;
    b.addEventListener('click', async () => {
      target.select();
      try { await navigator.clipboard.writeText(target.value); } catch { document.execCommand('copy'); }
      const label = b.textContent;
      b.textContent = b.dataset.copied ?? label;
      setTimeout(() => { b.textContent = label; }, 1500);
    });
  }
}
