import { getTranslations } from "next-intl/server";
import type { ReviewRow } from "@/lib/schools/queries";
import { ReviewForms } from "./review-forms";

const badge: Record<ReviewRow["status"], string> = {
  pending: "bg-warm/10 text-warm-deep",
  approved: "bg-accent-soft text-accent-deep",
  rejected: "bg-red-50 text-danger",
};

// Phone-sized tap targets for the contact links; on wider screens they sit in the text line.
const touch = "inline-flex min-h-11 items-center sm:min-h-0";

/** One registration as staff review it: who, where, how to reach the coordinator, and the decision. */
export async function SchoolCard({
  school,
  townName,
  registeredAt,
  reviewedAt,
}: {
  school: ReviewRow;
  townName: string;
  registeredAt: string;
  reviewedAt: string | null;
}) {
  const t = await getTranslations("schools");
  return (
    <article aria-labelledby={`school-${school.id}`} className="flex flex-col gap-3 rounded-lg border border-line bg-white p-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`school-${school.id}`} className="text-lg">
          {school.name}
        </h2>
        <span className={`rounded px-2 text-sm font-medium ${badge[school.status]}`}>{t(`status.${school.status}`)}</span>
      </header>
      <p className="text-ink-soft">
        {townName} · {t(`level.${school.level}`)}
        {school.address ? ` · ${school.address}` : ""}
      </p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="text-sm text-ink-soft">{t("review.coordinator")}</dt>
        <dd className="flex flex-wrap items-center gap-x-3">
          <span>{school.coordinatorName}</span>
          <a href={`mailto:${school.coordinatorEmail}`} className={`break-all ${touch}`}>
            {school.coordinatorEmail}
          </a>
          {school.coordinatorPhone ? (
            <a href={`tel:${school.coordinatorPhone}`} className={touch}>
              {school.coordinatorPhone}
            </a>
          ) : null}
        </dd>
        <dt className="text-sm text-ink-soft">{t("review.registeredAt")}</dt>
        <dd>{registeredAt}</dd>
        {reviewedAt ? (
          <>
            <dt className="text-sm text-ink-soft">{t("review.reviewedAt")}</dt>
            <dd>{school.reviewerName ? t("review.reviewedBy", { date: reviewedAt, name: school.reviewerName }) : reviewedAt}</dd>
          </>
        ) : null}
        {school.rejectionReason ? (
          <>
            <dt className="text-sm text-ink-soft">{t("review.reason")}</dt>
            <dd className="whitespace-pre-line">{school.rejectionReason}</dd>
          </>
        ) : null}
      </dl>
      {school.status === "pending" ? (
        <ReviewForms schoolId={school.id} schoolName={school.name} coordinatorEmail={school.coordinatorEmail} />
      ) : null}
    </article>
  );
}
