"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { addExhibit, cancelEvent, cancelSession, changeExhibit, checkIn, generateSessions, markNoShows, saveEvent, setEventStatus, updateSession } from "@/lib/events/mutations";
import {
  checkInSchema,
  eventIdSchema,
  eventSchema,
  eventStatusSchema,
  eventUpdateSchema,
  exhibitRefSchema,
  exhibitSchema,
  sessionEditSchema,
  sessionRefSchema,
  sessionRunSchema,
} from "@/lib/events/schemas";
import { siteOrigin } from "@/lib/schools/request";

const manage = { permission: "events.manage" } as const;

function refresh(eventId?: number) {
  revalidatePath("/events", "layout");
  revalidatePath("/admin/events");
  if (eventId) revalidatePath(`/admin/events/${eventId}`, "layout");
}

export const createEventAction = defineAction({ schema: eventSchema, ...manage }, async (input, { user }) => {
  const id = await saveEvent(null, input, user.id);
  refresh();
  redirect(`/admin/events/${id}`);
});

export const updateEventAction = defineAction({ schema: eventUpdateSchema, ...manage, successMessage: "eventsAdmin.saved" }, async ({ eventId, ...input }, { user }) => {
  await saveEvent(eventId, input, user.id);
  refresh(eventId);
});

export const setEventStatusAction = defineAction({ schema: eventStatusSchema, ...manage }, async ({ eventId, status }, { user }) => {
  await setEventStatus(eventId, status, user.id);
  refresh(eventId);
});

export const cancelEventAction = defineAction({ schema: eventIdSchema, ...manage }, async ({ eventId }, { user }) => {
  const n = await cancelEvent(eventId, user.id, await siteOrigin());
  refresh(eventId);
  return n;
});

export const generateSessionsAction = defineAction({ schema: sessionRunSchema, ...manage }, async (input, { user }) => {
  const n = await generateSessions(input, user.id);
  refresh(input.eventId);
  return n;
});

export const updateSessionAction = defineAction({ schema: sessionEditSchema, ...manage, successMessage: "eventsAdmin.saved" }, async (input, { user }) => {
  await updateSession(input, user.id, await siteOrigin());
  refresh(input.eventId);
});

export const cancelSessionAction = defineAction({ schema: sessionRefSchema, ...manage }, async ({ eventId, sessionId }, { user }) => {
  const n = await cancelSession(eventId, sessionId, user.id, await siteOrigin());
  refresh(eventId);
  return n;
});

export const addExhibitAction = defineAction({ schema: exhibitSchema, ...manage }, async (input, { user }) => {
  await addExhibit(input, user.id);
  refresh(input.eventId);
});

export const changeExhibitAction = defineAction({ schema: exhibitRefSchema, ...manage }, async ({ eventId, exhibitId, direction }, { user }) => {
  await changeExhibit(eventId, exhibitId, direction, user.id);
  refresh(eventId);
});

export const checkInAction = defineAction({ schema: checkInSchema.extend({ eventId: z.coerce.number().int().positive() }), ...manage }, async ({ eventId, sessionId, code }) => {
  const r = await checkIn(sessionId, code);
  revalidatePath(`/admin/events/${eventId}/sessions/${sessionId}`);
  return r;
});

export const markNoShowsAction = defineAction({ schema: sessionRefSchema, ...manage }, async ({ eventId, sessionId }, { user }) => {
  const n = await markNoShows(sessionId, user.id);
  refresh(eventId);
  return n;
});
