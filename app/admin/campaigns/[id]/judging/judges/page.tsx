import type { Metadata } from "next";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { JUDGE_INVITATION_DAYS, listOpenJudgeInvitations } from "@/lib/judging/invitations";
import { listJudgeCandidates, listPanel, type PanelMember } from "@/lib/judging/panel";
import { judgingCampaign } from "../campaign";
import { ProgressBar } from "../progress-bar";
import { removeJudgeAction } from "./actions";
import { AddJudgeForm } from "./add-judge-form";
import { JudgeInvitationRow } from "./invitation-row";
import { InviteJudgeForm } from "./invite-form";
import { RemindButton } from "./remind-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("judgingAdmin"))("tabs.judges") };
}

async function Member({ campaignId, m }: { campaignId: number; m: PanelMember }) {
  const t = await getTranslations("judgingAdmin.judges");
  const label = m.name ?? m.email ?? "—";
  return (
    <li className="flex flex-col gap-3 px-4 py-4 lg:grid lg:grid-cols-[minmax(0,4fr)_minmax(0,3fr)_minmax(0,4fr)_auto] lg:items-start lg:gap-4">
      <p className="flex min-w-0 flex-col">
        <span className="font-medium">
          {label}
          {m.disabled ? <span className="ml-2 rounded bg-red-50 px-2 text-sm text-danger">{t("disabled")}</span> : null}
        </span>
        <span className="break-all text-sm text-ink-soft">{m.email}</span>
      </p>
      <div className="flex flex-col gap-1">
        <p className="text-sm">{m.assigned === 0 ? t("noAssignments") : t("progress", { submitted: m.submitted, assigned: m.assigned })}</p>
        {m.assigned > 0 ? <ProgressBar done={m.submitted} total={m.assigned} label={t("progressLabel", { name: label })} /> : null}
      </div>
      <div className="flex min-w-0 flex-col gap-1 text-sm">
        <p className="font-medium">{t("conflicts")}</p>
        {m.ownSchool === null && m.declared.length === 0 ? <p className="text-ink-soft">{t("noConflicts")}</p> : null}
        <ul className="flex flex-col gap-1">
          {m.ownSchool !== null ? <li>{t("ownSchool", { school: m.ownSchool })}</li> : null}
          {m.declared.map((d) => (
            <li key={d.schoolId}>
              {d.schoolName}
              {d.note ? <span className="text-ink-soft"> · {d.note}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="self-start lg:justify-self-end">
        {m.submitted > 0 ? (
          <p className="text-sm text-ink-soft lg:max-w-40">{t("cannotRemove")}</p>
        ) : (
          <ActionButton
            action={removeJudgeAction}
            fields={{ campaignId, judgeId: m.id }}
            label={t("remove")}
            variant="ghost"
            confirmText={m.assigned > 0 ? t("confirmRemoveAssigned", { name: label, count: m.assigned }) : t("confirmRemove", { name: label })}
          />
        )}
      </div>
    </li>
  );
}

export default async function JudgesPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { campaign } = await judgingCampaign(params, "/judges");
  const [t, format, panel, invitations, candidates] = await Promise.all([
    getTranslations("judgingAdmin.judges"),
    getFormatter(),
    listPanel(campaign.id),
    listOpenJudgeInvitations(campaign.id),
    listJudgeCandidates(campaign.id),
  ]);
  const behind = panel.filter((m) => m.submitted < m.assigned && !m.disabled).length;
  const open = new Date() < campaign.judgingEndsAt;

  return (
    <IntlProvider namespaces={["judgingAdmin"]}>
      <div className="flex flex-col gap-8">
        <div className="flex flex-col gap-1">
          <h2 className="text-xl">{t("heading")}</h2>
          <p className="max-w-prose text-ink-soft">{t("intro", { days: JUDGE_INVITATION_DAYS })}</p>
        </div>

        <section aria-labelledby="panel-heading" className="flex flex-col gap-3">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <h3 id="panel-heading" className="text-lg">
              {t("panelHeading", { count: panel.length })}
            </h3>
            {open && panel.some((m) => m.assigned > 0) ? <RemindButton campaignId={campaign.id} behind={behind} /> : null}
          </div>
          {panel.length === 0 ? (
            <EmptyState>{t("panelEmpty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-line rounded-lg border border-line bg-white">
              {panel.map((m) => (
                <Member key={m.id} campaignId={campaign.id} m={m} />
              ))}
            </ul>
          )}
        </section>

        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="invite-heading" className="rounded-xl border border-line bg-white p-5">
            <h3 id="invite-heading" className="mb-3 text-lg">
              {t("inviteHeading")}
            </h3>
            <InviteJudgeForm campaignId={campaign.id} />
          </section>
          <section aria-labelledby="add-heading" className="rounded-xl border border-line bg-white p-5">
            <h3 id="add-heading" className="mb-3 text-lg">
              {t("addHeading")}
            </h3>
            <AddJudgeForm campaignId={campaign.id} candidates={candidates.map((c) => ({ id: c.id, label: [c.name, c.email].filter(Boolean).join(" · ") }))} />
          </section>
        </div>

        <section aria-labelledby="pending-heading">
          <h3 id="pending-heading" className="mb-3 text-lg">
            {t("pendingHeading", { count: invitations.length })}
          </h3>
          {invitations.length === 0 ? (
            <EmptyState>{t("pendingEmpty")}</EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {invitations.map((inv) => (
                <JudgeInvitationRow
                  key={inv.id}
                  campaignId={campaign.id}
                  invitation={{ ...inv, expiresLabel: format.dateTime(inv.expiresAt, { dateStyle: "medium", timeStyle: "short" }) }}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </IntlProvider>
  );
}
