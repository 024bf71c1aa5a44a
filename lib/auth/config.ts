import "server-only";
import { createHash } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n";
import { scheduleDrain, sendMagicLink } from "@/lib/mail";
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

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
