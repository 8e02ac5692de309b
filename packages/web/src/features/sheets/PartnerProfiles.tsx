/**
 * A partnership's partner territories as seed 000 presents them: the country, then the region of cooperation,
 * each with the figures we hold (year and true source on each), and a locator map of both sides.
 */
import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
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
              {rows.length > 0 && t.kind === 'country' && <Missing i={i} names={PROFILE.filter((n) => !rows.some((r) => r.indicator === n))} />}
            </section>
          );
        })}
      </div>
    </Section>
  );
}

/**
 * A country's figures come from the reference datasets only (World Bank, UNDP): the card says which of the profile's
 * figures they do not hold (none is taken from elsewhere), "superficie, taux de chômage et taux d’alphabétisation".
 */
function Missing(props: { i: I18n; names: string[] }) {
  const { i, names } = props;
  if (!names.length) return null;
  // a label starts the sentence's list in lower case, unless it is an acronym (IDH, HDI)
  const labels = names.map((n) => i.t(`indicator.${n}` as MessageKey)).map((l) => (/^\p{Lu}\p{Ll}/u.test(l) ? l[0].toLocaleLowerCase(i.lang) + l.slice(1) : l));
  return <p class="muted profile-missing">{i.plural('profiles.missing', names.length, { list: new Intl.ListFormat(i.lang, { type: 'conjunction' }).format(labels) })}</p>;
}

/** The block for a partnership's sheet (and its embed): its places, their figures and the locator map. */
export async function partnerProfiles(db: Db, i: I18n, p: { parties: any[] }) {
  const places = await partnerPlaces(db, p);
  return places ? <PartnerProfiles i={i} places={places} locator={await partnerLocator(i, places)} /> : null;
}
