#!/bin/sh
# 党史长廊 kiosk watchdog: restarts the browser when the kiosk's heartbeat goes stale.
#
# The kiosk page ends its title with " · kiosk-heartbeat=<unix seconds>" every 5 s while it is
# healthy (src/modes/kiosk/heartbeat.ts). Chromium, started with --remote-debugging-port=9222
# (start-kiosk.sh), lists its pages' titles at http://127.0.0.1:9222/json/list. No beat for
# STALE_AFTER seconds — a frozen page, a hung renderer, a kiosk stuck recovering — restarts the
# kiosk service. Nothing is fetched from the kiosk's own server: it works offline.
#   STALE_AFTER  default 90      CHECK_EVERY  default 15      GRACE  default 180 (after a restart)
#   RESTART      default "systemctl --user restart dangshi-kiosk.service"
set -u
STALE_AFTER="${STALE_AFTER:-90}"
CHECK_EVERY="${CHECK_EVERY:-15}"
GRACE="${GRACE:-180}"
RESTART="${RESTART:-systemctl --user restart dangshi-kiosk.service}"
ENDPOINT="${ENDPOINT:-http://127.0.0.1:9222/json/list}"

last_restart=$(date +%s)
while true; do
  sleep "$CHECK_EVERY"
  now=$(date +%s)
  beat=$(curl -fsS --max-time 5 "$ENDPOINT" 2>/dev/null | grep -o 'kiosk-heartbeat=[0-9]*' | head -n 1 | cut -d= -f2)
  # Give a fresh start time to load (CPU rendering can take a minute).
  [ $((now - last_restart)) -lt "$GRACE" ] && continue
  if [ -z "$beat" ] || [ $((now - beat)) -gt "$STALE_AFTER" ]; then
    echo "kiosk heartbeat stale (last: ${beat:-none}, now: $now); restarting" >&2
    sh -c "$RESTART"
    last_restart=$now
  fi
done
