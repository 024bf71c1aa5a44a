#!/usr/bin/env bash
# Figure 1: time from `npm ci` done to the portal answering on the embedded database (PGlite),
# production build included. Works in a fresh clone so no existing build or data helps.
#
#   bash bench/startup.sh                 # clones /work/main (or REPO) into /tmp/bench-clone
#   KEEP=1 bash bench/startup.sh          # leave the server running afterwards (for bench/run.mjs)
#
# REPO, DIR, PORT (default 3300) and LIMIT_S (give up after this many seconds, default 600) tune it.
set -euo pipefail

REPO=${REPO:-/work/main}
DIR=${DIR:-/tmp/bench-clone}
PORT=${PORT:-3300}
LIMIT_S=${LIMIT_S:-600}
KEEP=${KEEP:-0}
LOG="$DIR.start.log"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

rm -rf "$DIR"
git clone -q "$REPO" "$DIR"
cd "$DIR"
echo "commit $(git rev-parse HEAD)"
rm -rf .next .data

t=$(now)
npm ci --no-audit --no-fund >"$DIR.ci.log" 2>&1
echo "npm ci: $(since "$t") s"

if curl -s -o /dev/null "http://localhost:$PORT/"; then echo "port $PORT already answers; stop that first" >&2; exit 1; fi

# The server runs in its own process group so it can be stopped with everything it spawned.
t=$(now)
setsid bash -c "
  PORT=$PORT npm start 2>&1 | while IFS= read -r line; do
    awk -v a=$t -v b=\"\$(date +%s.%N)\" 'BEGIN { printf \"%6.1fs \", b - a }'; printf '%s\n' \"\$line\"
  done" >"$LOG" 2>&1 </dev/null &
server=$!
ok=0
# Stops the server on exit, unless it answered and KEEP=1 asks to keep it.
stop() { [[ "$ok$KEEP" == 11 ]] || kill -- "-$server" 2>/dev/null || true; }
trap stop EXIT

code=000
while [[ "$code" != 200 ]]; do
  if ! kill -0 "$server" 2>/dev/null; then echo "server exited; see $LOG" >&2; exit 1; fi
  if (( $(awk -v s="$(since "$t")" -v l="$LIMIT_S" 'BEGIN { print (s > l) }') )); then echo "no 200 within $LIMIT_S s; see $LOG" >&2; exit 1; fi
  sleep 0.5
  code=$(curl -s -o /dev/null -m 30 -w '%{http_code}' "http://localhost:$PORT/" || true)
done
ok=1
echo "npm start -> GET / 200: $(since "$t") s (target < 180 s)"
echo "server log with seconds since start: $LOG"
grep -E 'building|Compiled|TypeScript|Ready|\[db\]' "$LOG" || true
if [[ "$KEEP" == 1 ]]; then echo "server left running on port $PORT (stop: kill -- -$server)"; fi
