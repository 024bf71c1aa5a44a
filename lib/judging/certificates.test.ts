import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, entryResults, judgingSettings } from "@/db/schema";
import { listCertificateCampaigns, mayPrintCertificate, resultsPublishedAt } from "./certificates";
import { computeResults } from "./compute";
import { publishResults } from "./publish";

describe("certificates", () => {
  it("lets the pupil, their school's teachers and coordinator, and staff print a certificate; nobody else, and no unknown code", async () => {
    const db = getDb();
    const { campaign, essay } = await createOpenCampaign(db);
    const staff = await createUser(db, { roles: ["staff"] });
    const judge = await createUser(db, { roles: ["judge"] });
    const { pupil, school, cls, teacher } = await createEnrolledPupil(db, campaign.id, { guardianEmail: "g@example.test" });
    const entry = await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: pupil.user.id, schoolId: school.id, classId: cls.id });
    await db.insert(assignments).values({ entryId: entry.id, judgeId: judge.id, campaignId: campaign.id, total: 90, scoreStatus: "submitted", submittedAt: new Date() });
    await db.insert(judgingSettings).values({ campaignId: campaign.id });
    await computeResults(staff.id, campaign.id);

    expect(await resultsPublishedAt(campaign.id)).toBeNull();
    expect(await listCertificateCampaigns(school.id)).toEqual([]);
    const { publishedAt } = await publishResults(staff.id, campaign.id, "http://localhost:3000");
    expect(await resultsPublishedAt(campaign.id)).toEqual(publishedAt);
    expect(await listCertificateCampaigns(school.id)).toEqual([{ id: campaign.id, title: campaign.title, year: campaign.year, publishedAt }]);

    const [row] = await db.select().from(entryResults).where(eq(entryResults.entryId, entry.id));
    const code = row!.certificateCode!;
    const coordinator = await createUser(db, { roles: ["coordinator", "teacher"], schoolId: school.id });
    const otherSchool = await createSchool(db);
    const otherTeacher = await createUser(db, { roles: ["teacher", "coordinator"], schoolId: otherSchool.id });
    const classmate = await createUser(db, { roles: ["student"], schoolId: school.id });
    const viewer = (u: { id: string; roles: ("student" | "teacher" | "coordinator" | "judge" | "staff" | "admin")[]; schoolId: number | null }) => ({ id: u.id, roles: u.roles, schoolId: u.schoolId });

    for (const u of [pupil.user, teacher, coordinator, staff]) expect(await mayPrintCertificate(viewer(u), code.toLowerCase())).toBe(true);
    for (const u of [otherTeacher, classmate, judge]) expect(await mayPrintCertificate(viewer(u), code)).toBe(false);
    expect(await mayPrintCertificate(null, code)).toBe(false);
    expect(await mayPrintCertificate(viewer(staff), "NOTACODE00")).toBe(false);
    expect(await mayPrintCertificate(viewer(staff), "../etc")).toBe(false);
  });
});
