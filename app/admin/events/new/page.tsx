import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { EventForm } from "../event-form";

export default async function NewEventPage() {
  await requirePagePermission("events.manage", "/admin/events/new");
  const t = await getTranslations("eventsAdmin");
  return (
    <IntlProvider namespaces={["eventsAdmin", "eventKind", "common"]}>
      <PageHeader title={t("new")} />
      <EventForm initial={{ slug: "", kind: "exhibition", title: "", description: "", venue: "", village: "", startsAt: "", endsAt: "" }} />
    </IntlProvider>
  );
}
