import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireClassPage } from "@/lib/classes/page-guard";
import QRCode from "qrcode";
import { siteOrigin } from "@/lib/classes/site-url";
import { listSlips } from "@/lib/pupils/queries";
import { classLabel } from "@/lib/classes/label";
import { PrintButton } from "./print-button";
import { SlipSheets } from "./slip-sheets";

const SLIPS_PER_SHEET = 8;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pupils.slips"))("title") };
}

// Screen: a grid of cards. Print: A4 portrait, 2 × 4 slips a sheet with dashed cut lines (the
// site's header and footer are already hidden in print by .no-print). Plain class names here
// keep 2,000 slips light.
const css = `
.slip-sheet { display: grid; gap: 0.75rem; margin-bottom: 0.75rem; }
@media (min-width: 640px) { .slip-sheet { grid-template-columns: 1fr 1fr; } }
.slip { display: flex; flex-direction: column; justify-content: space-between; gap: 0.25rem; padding: 1rem;
  background: white; border: 1px solid var(--color-line); border-radius: 0.5rem; }
.slip-meta { font-size: 0.875rem; color: var(--color-ink-soft); }
.slip-name { font-size: 1.25rem; font-weight: 700; }
.slip dl { display: grid; grid-template-columns: auto 1fr; column-gap: 0.75rem; }
.slip-code { font-family: ui-monospace, monospace; font-size: 1.125rem; font-weight: 700; letter-spacing: 0.05em; }
.slip-foot { font-size: 0.875rem; display: flex; gap: 0.75rem; align-items: flex-end; justify-content: space-between; }
.slip-qr { width: 64px; height: 64px; flex: none; }
.slip-url { font-family: ui-monospace, monospace; word-break: break-all; }
.slip-hint { display: block; color: var(--color-ink-soft); }
/* Off-screen sheets are laid out only when scrolled to: 2,000 slips open quickly. Print lays out all. */
@media screen { .slip-sheet { content-visibility: auto; contain-intrinsic-size: auto 40rem; } }
@page { size: A4 portrait; margin: 8mm; }
@media print {
  body { display: block !important; min-height: 0 !important; }
  main#main { padding: 0 !important; max-width: none !important; }
  .slip-sheet { grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, 1fr); gap: 0; margin: 0;
    height: 276mm; break-after: page; page-break-after: always; }
  .slip-sheet:last-child { break-after: auto; page-break-after: auto; }
  .slip { border: 1px dashed #888; border-radius: 0; break-inside: avoid; }
}`;

type Props = { params: Promise<{ id: string }> };

export default async function SlipsPage({ params }: Props) {
  const { id } = await params;
  // Slips show passwords: only the class's own teacher or the school's coordinator prints them.
  const { cls } = await requireClassPage(id, `/school/classes/${id}/slips`, "manage");
  const [t, tc, slips, origin] = await Promise.all([getTranslations("pupils.slips"), getTranslations("classes"), listSlips(cls), siteOrigin()]);
  const label = classLabel(tc, cls);
  // One QR code of the sign-in address, drawn once on the server and shown on every slip.
  const qr = await QRCode.toString(`${origin}/signin`, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  const text = {
    qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`,
    header: `${cls.schoolName} · ${label}`,
    signin: `${origin}/signin`,
    username: t("username"),
    password: t("password"),
    changed: t("passwordChanged"),
    signInAt: t("signInAt"),
    firstSignIn: t("firstSignIn"),
  };

  return (
    <>
      <style>{css}</style>
      <div className="no-print mb-6 flex flex-col gap-3 border-b border-line pb-4">
        <h1 className="text-2xl sm:text-3xl">{t("title")}</h1>
        <p className="text-ink-soft">{t("intro", { count: slips.length, label })}</p>
        <div className="flex flex-wrap gap-2">
          {slips.length ? <PrintButton label={t("print")} /> : null}
          <ButtonLink href={`/school/classes/${cls.id}`} variant="ghost">
            {t("backToClass")}
          </ButtonLink>
        </div>
      </div>
      {slips.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <SlipSheets slips={slips.map((s) => ({ id: s.userId, name: s.name ?? "", username: s.username ?? "", password: s.password }))} perSheet={SLIPS_PER_SHEET} text={text} />
      )}
    </>
  );
}
