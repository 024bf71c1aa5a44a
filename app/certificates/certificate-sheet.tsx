import QRCode from "qrcode";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Certificate } from "@/lib/judging/public";

// A4 landscape certificates, on screen and on paper. Every size inside is in cqw (a hundredth of
// the sheet's width), so the sheet is the same design at 640 px on a phone and at 297 mm on paper.
// Plain class names: a school prints hundreds in one go.
export const certificateCss = `
.cert-scroll { overflow-x: auto; }
.cert-stack { display: flex; flex-direction: column; gap: 1.5rem; }
.cert { container-type: inline-size; position: relative; width: 100%; min-width: 40rem; aspect-ratio: 297 / 210;
  background: #fffdf6; color: #1d1c1a; box-shadow: 0 1px 4px rgb(0 0 0 / 0.12); overflow: hidden; }
.cert-frame { position: absolute; inset: 2.4cqw; border: 0.9cqw double var(--color-accent); }
.cert-frame::after { content: ""; position: absolute; inset: 0.9cqw; border: 0.15cqw solid #b08d3c; }
.cert-body { position: absolute; inset: 5.5cqw 8cqw 4.8cqw; display: flex; flex-direction: column; align-items: center; text-align: center; }
.cert-library { font-size: 1.9cqw; letter-spacing: 0.3cqw; color: var(--color-ink-soft); }
/* Letter-spacing also follows the last character: the same space before the first keeps it centred. */
.cert-title { margin-top: 1.2cqw; font-size: 5.6cqw; line-height: 1.1; font-weight: 700; letter-spacing: 1.6cqw; padding-left: 1.6cqw; color: var(--color-accent); }
.cert-subtitle { font-size: 1.5cqw; letter-spacing: 0.6cqw; padding-left: 0.6cqw; text-transform: uppercase; color: #8a6d2b; }
.cert-name { margin-top: 3cqw; font-size: 3.6cqw; font-weight: 700; line-height: 1.2; }
.cert-school { font-size: 1.9cqw; color: var(--color-ink-soft); }
.cert-text { margin-top: 1.8cqw; max-width: 70cqw; font-size: 2.05cqw; line-height: 1.7; }
.cert-award { margin-top: 1cqw; font-size: 4.6cqw; font-weight: 700; color: var(--color-warm); }
html[lang="zh-CN"] .cert-award { letter-spacing: 0.8cqw; padding-left: 0.8cqw; }
.cert-foot { margin-top: auto; width: 100%; display: flex; align-items: flex-end; justify-content: space-between; gap: 3cqw; text-align: left; }
.cert-verify { display: flex; align-items: flex-end; gap: 1.4cqw; font-size: 1.25cqw; line-height: 1.5; color: var(--color-ink-soft); }
.cert-qr { width: 9cqw; height: 9cqw; flex: none; }
.cert-code { font-family: ui-monospace, monospace; font-size: 1.6cqw; font-weight: 700; letter-spacing: 0.15cqw; color: var(--color-ink); }
.cert-url { word-break: break-all; }
.cert-sign { text-align: center; font-size: 1.9cqw; line-height: 1.6; }
.cert-sign-name { font-weight: 700; }
@media screen { .cert-stack .cert { content-visibility: auto; contain-intrinsic-size: auto 28rem; } }
@page { size: A4 landscape; margin: 0; }
@media print {
  html, body { background: white !important; }
  body { display: block !important; min-height: 0 !important; }
  main#main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .cert-scroll { overflow: visible; }
  .cert-stack { display: block; }
  /* A hair under 210 mm, so rounding never spills a sheet onto a blank second page. */
  .cert { width: 297mm; height: 209.5mm; min-width: 0; aspect-ratio: auto; box-shadow: none; break-after: page; page-break-after: always;
    print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .cert:last-child { break-after: auto; page-break-after: auto; }
}`;

type Props = { certificate: NonNullable<Certificate>; libraryName: string; origin: string };

/** One certificate with the pupil's full name: only for those lib/judging/certificates.ts lets print it. */
export async function CertificateSheet({ certificate: c, libraryName, origin }: Props) {
  const [t, tt, format] = await Promise.all([getTranslations("results.certificate"), getTranslations("resultsEmail.tier"), getFormatter()]);
  const url = `${origin}/certificates/${c.code}`;
  const svg = await QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  const date = c.publishedAt ? format.dateTime(c.publishedAt, { dateStyle: "long" }) : "";
  return (
    <section className="cert" aria-label={t("sheetLabel", { name: c.pupilName ?? "" })}>
      <div className="cert-frame" aria-hidden="true" />
      <div className="cert-body">
        <p className="cert-library">{libraryName}</p>
        <h2 className="cert-title">{t("title")}</h2>
        <p className="cert-subtitle">{t("subtitle")}</p>
        <p className="cert-name">{t("addressee", { name: c.pupilName ?? "" })}</p>
        <p className="cert-school">{c.schoolName}</p>
        <p className="cert-text">{t("text", { campaign: c.campaignTitle, category: c.categoryName, title: c.entryTitle })}</p>
        <p className="cert-award">{tt(c.tier)}</p>
        <p className="cert-text">{t("closing")}</p>
        <div className="cert-foot">
          <div className="cert-verify">
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn on the server as a data URL */}
            <img className="cert-qr" src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`} alt={t("qrAlt")} />
            <div>
              <p>{t("verifyCode")}</p>
              <p className="cert-code">{c.code}</p>
              <p className="cert-url">{url}</p>
            </div>
          </div>
          <div className="cert-sign">
            <p className="cert-sign-name">{libraryName}</p>
            <p>{date}</p>
          </div>
        </div>
      </div>
    </section>
  );
}
