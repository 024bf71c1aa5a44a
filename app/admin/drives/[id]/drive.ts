import "server-only";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { getDrive } from "@/lib/drives/queries";
import { driveIdSchema } from "@/lib/drives/schemas";

/** Every staff page of a drive starts here: drives staff only, and a drive that exists. */
export async function staffDrive(params: Promise<{ id: string }>, section = "") {
  const { id } = await params;
  const user = await requirePagePermission("drives.manage", `/admin/drives/${id}${section}`);
  const parsed = driveIdSchema.safeParse({ driveId: id });
  const drive = parsed.success ? await getDrive(parsed.data.driveId) : null;
  if (!drive) notFound();
  return { user, drive };
}
