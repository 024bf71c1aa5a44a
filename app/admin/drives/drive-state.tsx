import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/admin/campaigns/status-badge";

type Drive = { status: "draft" | "published" | "archived"; closedAt: Date | null; endsAt: Date };

/** The drive's state as staff read it: draft, taking pledges, closed (by staff or by date), archived. */
export async function DriveStateBadge({ drive, now = new Date() }: { drive: Drive; now?: Date }) {
  const t = await getTranslations("drivesAdmin");
  if (drive.status !== "published") return <StatusBadge status={drive.status} label={t(drive.status === "draft" ? "stateDraft" : "stateArchived")} />;
  if (drive.closedAt || drive.endsAt <= now) return <StatusBadge status="archived" label={t("stateClosed")} />;
  return <StatusBadge status="published" label={t("stateOpen")} />;
}
