/**
 * A survey's restitution report as PDF (A4, pdfkit, DejaVu Sans for Vietnamese diacritics): title, organiser,
 * event and its dates, number of answers; per question its label, a bar chart of vector rectangles with counts and
 * percents as text, mean and median, the organiser's reading (« → … ») and the free answers when the reader may see
 * them; the conclusion; a footer with page numbers. A question's label and chart never straddle two pages.
 * Access and figures are the results' (`surveyResults`): what the reader may not see is not in the PDF either.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import {
  displayPartialDate, formatPartialDate, textIn, type LabelLang, type QuestionResult, type ResultsView,
} from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { surveyResults } from './surveys.results.js';
import { fill, reportWords, type ReportWords } from './surveys.pdf.labels.js';

const require = createRequire(import.meta.url);
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', oblique: 'DejaVuSans-Oblique.ttf' };
let fonts: Record<keyof typeof FONT_FILES, Buffer> | null = null;
/** The fonts' files, read once per process. */
function fontData() {
  return fonts ??= Object.fromEntries(Object.entries(FONT_FILES)
    .map(([k, f]) => [k, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${f}`))])) as Record<keyof typeof FONT_FILES, Buffer>;
}

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 };
const WIDTH = PAGE.width - 2 * MARGIN;
const LABEL_W = 170; const BAR_W = 220; const ROW_GAP = 4;
const COLON: Record<LabelLang, string> = { fr: ' : ', en: ': ', vi: ': ' };
const INK = '#1f2933'; const MUTED = '#52606d'; const BAR = '#2f6f9f'; const TRACK = '#e4e7eb';

interface Head {
  source: string; title: Record<string, string>; conclusion: Record<string, string>; intro: Record<string, string>; organisation: string;
  event: { title: string; start_on: unknown; start_precision: string | null; end_on: unknown; end_precision: string | null } | null;
  restitution: { title: string; start_on: unknown; start_precision: string | null } | null;
}

async function head(db: Db, id: string): Promise<Head> {
  const [s] = await db.query<any>(`select s.source, s.title, s.intro, s.conclusion, o.name as organisation, s.event_id, s.restitution_event_id
      from survey s join organisation o on o.id = s.organisation_id where s.id = $1`, [id]);
  const event = async (eid: string | null) => eid
    ? (await db.query<any>('select title, start_on, start_precision, end_on, end_precision from event where id = $1', [eid]))[0] ?? null : null;
  return { source: s.source, title: s.title, intro: s.intro ?? {}, conclusion: s.conclusion ?? {}, organisation: s.organisation, event: await event(s.event_id), restitution: await event(s.restitution_event_id) };
}

function when(lang: LabelLang, start: unknown, sp: string | null, end?: unknown, ep?: string | null): string {
  const a = formatPartialDate(start as string | Date | null, sp); const b = formatPartialDate(end as string | Date | null, ep ?? null);
  if (!a) return '';
  const from = displayPartialDate(a, lang);
  return b && b !== a ? `${from} – ${displayPartialDate(b, lang)}` : from;
}

type Doc = InstanceType<typeof PDFDocument>;

/** One question's bars as rows to draw: label, count text, share of the widest bar. */
function rows(q: QuestionResult, lang: LabelLang, num: Intl.NumberFormat) {
  const pct = (p: number) => `${num.format(p)}${lang === 'fr' ? ' %' : '%'}`;
  return q.bars.map((b) => ({ label: textIn(b.labels, lang), value: `${b.count} (${pct(b.percent)})`, share: Math.min(1, b.percent / 100) }));
}

function chartHeight(doc: Doc, r: ReturnType<typeof rows>): number {
  doc.font('regular').fontSize(9);
  return r.reduce((h, x) => h + Math.max(12, doc.heightOfString(x.label, { width: LABEL_W })) + ROW_GAP, 0);
}

function drawChart(doc: Doc, r: ReturnType<typeof rows>): void {
  doc.font('regular').fontSize(9);
  for (const x of r) {
    const y = doc.y;
    const h = Math.max(12, doc.heightOfString(x.label, { width: LABEL_W }));
    doc.fillColor(INK).text(x.label, MARGIN, y, { width: LABEL_W });
    const bx = MARGIN + LABEL_W + 8;
    doc.rect(bx, y + 1, BAR_W, 9).fill(TRACK);
    if (x.share > 0) doc.rect(bx, y + 1, Math.max(1, BAR_W * x.share), 9).fill(BAR);
    doc.fillColor(INK).text(x.value, bx + BAR_W + 8, y, { width: WIDTH - LABEL_W - BAR_W - 16, lineBreak: false });
    doc.x = MARGIN; doc.y = y + h + ROW_GAP;
  }
}

function question(doc: Doc, q: QuestionResult, n: number, lang: LabelLang, w: ReportWords, num: Intl.NumberFormat, recorded: boolean): void {
  const plural = new Intl.PluralRules(lang).select(q.answered) === 'one' ? 'one' : 'other';
  const label = `${n}. ${textIn(q.labels, lang)}`;
  const r = rows(q, lang, num);
  doc.font('bold').fontSize(11);
  const needed = doc.heightOfString(label, { width: WIDTH }) + 18 + chartHeight(doc, r) + 24;
  // the label and its chart stay together: a new page when they do not fit what is left of this one
  if (doc.y + needed > PAGE.height - MARGIN) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(11).fillColor(INK).text(label, MARGIN, doc.y, { width: WIDTH });
  const answered = recorded && !q.answered && !q.bars.length ? w.noFigure : fill(w.answered[plural], { n: q.answered }) + (q.undetailed && q.bars.length ? ` — ${fill(w.undetailed, { n: q.undetailed })}` : '');
  doc.moveDown(0.2).font('regular').fontSize(9).fillColor(MUTED).text(answered, { width: WIDTH });
  doc.moveDown(0.3);
  if (q.type === 'ranking' && r.length) doc.font('oblique').fontSize(8).fillColor(MUTED).text(w.firstPlace, { width: WIDTH });
  drawChart(doc, r);
  if (!r.length && q.undetailed && ['single', 'multiple', 'yes_no', 'scale', 'ranking'].includes(q.type)) {
    doc.font('oblique').fontSize(9).fillColor(MUTED).text(w.noDetail, { width: WIDTH });
  }
  if (q.mean != null || q.median != null) {
    const parts = [q.mean != null ? `${w.mean}${COLON[lang]}${num.format(q.mean)}` : '', q.median != null ? `${w.median}${COLON[lang]}${num.format(q.median)}` : ''];
    doc.font('regular').fontSize(9).fillColor(INK).text(parts.filter(Boolean).join(' · '), { width: WIDTH });
  }
  if (q.ranks?.length) {
    doc.font('regular').fontSize(9).fillColor(INK).text(`${w.meanRank}${COLON[lang]}${q.ranks.map((x) => `${textIn(x.labels, lang)} ${num.format(x.meanRank)}`).join(' · ')}`, { width: WIDTH });
  }
  const comment = textIn(q.comment, lang);
  if (comment) doc.moveDown(0.2).font('bold').fontSize(10).fillColor(BAR).text(`→ ${comment}`, { width: WIDTH });
  if (q.texts?.length) {
    doc.moveDown(0.3).font('bold').fontSize(9).fillColor(INK).text(`${w.freeAnswers} (${q.texts.length})`, { width: WIDTH });
    doc.font('regular').fontSize(9).fillColor(INK);
    for (const t of q.texts) doc.text(`– ${t}`, MARGIN + 10, doc.y, { width: WIDTH - 10 });
    doc.x = MARGIN;
  }
}

function footer(doc: Doc, w: ReportWords, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc.font('regular').fontSize(8).fillColor(MUTED)
      .text(title, MARGIN, PAGE.height - 32, { width: WIDTH * 0.7, lineBreak: false, ellipsis: true })
      .text(fill(w.page, { i: i + 1, n: range.count }), MARGIN, PAGE.height - 32, { width: WIDTH, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

function render(doc: Doc, h: Head, r: ResultsView, lang: LabelLang): void {
  const w = reportWords[lang];
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const title = textIn(h.title, lang);
  doc.font('oblique').fontSize(9).fillColor(MUTED).text(w.report, { width: WIDTH });
  doc.moveDown(0.3).font('bold').fontSize(17).fillColor(INK).text(title, { width: WIDTH });
  doc.moveDown(0.5).font('regular').fontSize(10).fillColor(INK);
  const colon = COLON[lang];
  doc.text(`${w.organiser}${colon}${h.organisation}`, { width: WIDTH });
  if (h.event) doc.text(`${w.event}${colon}${h.event.title} (${when(lang, h.event.start_on, h.event.start_precision, h.event.end_on, h.event.end_precision)})`, { width: WIDTH });
  if (h.restitution) doc.text(`${w.restitution}${colon}${h.restitution.title} (${when(lang, h.restitution.start_on, h.restitution.start_precision)})`, { width: WIDTH });
  doc.font('bold').text(`${w.responses}${colon}${r.responses}`, { width: WIDTH });
  const intro = textIn(h.intro, lang);
  if (intro) doc.moveDown(0.5).font('regular').fontSize(10).fillColor(MUTED).text(intro, { width: WIDTH });
  doc.moveDown(0.5);
  r.questions.forEach((q, i) => question(doc, q, i + 1, lang, w, num, h.source === 'recorded'));
  const conclusion = textIn(h.conclusion, lang);
  if (conclusion) {
    if (doc.y + 80 > PAGE.height - MARGIN) doc.addPage();
    doc.moveDown(1).font('bold').fontSize(13).fillColor(INK).text(w.conclusion, MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.3).font('regular').fontSize(10).text(conclusion, { width: WIDTH, align: 'justify' });
  }
  footer(doc, w, title);
}

export async function reportPdf(db: Db, actor: Actor | null, id: string, lang: LabelLang): Promise<Uint8Array> {
  const results = await surveyResults(db, actor, id);
  const h = await head(db, id);
  const doc = new PDFDocument({
    size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true, lang,
    info: { Title: textIn(h.title, lang), Author: h.organisation, Creator: 'Tandem' },
    // DejaVu from the start (pdfkit takes a font's bytes here too; its default, Helvetica, would read AFM files)
    font: fontData().regular as unknown as string,
  });
  for (const [name, data] of Object.entries(fontData())) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => { doc.on('data', (c: Buffer) => chunks.push(c)); doc.on('end', resolve); doc.on('error', reject); });
  render(doc, h, results, lang);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
