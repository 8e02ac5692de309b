import { describe, expect, it } from 'vitest';
import { registrationTemplates, renderRegistrationMail, type Outgoing } from './registration.mail.js';

const event = { id: 'e', title: 'Rencontre <test>', start: '2027-06-11', startTime: '10:00', endTime: '11:30', timeZone: 'Europe/Paris', placeText: 'Montreuil', placeName: null, online: true };

describe('registration mails', () => {
  it('has every state in French, English and Vietnamese, with the date, the place and the link when known', () => {
    const kinds = Object.keys(registrationTemplates.fr).sort();
    for (const lang of ['en', 'vi'] as const) expect(Object.keys(registrationTemplates[lang]).sort()).toEqual(kinds);
    for (const lang of ['fr', 'en', 'vi'] as const) for (const kind of kinds as Outgoing['kind'][]) {
      const m = renderRegistrationMail({ kind, to: 'a@b.fr', name: 'Lan', lang, event, link: 'https://t.example/registrations/x', deadline: new Date('2027-06-01T10:00:00Z'), position: 3, subject: 'Sujet', body: 'Texte' });
      expect(m.subject.length).toBeGreaterThan(4);
      expect(m.text).toContain('https://t.example/registrations/x');
      expect(m.text).toContain('2027');
      expect(m.text).toContain('Montreuil');
      expect(m.text).not.toMatch(/undefined|null|\$\{/);
      expect(m.html).toContain(`<html lang="${lang}">`);
      expect(m.html).not.toContain('<test>');
    }
    const offer = renderRegistrationMail({ kind: 'offered', to: 'a@b.fr', name: 'Lan', lang: 'fr', event, deadline: new Date('2027-06-01T10:00:00Z') });
    expect(offer.text).toMatch(/jusqu’au mardi 1 juin 2027 (à )?12:00 \(Europe\/Paris\)/);
  });
});
