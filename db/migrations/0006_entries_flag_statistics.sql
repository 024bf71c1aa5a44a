-- Judges' queues keep only entries that are safe to read blind: cardinality(flags) = 0 or redacted.
-- Without statistics on that expression PostgreSQL guesses 0.5 % of entries pass (almost all do)
-- and reads the queue by scanning every entry: 30 ms a page at 20,000 entries, 10 ms with these.
CREATE STATISTICS IF NOT EXISTS "entries_flag_count_stats" ON (cardinality("flags")) FROM "entries";
