export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrapDb } = await import("./db/bootstrap");
  await bootstrapDb();
  const { startMailTimer } = await import("./lib/mail");
  startMailTimer();
  const { startEventHousekeeping } = await import("./lib/events/housekeeping");
  startEventHousekeeping();
}
