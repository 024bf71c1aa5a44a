import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { signOutAction, switchLocale } from "@/app/actions";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n";
import { getLibraryInfo } from "@/lib/library/queries";
import { SignOutButton } from "./sign-out-button";

const publicLinks = [
  ["/campaigns", "campaigns"],
  ["/events", "events"],
  ["/drives", "drives"],
] as const;

// Each audience's own area, shown to those whose roles open it.
const areaLinks: [href: string, key: "me" | "school" | "judging" | "admin", permission: Permission][] = [
  ["/me", "me", "me.view"],
  ["/school", "school", "school.view"],
  ["/judging", "judging", "judging.view"],
  ["/admin", "admin", "admin.view"],
];

export async function SiteHeader() {
  const [t, locale, user] = await Promise.all([getTranslations(), getLocale(), getCurrentUser()]);
  const library = await getLibraryInfo(isLocale(locale) ? locale : "zh-CN");
  const areas = areaLinks.filter(([, , permission]) => can(user, permission));
  const other = locale === "en" ? "zh-CN" : "en";

  const linkClass = "block rounded-md px-3 py-2 text-ink no-underline hover:bg-paper-deep";
  const nav = (
    <>
      {publicLinks.map(([href, key]) => (
        <li key={href}>
          <Link href={href} className={linkClass}>
            {t(`nav.${key}`)}
          </Link>
        </li>
      ))}
      {areas.map(([href, key]) => (
        <li key={href}>
          <Link href={href} className={`${linkClass} font-medium text-accent`}>
            {t(`nav.${key}`)}
          </Link>
        </li>
      ))}
    </>
  );

  const account = user ? (
    <form action={signOutAction} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-ink-soft">{t("nav.signedInAs", { name: user.name ?? user.username ?? "" })}</span>
      <SignOutButton label={t("nav.signOut")} />
    </form>
  ) : (
    <Link href="/signin" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 py-2 text-white no-underline hover:bg-accent-deep">
      {t("nav.signIn")}
    </Link>
  );

  const language = (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("lang.switchToLabel")}
        className="min-h-11 rounded-md border border-line bg-white px-3 py-2 text-sm hover:bg-paper-deep"
      >
        {t("lang.switchTo")}
      </button>
    </form>
  );

  return (
    <header className="no-print border-b border-line bg-white/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex min-h-11 items-center gap-2 text-ink no-underline">
          <span aria-hidden className="grid h-9 w-9 place-items-center rounded-md bg-accent text-lg font-bold text-white">
            书
          </span>
          <span className="flex flex-col leading-tight">
            <span className="font-bold">{library.name}</span>
            <span className="text-xs text-ink-soft">{t("meta.title")}</span>
          </span>
        </Link>
        <div className="hidden items-center gap-2 lg:flex">
          {language}
          {account}
        </div>
        {/* Phones: a disclosure needs no script and works with the keyboard. */}
        <details className="relative lg:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-md border border-line bg-white px-3">
            {t("nav.menu")}
          </summary>
          <div className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-line bg-white p-3 shadow-lg">
            <nav aria-label={t("nav.main")}>
              <ul className="flex flex-col">{nav}</ul>
            </nav>
            <div className="mt-3 flex flex-col gap-2 border-t border-line pt-3">
              {account}
              {language}
            </div>
          </div>
        </details>
      </div>
      <nav aria-label={t("nav.main")} className="mx-auto hidden max-w-6xl px-4 pb-2 lg:block">
        <ul className="flex flex-wrap gap-1">{nav}</ul>
      </nav>
    </header>
  );
}
