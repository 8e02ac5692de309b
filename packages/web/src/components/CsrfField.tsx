/**
 * The hidden CSRF field every POST form of a signed-in page carries (checked by the auth middleware).
 * Without a prop it reads the token of the request being rendered; renders nothing when signed out.
 */
import { currentCsrf } from '../features/auth/viewer.js';

export function CsrfField(props: { token?: string | null }) {
  const token = props.token !== undefined ? props.token : currentCsrf();
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}
