#!/bin/sh
# 党史长廊 kiosk: starts Chromium full screen on the kiosk URL.
#   KIOSK_URL      default http://127.0.0.1:4173/?mode=kiosk   (add &idle=SECONDS to override the config)
#   KIOSK_PROFILE  default ~/.config/dangshi-kiosk             (a persistent profile: it holds the
#                  offline cache and the visit statistics — never use --incognito or a temp profile)
set -eu
URL="${KIOSK_URL:-http://127.0.0.1:4173/?mode=kiosk}"
PROFILE="${KIOSK_PROFILE:-$HOME/.config/dangshi-kiosk}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}"
mkdir -p "$PROFILE/Default"

# After a power cut Chromium offers to "restore pages" in a bubble; tell it the last exit was clean.
PREFS="$PROFILE/Default/Preferences"
if [ -f "$PREFS" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$PREFS"
fi

# Wait (up to a minute) for the local server on the first start; afterwards the service worker
# serves the kiosk even without it.
i=0
while [ $i -lt 30 ] && ! (command -v curl >/dev/null && curl -fsS -o /dev/null "$URL"); do
  i=$((i + 1))
  sleep 2
done

exec "$CHROMIUM" \
  --kiosk \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-pinch \
  --overscroll-history-navigation=0 \
  --disable-features=TouchpadOverscrollHistoryNavigation,Translate,TranslateUI \
  --autoplay-policy=no-user-gesture-required \
  --no-first-run \
  --no-default-browser-check \
  --password-store=basic \
  --disable-component-update \
  --check-for-update-interval=31536000 \
  --remote-debugging-address=127.0.0.1 \
  --remote-debugging-port=9222 \
  --user-data-dir="$PROFILE" \
  "$URL"
