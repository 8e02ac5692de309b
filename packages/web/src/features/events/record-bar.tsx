/**
 * What an event's sheet and a series' page share with the other sheets: the one-time notice after a save, the edit
 * link for those who may edit (the sheet route provides both through JSX contexts), and how the route sets them up.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { useContext } from 'hono/jsx';
import type { I18n } from '../../i18n/index.js';
import { EditLink, editLinkFor } from '../edit/edit-link.js';
import { SavedNotice, SheetExtras, sheetExtras } from '../workspace/sheet-extras.js';
import type { Db } from '../../../../server/src/db/client.js';

export function RecordBar(props: { i: I18n }) {
  const edit = useContext(EditLink);
  return <>
    <SavedNotice />
    {edit && <p class="sheet-actions no-print"><a href={edit} class="edit-link">{props.i.t('edit.link')}</a></p>}
  </>;
}

/** The page with its edit link and saved notice for the signed-in person (kind: 'event' | 'event_series'). */
export async function withRecordBar(c: Context, i: I18n, db: Db, kind: string, record: { id: string }, page: Child) {
  const edit = await editLinkFor(c, i, db, kind, record);
  return <EditLink.Provider value={edit}><SheetExtras.Provider value={sheetExtras(c, i, kind, record, edit)}>{page}</SheetExtras.Provider></EditLink.Provider>;
}
