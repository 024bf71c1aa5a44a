import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

/** The class page's way in to its pupils' entries. */
export async function ClassEntriesLink({ classId }: { classId: number }) {
  const t = await getTranslations("entriesProgress");
  return (
    <ButtonLink href={`/school/classes/${classId}/entries`} variant="secondary">
      {t("classLink")}
    </ButtonLink>
  );
}
