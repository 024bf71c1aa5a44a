/** The name Auth.js gives the session cookie (`__Secure-` before it over HTTPS). Read by the proxy too, so no server-only imports here. */
export const SESSION_COOKIE = "authjs.session-token";
