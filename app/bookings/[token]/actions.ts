"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { acceptOffer, cancelBooking } from "@/lib/events/booking";
import { tokenSchema } from "@/lib/events/schemas";
import { siteOrigin } from "@/lib/schools/request";

// The link's token is the only credential: whoever holds the emailed link manages the booking.

export const cancelBookingAction = defineAction({ schema: tokenSchema, access: "public", successMessage: "events.manage.cancelled" }, async ({ token }) => {
  await cancelBooking(token, { origin: await siteOrigin() });
  revalidatePath(`/bookings/${token}`);
});

export const acceptOfferAction = defineAction({ schema: tokenSchema, access: "public", successMessage: "events.manage.accepted" }, async ({ token }) => {
  await acceptOffer(token, { origin: await siteOrigin() });
  revalidatePath(`/bookings/${token}`);
});
