export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrapDb } = await import("./db/bootstrap");
  await bootstrapDb();
  // Under `WEB_CONCURRENCY` (scripts/start.mjs) the other server processes start once the
  // database is migrated and seeded.
  process.send?.({ shuxiang: "db-ready" });
  const { startMailTimer } = await import("./lib/mail");
  startMailTimer();
  const { startEventHousekeeping } = await import("./lib/events/housekeeping");
  startEventHousekeeping();
}
