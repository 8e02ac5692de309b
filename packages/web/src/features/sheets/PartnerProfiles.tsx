/**
 * A partnership's partner territories as seed 000 presents them: the country, then the region of cooperation,
 * each with the figures we hold (year and true source on each), and a locator map of both sides.
 */
import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/index.js';
import { Section } from '../../components/Sheet.js';
import { IndicatorList, PROFILE, presentation } from './indicators.js';
import type { Db } from '../../../../server/src/db/client.js';
import { partnerLocator } from './partner-locator.js';
import { partnerPlaces, type PartnerPlaces } from './partner-profiles.queries.js';
import { PlaceLink } from './place.js';

export function PartnerProfiles(props: { i: I18n; places: PartnerPlaces | null; locator?: Child }) {
  const { i, places } = props;
  if (!places) return null;
  return (
    <Section id="profiles" title={i.t('profiles.title')}>
      {props.locator}
      <div class="profile-cards">
        {places.partners.map((t) => {
          const rows = presentation(t.indicators, t.kind, PROFILE);
          return (
            <section class="profile-card" aria-labelledby={`profile-${t.id}-h`} data-territory={t.id}>
              <p class="kicker">{i.l('territoryKind', t.kind)}</p>
              <h3 id={`profile-${t.id}-h`}><PlaceLink i={i} t={t} /></h3>
              {rows.length ? <IndicatorList i={i} rows={rows} /> : <p class="muted">{i.t('profiles.none')}</p>}
            </section>
          );
        })}
      </div>
    </Section>
  );
}

/** The block for a partnership's sheet (and its embed): its places, their figures and the locator map. */
export async function partnerProfiles(db: Db, i: I18n, p: { parties: any[] }) {
  const places = await partnerPlaces(db, p);
  return places ? <PartnerProfiles i={i} places={places} locator={await partnerLocator(i, places)} /> : null;
}
