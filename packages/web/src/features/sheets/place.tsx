/** How a territory is named on a page: the same rule for a sheet's title, its history, a partnership's parties and profiles. */
import { localName, ownLanguage, textLang, type I18n } from '../../i18n/index.js';

export interface Named { id: string; name: string; names?: Record<string, string> | null; country?: string | null }

/**
 * The name shown (the reader's language where it is a name of its own, else the territory's own name with its
 * diacritics: Hải Dương) and the language it is written in: the page's when translated, else the territory's own.
 */
export function placeName(i: I18n, t: Named): { name: string; lang: string | undefined } {
  const name = localName(t, i.lang);
  return { name, lang: t.names?.[i.lang] === name ? i.lang : (ownLanguage(t) ?? undefined) };
}

/** The name as text, marked with its language where the page speaks another. */
export function PlaceName(props: { i: I18n; t: Named }) {
  const { name, lang } = placeName(props.i, props.t);
  const attr = textLang(props.i, lang);
  return attr ? <span lang={attr}>{name}</span> : <>{name}</>;
}

/** A link to the territory's sheet under that name. */
export function PlaceLink(props: { i: I18n; t: Named }) {
  const { name, lang } = placeName(props.i, props.t);
  return <a href={props.i.path(`/territories/${props.t.id}`)} lang={textLang(props.i, lang)}>{name}</a>;
}
