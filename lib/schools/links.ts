// Paths the school emails and pages send people to (no server imports: tests and pages share them).

/** Where an approved coordinator or a new teacher signs in: the address filled in, then on to /school. */
export function signInPath(email: string): string {
  return `/signin?${new URLSearchParams({ email, callbackUrl: "/school" })}`;
}

export function invitationPath(token: string): string {
  return `/invite/${encodeURIComponent(token)}`;
}
