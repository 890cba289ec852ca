#!/bin/bash
# Starts `openbranch start --web`, waits for the line
#   OpenBranch kiosk: http://127.0.0.1:PORT/...
# and opens that URL (it carries the per-start token) in Chromium --kiosk.
# If either process ends, the other is stopped and the script exits non-zero,
# so systemd (Restart=always) starts both again.
# Overridable for tests and odd installs: OPENBRANCH_BIN, CHROMIUM_BIN,
# OPENBRANCH_CONFIG, OPENBRANCH_PORT, OPENBRANCH_CHROMIUM_PROFILE.
set -u
OPENBRANCH_BIN=${OPENBRANCH_BIN:-openbranch}
CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}
PORT=${OPENBRANCH_PORT:-5390}
PROFILE=${OPENBRANCH_CHROMIUM_PROFILE:-${HOME:-/tmp}/.cache/openbranch-chromium}

args=(start --web --port "$PORT")
if [ -n "${OPENBRANCH_CONFIG:-}" ] && [ -f "$OPENBRANCH_CONFIG" ]; then args+=(--config "$OPENBRANCH_CONFIG"); fi

exec 3< <("$OPENBRANCH_BIN" "${args[@]}" 2>&1)
host=$!
url=''
while IFS= read -r -t 60 line <&3; do
  printf '%s\n' "$line"
  case "$line" in
    'OpenBranch kiosk: '*) url=${line#OpenBranch kiosk: }; break ;;
  esac
done
if [ -z "$url" ]; then
  echo 'web-kiosk: the web host printed no URL; stopping' >&2
  kill "$host" 2>/dev/null
  exit 1
fi
# Keep copying the host's output to the journal.
cat <&3 &
relay=$!

mkdir -p "$PROFILE"
"$CHROMIUM_BIN" --kiosk --no-first-run --noerrdialogs --disable-infobars \
  --disable-session-crashed-bubble --disable-translate --disable-features=Translate,TouchpadOverscrollHistoryNavigation \
  --overscroll-history-navigation=0 --disable-pinch --autoplay-policy=no-user-gesture-required --disable-background-networking --disable-component-update \
  --enable-speech-dispatcher \
  --disable-sync --check-for-update-interval=31536000 --user-data-dir="$PROFILE" "$url" &
browser=$!

wait -n "$host" "$browser"
echo 'web-kiosk: host or browser exited; stopping both' >&2
kill "$host" "$browser" 2>/dev/null
wait "$host" "$browser" 2>/dev/null
kill "$relay" 2>/dev/null
exit 1
