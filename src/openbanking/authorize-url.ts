// Builds the browser URL of the authorization step (GET /oauth/2.0/authorize, ../shared/openbanking-api.md §3.1).

export interface AuthorizeUrlParams {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  /** space-separated, e.g. 'login inquiry' */
  scope: string;
  /** the CSRF value the callback must echo (32 characters in KFTC's samples) */
  state: string;
  /** '0' first authentication (default), '2' skip authentication for an existing user */
  authType?: '0' | '2';
}

export function buildAuthorizeUrl(p: AuthorizeUrlParams): string {
  const base = p.baseUrl.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    scope: p.scope,
    state: p.state,
    auth_type: p.authType ?? '0',
  })
    .toString()
    // URLSearchParams writes a space as '+'; the spec's examples use %20 (a literal '+' is already '%2B').
    .replace(/\+/g, '%20');
  return `${base}/oauth/2.0/authorize?${query}`;
}
