/**
 * Registration end to end (issue 13 item 7), through the pages: an organiser builds the form of a future event (one
 * place, two workshops); a visitor registers for the event and both workshops and gets a mail with an invitation
 * (.ics: METHOD:REQUEST at the event's instant); the next people wait; the first cancels through the private link;
 * the first waiting person is offered the place by mail and takes it; a later offer expires and passes on. Every page
 * axe-clean, no wider than a phone, screenshots at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { linkIn, smtpSink, type SmtpSink } from '../../server/src/features/mail/smtp-sink.js';
import { fromParisLocal } from '../src/features/registration/builder-form.js';
import { expireOffers } from '../src/features/registration/server.js';
import { looked, signIn, startSite, type Running } from './browser.js';

const EVENT = 'forum-jeunesse-e2e';
const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);


/** A visitor fills the plain form (the page has no script) and is sent to their private page; its path. (axe-core needs JavaScript on.) */
async function registers(browser: Browser, base: string, who: { name: string; email: string }): Promise<{ page: Page; path: string }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/events/${EVENT}`);
  await page.getByRole('link', { name: 'S’inscrire' }).click();
  await page.getByLabel('Nom et prénom').fill(who.name);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Végétarien').check();
  await page.getByLabel('Atelier jeunesse et volontariat').check();
  await page.getByLabel('Atelier eau et assainissement').check();
  await page.getByLabel(/liste publique des participants/).check();
  await page.getByRole('button', { name: /inscription|liste d’attente/ }).click();
  await page.waitForURL(/\/registrations\/[A-Za-z0-9_-]+\?saved=registered$/);
  return { page, path: new URL(page.url()).pathname };
}

const to = (email: string) => (m: ParsedMail) => JSON.stringify(m.to).includes(email);
const status = (page: Page) => page.locator('.reg-status').textContent();

describe('registration, in Chromium', () => {
  let site: Running;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    site = await startSite();
    await makeAccount(site.db, 'claire@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Claire Martin' });
    await site.db.query(`insert into event (id, title, kind, start_on, start_precision, end_on, end_precision, start_time, end_time, time_zone, place_text)
      values ($1, 'Forum jeunesse franco-vietnamien', 'meeting', $2, 'day', $2, 'day', '09:00', '17:00', 'Europe/Paris', 'Bobigny, hôtel du Département')`, [EVENT, day]);
    await site.db.query(`insert into event_host (event_id, organisation_id, position) values ($1, 'cd93', 0)`, [EVENT]);
    await site.db.query(`insert into event_session (id, event_id, kind, position, title, capacity) values
      ($1 || '-atelier-1', $1, 'workshop', 0, 'Atelier jeunesse et volontariat', 10), ($1 || '-atelier-2', $1, 'workshop', 1, 'Atelier eau et assainissement', 10)`, [EVENT]);
  });
  afterAll(async () => { delete process.env.SMTP_URL; await site?.close(); await sink?.close(); });

  it('builds the form, registers, waits, cancels, offers, takes, and lets an offer expire', async () => {
    // 1. the organiser finds the event in her workspace and builds its form: one place, a required choice, two workshops at most
    const claire = await signIn(site, 'claire@cd93.example', { width: 1280, height: 1000, timeout: 20_000 });
    await claire.goto(`${site.base}/espace`);
    await claire.locator('#reg-events-h + p + ul').getByRole('link', { name: 'Ouvrir les inscriptions (créer le formulaire)' }).click();
    await claire.waitForURL(`${site.base}/espace/events/${EVENT}/formulaire`);
    await looked(claire, 'registration-builder-empty');
    await claire.getByLabel('Nombre de places').fill('1');
    await claire.getByLabel('Ateliers à choisir, au plus').fill('2');
    await claire.getByLabel('Délai pour prendre une place libérée (heures)').fill('24');
    await claire.locator('#f-new-key').fill('regime');
    await claire.locator('#f-new-type').selectOption('choice');
    await claire.locator('#f-new-required').check();
    await claire.locator('#f-new-fr').fill('Régime alimentaire');
    await claire.locator('#f-new-en').fill('Diet');
    await claire.locator('#f-new-options').fill('standard | Standard | Standard | Thường\nvegetarien | Végétarien | Vegetarian | Chay');
    await claire.getByRole('button', { name: 'Ajouter la question' }).click();
    await claire.waitForURL(/\?saved=form$/);
    expect(await claire.locator('#f-fields-0-key').inputValue()).toBe('regime');
    await looked(claire, 'registration-builder');

    // 2. a visitor registers for the event and both workshops: accepted, with a mail carrying the invitation
    const anne = await registers(site.browser, site.base, { name: 'Anne Lefèvre', email: 'anne@example.org' });
    expect(await status(anne.page)).toContain('Votre inscription est confirmée.');
    await looked(anne.page, 'registration-mine-accepted');
    const mail = await sink.next(to('anne@example.org'));
    const ics = [...mail.attachments].find((a) => /calendar/.test(a.contentType) || /\.ics$/.test(a.filename ?? ''));
    expect(ics, 'an .ics attachment').toBeTruthy();
    const cal = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(vevent.startDate.toJSDate().toISOString()).toBe(fromParisLocal(`${day}T09:00`));

    // 3. the next ones wait, in order
    const bao = await registers(site.browser, site.base, { name: 'Bảo Nguyễn', email: 'bao@example.vn' });
    expect(await status(bao.page)).toContain('en position 1');
    expect((await sink.next(to('bao@example.vn'))).text).toContain('attente');
    await looked(bao.page, 'registration-mine-waiting');
    const chloe = await registers(site.browser, site.base, { name: 'Chloé Durand', email: 'chloe@example.org' });
    expect(await status(chloe.page)).toContain('en position 2');
    await sink.next(to('chloe@example.org'));
    const dung = await registers(site.browser, site.base, { name: 'Dũng Trần', email: 'dung@example.vn' });
    expect(await status(dung.page)).toContain('en position 3');
    await sink.next(to('dung@example.vn'));

    // the organiser moves the last one up the waiting list, then back down (buttons of a plain form)
    await claire.goto(`${site.base}/espace/events/${EVENT}/inscriptions`);
    const waitingNames = () => claire.locator('#st-waiting-h + form tbody tr td:nth-child(3)').allTextContents();
    expect(await waitingNames()).toEqual(['Bảo Nguyễn', 'Chloé Durand', 'Dũng Trần']);
    await claire.getByRole('button', { name: 'Faire monter Dũng Trần' }).click();
    await claire.waitForURL(/\?done=order$/);
    expect(await waitingNames()).toEqual(['Bảo Nguyễn', 'Dũng Trần', 'Chloé Durand']);
    await looked(claire, 'registration-inscriptions-waiting');
    await claire.getByRole('button', { name: 'Faire descendre Dũng Trần' }).click();
    await claire.waitForURL(/\?done=order$/);
    expect(await waitingNames()).toEqual(['Bảo Nguyễn', 'Chloé Durand', 'Dũng Trần']);

    // 4. the first cancels through her private link, after a confirmation step
    await anne.page.getByRole('link', { name: 'Annuler mon inscription…' }).click();
    await looked(anne.page, 'registration-mine-cancel-confirm');
    await anne.page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
    await anne.page.waitForURL(/\?saved=cancelled$/);
    expect(await status(anne.page)).toContain('annulée');

    // 5. the first waiting person is offered the place by mail, and takes it
    const offer = await sink.next(to('bao@example.vn'), 10_000);
    await bao.page.goto(`${site.base}${new URL(linkIn(offer)).pathname}`);
    expect(await status(bao.page)).toContain('Une place s’est libérée pour vous');
    await looked(bao.page, 'registration-mine-offered');
    await bao.page.getByRole('button', { name: 'Prendre la place' }).click();
    await bao.page.waitForURL(/\?saved=accepted$/);
    expect(await status(bao.page)).toContain('Votre inscription est confirmée.');

    // 6. he leaves too: the next one is offered the place (a new private link by mail), lets it expire, and it passes on
    await bao.page.goto(`${site.base}${new URL(bao.page.url()).pathname}?confirm=cancel`);
    await bao.page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
    await bao.page.waitForURL(/\?saved=cancelled$/);
    const chloeOffer = new URL(linkIn(await sink.next(to('chloe@example.org'), 10_000))).pathname;
    await chloe.page.goto(`${site.base}${chloeOffer}`);
    expect(await status(chloe.page)).toContain('Une place s’est libérée pour vous');
    expect(await expireOffers(site.db, new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    await chloe.page.reload();
    expect(await status(chloe.page)).toContain('annulée');
    const dungOffer = new URL(linkIn(await sink.next(to('dung@example.vn'), 10_000))).pathname;
    await dung.page.goto(`${site.base}${dungOffer}`);
    expect(await status(dung.page)).toContain('Une place s’est libérée pour vous');

    // the last one takes it, and appears in the public list of participants (name only: no e-mail)
    await dung.page.getByRole('button', { name: 'Prendre la place' }).click();
    await dung.page.waitForURL(/\?saved=accepted$/);
    for (const lang of ['', '/en', '/vi']) {
      await dung.page.goto(`${site.base}${lang}/events/${EVENT}/participants`);
      expect(await dung.page.locator('main').textContent()).toContain('Dũng Trần');
      expect(await dung.page.locator('main').textContent()).not.toContain('@');
      await looked(dung.page, `registration-participants${lang.replace('/', '-')}`);
    }

    // 7. the organiser's list and the public participants
    await claire.goto(`${site.base}/espace/events/${EVENT}/inscriptions`);
    expect(await claire.locator('#st-accepted-h').textContent()).toContain('(1)');
    expect(await claire.locator('#st-cancelled-h').textContent()).toContain('(3)');
    await looked(claire, 'registration-inscriptions');
    await claire.goto(`${site.base}/events/${EVENT}`);
    await looked(claire, 'registration-event-sheet');
    for (const lang of ['/en', '/vi']) {
      for (const page of ['inscriptions', 'formulaire']) {
        await claire.goto(`${site.base}${lang}/espace/events/${EVENT}/${page}`);
        await looked(claire, `registration-${page}${lang.replace('/', '-')}`);
      }
      await claire.goto(`${site.base}${lang}/espace`);
      await looked(claire, `registration-espace${lang.replace('/', '-')}`);
    }
    for (const lang of ['', '/en', '/vi']) {
      await dung.page.goto(`${site.base}${lang}${dungOffer}`);
      await looked(dung.page, `registration-mine-accepted${lang.replace('/', '-')}`);
      await dung.page.goto(`${site.base}${lang}/events/${EVENT}/register`);
      await looked(dung.page, `registration-register${lang.replace('/', '-')}`);
    }
  }, 300_000);
});
