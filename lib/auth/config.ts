import "server-only";
import { createHash } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n";
import { scheduleDrain, sendMagicLink } from "@/lib/mail";
import { SESSION_COOKIE } from "./cookie-name";
import { checkPupilLogin } from "./pupil-login";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

class LockedOut extends CredentialsSignin {
  code = "locked";
}

async function userLocale(email: string): Promise<Locale> {
  const [row] = await getDb().select({ locale: users.locale }).from(users).where(eq(users.email, email)).limit(1);
  return isLocale(row?.locale) ? row.locale : "zh-CN";
}

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  options: {},
  // Auth.js would call a provider's API itself; the link goes through the outbox like every email.
  async sendVerificationRequest({ identifier, url, token }) {
    const tokenId = createHash("sha256").update(token).digest("hex").slice(0, 32);
    await sendMagicLink(getDb(), { to: identifier, url, locale: await userLocale(identifier), tokenId });
    scheduleDrain();
  },
};

function config(): NextAuthConfig {
  const db = getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // Pupils' passwords need the Credentials provider, which works with JWT sessions only.
    // Roles and the disabled flag are not trusted from the token: lib/auth/session re-reads them.
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    trustHost: true,
    pages: { signIn: "/signin", verifyRequest: "/signin?sent=1", error: "/signin" },
    providers: [
      emailProvider,
      Credentials({
        id: "pupil",
        credentials: { username: {}, password: {} },
        async authorize(credentials) {
          const username = typeof credentials?.username === "string" ? credentials.username : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!username || !password) return null;
          const result = await checkPupilLogin(username, password);
          if (result.ok) return { id: result.userId };
          if (result.reason === "locked") throw new LockedOut();
          return null;
        },
      }),
    ],
    callbacks: {
      // Magic links only for adults already on record and not disabled: nobody self-registers by email.
      async signIn({ user, account }) {
        if (account?.provider !== "email") return true;
        if (!user.email) return false;
        const [row] = await getDb()
          .select({ disabled: users.disabled })
          .from(users)
          .where(eq(users.email, user.email.toLowerCase()))
          .limit(1);
        return Boolean(row && !row.disabled);
      },
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => config());


/** The secrets Auth.js signs with: AUTH_SECRET, and AUTH_SECRET_1…3 while rotating (newest first). */
function sessionSecrets(): string[] {
  const env = process.env;
  return [env.AUTH_SECRET_3, env.AUTH_SECRET_2, env.AUTH_SECRET_1, env.AUTH_SECRET].filter((s): s is string => Boolean(s));
}

/**
 * Cookies already decrypted (about 1 ms each, most of it deriving the key), by their exact text:
 * only the holder of a cookie can hit its entry. The oldest go first beyond DECODED_MAX.
 */
const decoded = new Map<string, { sub: string; expires: number }>();
const DECODED_MAX = 10_000;

/**
 * Whom the session cookie names, or null. The cookie is decrypted and its expiry checked as
 * Auth.js's own session endpoint does, but without what `auth()` adds on every call: a request
 * through the whole Auth.js handler and a freshly encrypted cookie that a page cannot even set.
 * A session therefore ends 12 hours after signing in, however busy. Cookies too big for one are
 * split by Auth.js into `name.0`, `name.1`, …; `__Secure-` is its name over HTTPS.
 */
export async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of [`__Secure-${SESSION_COOKIE}`, SESSION_COOKIE]) {
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    const token = jar.get(name)?.value ?? chunks.map((c) => c.value).join("");
    if (!token) continue;
    const key = `${name}\n${token}`;
    const known = decoded.get(key);
    if (known && known.expires > Date.now()) return known.sub;
    try {
      const payload = await decode({ token, secret: sessionSecrets(), salt: name });
      if (typeof payload?.sub !== "string") return null;
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
      decoded.set(key, { sub: payload.sub, expires: (payload.exp ?? 0) * 1000 });
      return payload.sub;
    } catch {
      return null; // tampered with, expired or made with a retired secret
    }
  }
  return null;
}
