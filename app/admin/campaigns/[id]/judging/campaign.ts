import "server-only";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { getCampaignForStaff } from "@/lib/campaigns/queries";
import { campaignIdSchema } from "@/lib/campaigns/schemas";

/** Every judging page starts here: staff only, and a campaign that exists. */
export async function judgingCampaign(params: Promise<{ id: string }>, section = "") {
  const { id } = await params;
  const user = await requirePagePermission("judging.manage", `/admin/campaigns/${id}/judging${section}`);
  const parsed = campaignIdSchema.safeParse({ campaignId: id });
  const details = parsed.success ? await getCampaignForStaff(parsed.data.campaignId) : null;
  if (!details) notFound();
  return { user, ...details };
}
