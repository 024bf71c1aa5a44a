import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createElement } from "react";
import { getDb, type DbOrTx } from "@/db/client";
import { auditLog, campaignCategories, campaigns, classes, entries, entryResults, judgingSettings, pupils, schools, users } from "@/db/schema";
import { AwardEmail, awardSubject } from "@/emails/results/award";
import { SchoolResultsEmail, schoolResultsSubject } from "@/emails/results/school";
import { readableCode } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { emailMessages, enqueueMails, libraryName, placeholders, renderEmail, renderEmailTemplate, type NewMail } from "@/lib/mail";
import type { Tier } from "./results";

const teachers = alias(users, "teacher");

/** Every awarded entry of the campaign with what its emails need. */
async function awardedRows(db: DbOrTx, campaignId: number) {
  return db
    .select({
      entryId: entries.id,
      code: entries.code,
      title: entries.title,
      tier: entryResults.tier,
      certificateCode: entryResults.certificateCode,
      categoryName: campaignCategories.name,
      categoryOrder: campaignCategories.sortOrder,
      pupilName: users.name,
      pupilLocale: users.locale,
      guardianName: pupils.guardianName,
      guardianEmail: pupils.guardianEmail,
      className: classes.name,
      classGrade: classes.grade,
      teacherName: teachers.name,
      teacherEmail: teachers.email,
      teacherLocale: teachers.locale,
      schoolId: schools.id,
      schoolName: schools.name,
      coordinatorName: schools.coordinatorName,
      coordinatorEmail: schools.coordinatorEmail,
    })
    .from(entryResults)
    .innerJoin(entries, eq(entries.id, entryResults.entryId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entryResults.categoryId))
    .innerJoin(users, eq(users.id, entries.pupilId))
    .leftJoin(pupils, eq(pupils.userId, entries.pupilId))
    .leftJoin(classes, eq(classes.id, entries.classId))
    .leftJoin(teachers, eq(teachers.id, classes.teacherId))
    .innerJoin(schools, eq(schools.id, entries.schoolId))
    .where(and(eq(entryResults.campaignId, campaignId), ne(entryResults.tier, "none")))
    .orderBy(asc(schools.id), asc(campaignCategories.sortOrder), asc(entryResults.rank));
}
type AwardRow = Awaited<ReturnType<typeof awardedRows>>[number];

const tierLabel = (locale: Locale, tier: Tier) => emailMessages(locale).resultsEmail.tier[tier];

/** The guardian when we have their email, else the class teacher, else the coordinator. */
function recipient(r: AwardRow): { to: string; name: string; locale: Locale } {
  if (r.guardianEmail) return { to: r.guardianEmail, name: r.guardianName ?? "", locale: r.pupilLocale };
  if (r.teacherEmail) return { to: r.teacherEmail, name: r.teacherName ?? "", locale: r.teacherLocale ?? "zh-CN" };
  return { to: r.coordinatorEmail, name: r.coordinatorName, locale: "zh-CN" };
}

const awardKeys = ["recipientName", "pupilName", "categoryName", "entryTitle", "code", "award", "certificateUrl"] as const;

/**
 * Publishes the campaign's results: the public page shows them from now on, every awarded entry
 * gets a certificate code, each school's coordinator gets the school's list and each awarded
 * pupil's guardian (or teacher) gets theirs. Everything is keyed, so publishing again — after a
 * correction, or by a double click — sends nothing twice.
 */
export async function publishResults(actorId: string, campaignId: number, origin: string) {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('results'), ${campaignId})`);
    const [campaign] = await tx.select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title }).from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
    if (!campaign) throw new AppError("not_found");
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(entryResults).where(eq(entryResults.campaignId, campaignId));
    if (n === 0) throw new AppError("conflict", undefined, "results.errors.nothingToPublish");
    const [settings] = await tx
      .update(judgingSettings)
      .set({ publishedAt: sql`coalesce(${judgingSettings.publishedAt}, now())` })
      .where(eq(judgingSettings.campaignId, campaignId))
      .returning({ publishedAt: judgingSettings.publishedAt });
    if (!settings) throw new AppError("conflict", undefined, "results.errors.nothingToPublish");

    // Certificate codes for awards that have none yet, in one statement.
    const missing = await tx
      .select({ entryId: entryResults.entryId })
      .from(entryResults)
      .where(and(eq(entryResults.campaignId, campaignId), ne(entryResults.tier, "none"), sql`${entryResults.certificateCode} is null`));
    if (missing.length) {
      const ids = missing.map((m) => m.entryId);
      // Both lists are made here of digits and the code alphabet only, so they go in as literals.
      const codes = ids.map(() => `'${readableCode(10).toUpperCase()}'`);
      await tx.execute(sql`update ${entryResults} set certificate_code = d.code
        from unnest(${sql.raw(`array[${ids.join(",")}]::int[], array[${codes.join(",")}]::text[]`)}) as d(entry_id, code)
        where ${entryResults.entryId} = d.entry_id`);
    }

    const rows = await awardedRows(tx, campaignId);
    const mails: NewMail[] = [];
    // One rendering per language for the awards; each copy is filled in.
    const templates = new Map<Locale, Awaited<ReturnType<typeof renderEmailTemplate>>>();
    const libraryNames = new Map<Locale, string>();
    for (const locale of ["zh-CN", "en"] as const) {
      libraryNames.set(locale, await libraryName(tx, locale));
      templates.set(locale, await renderEmailTemplate(createElement(AwardEmail, { locale, libraryName: libraryNames.get(locale)!, campaignTitle: campaign.title, ...placeholders(awardKeys) })));
    }
    const subjects = new Map((["zh-CN", "en"] as const).map((locale) => [locale, awardSubject(locale, campaign.title)]));
    for (const r of rows) {
      const to = recipient(r);
      const award = tierLabel(to.locale, r.tier);
      const filled = templates.get(to.locale)!({
        recipientName: to.name,
        pupilName: r.pupilName ?? "",
        categoryName: r.categoryName,
        entryTitle: r.title,
        code: r.code ?? "",
        award,
        certificateUrl: `${origin}/certificates/${r.certificateCode}`,
      });
      mails.push({ kind: "results-award", entityId: r.entryId, to: to.to, locale: to.locale, subject: subjects.get(to.locale)!, ...filled });
    }
    // One list per school, to its coordinator.
    const bySchool = new Map<number, AwardRow[]>();
    for (const r of rows) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r]);
    for (const [schoolId, list] of bySchool) {
      const first = list[0]!;
      const locale: Locale = "zh-CN";
      const categories = new Map<string, { pupil: string; className: string; title: string; award: string }[]>();
      for (const r of list) {
        categories.set(r.categoryName, [...(categories.get(r.categoryName) ?? []), { pupil: r.pupilName ?? "", className: r.className ?? "", title: r.title, award: tierLabel(locale, r.tier) }]);
      }
      const { html, text } = await renderEmail(
        createElement(SchoolResultsEmail, {
          locale,
          libraryName: libraryNames.get(locale)!,
          coordinatorName: first.coordinatorName,
          schoolName: first.schoolName,
          campaignTitle: campaign.title,
          categories: [...categories].map(([name, awards]) => ({ name, awards })),
          resultsUrl: `${origin}/campaigns/${campaign.slug}/results`,
          certificatesUrl: `${origin}/school/certificates?campaign=${campaignId}`,
        }),
      );
      mails.push({ kind: "results-school", entityId: `${campaignId}-${schoolId}`, to: first.coordinatorEmail, locale, subject: schoolResultsSubject(locale, campaign.title), html, text });
    }
    const queued = await enqueueMails(tx, mails);
    await tx.insert(auditLog).values({ actorId, action: "results:publish", entity: "campaign", entityId: String(campaignId), data: { awards: rows.length, schools: bySchool.size, queued } });
    return { publishedAt: settings.publishedAt!, awards: rows.length, schools: bySchool.size, queued };
  });
}
