/** From a record as the API presents it back to the input that would recreate it (restore, edit forms). */
export function toInput(kind: string, r: any): Record<string, unknown> {
  switch (kind) {
    case 'territory':
      return { kind: r.kind, name: r.name, names: r.names, aliases: r.aliases, codes: r.codes, parentId: r.parentId, country: r.country,
        validFrom: r.validFrom, validTo: r.validTo, lat: r.lat, lon: r.lon };
    case 'organisation':
      return { kind: r.kind, name: r.name, names: r.names, acronyms: r.acronyms, aliases: r.aliases, territoryId: r.territory?.id ?? null,
        country: r.country, website: r.website, iatiRef: r.iatiRef, description: r.description };
    case 'partnership':
      return { title: r.title, kind: r.kind, status: r.status, summary: r.summary, started: r.started, ended: r.ended, themes: r.themes,
        parties: r.parties.map((p: any) => ({ organisationId: p.organisationId, side: p.side })),
        agreements: r.agreements.map((a: any) => ({ id: a.id, kind: a.kind, title: a.title, signed: a.signed, place: a.place, durationMonths: a.durationMonths,
          renewsAgreementId: a.renewsAgreementId, documentUrl: a.documentUrl, axes: a.axes, summary: a.summary })),
        links: r.links };
    case 'project':
      return { partnershipId: r.partnershipId, title: r.title, description: r.description, status: r.status, start: r.start, end: r.end, themes: r.themes,
        budget: r.budget, places: r.places.map((p: any) => p.id), participants: r.participants.map((p: any) => ({ organisationId: p.organisationId, role: p.role })),
        funding: r.funding.map((f: any) => ({ funderId: f.funderId, amount: f.amount, currency: f.currency, year: f.year, kind: f.kind, note: f.note })),
        results: r.results.map((x: any) => ({ label: x.label, value: x.value, unit: x.unit, year: x.year, kind: x.kind })), links: r.links };
    case 'mission':
      return { partnershipId: r.partnershipId, title: r.title, direction: r.direction, from: r.from, to: r.to, placeId: r.placeId,
        purpose: r.purpose, outcomes: r.outcomes, organisations: r.organisations.map((o: any) => o.id) };
    case 'event':
      return { seriesId: r.seriesId, edition: r.edition, title: r.title, kind: r.kind, start: r.start, end: r.end, startTime: r.startTime, endTime: r.endTime,
        timeZone: r.timeZone, placeId: r.place?.id ?? null, placeText: r.placeText, online: r.online, onlineUrl: r.onlineUrl, side: r.side, theme: r.theme,
        workshopsCount: r.workshopsCount, hosts: r.hosts.map((h: any) => h.id), agenda: r.agenda, minutes: r.minutes ?? null,
        decisions: (r.decisions ?? []).map((d: any) => ({ text: d.text, ownerOrganisationId: d.owner?.id ?? null, ownerText: d.ownerText, due: d.due,
          duePrecision: d.duePrecision, status: d.status })),
        links: r.links ?? [], relatedEvents: (r.related ?? []).filter((x: any) => x.direction === 'to').map((x: any) => x.id),
        groupId: r.groupId ?? null, visibility: r.visibility ?? 'public' };
    case 'event_series':
      return { name: r.name, description: r.description, periodFrom: r.periodFrom, periodTo: r.periodTo, openingAgreementId: r.openingAgreementId };
  }
  throw new Error(`no input form for ${kind}`);
}
