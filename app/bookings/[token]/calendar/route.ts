import { getBookingByToken } from "@/lib/events/queries";
import { buildIcs } from "@/lib/events/ics";
import { siteOrigin } from "@/lib/schools/request";

/** The booking as an .ics file, for the link in the confirmation email and on the booking page. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const origin = await siteOrigin();
  const b = await getBookingByToken(token, { origin });
  if (!b || !["confirmed", "attended"].includes(b.status)) return new Response("Not found", { status: 404 });
  const ics = buildIcs({
    uid: `booking-${b.id}@${new URL(origin).hostname}`,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    title: b.eventTitle,
    location: [b.village, b.venue].filter(Boolean).join(" "),
    description: `${b.code} · ${b.partySize}`,
    url: `${origin}/bookings/${token}`,
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="booking-${b.code}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
