#!/bin/bash
# Starts `openbranch start --web`, waits for the line
#   OpenBranch kiosk: http://127.0.0.1:PORT/...
# and opens that URL (it carries the per-start token) in Chromium --kiosk.
# If either process ends, the other is stopped and the script exits non-zero,
# so systemd (Restart=always) starts both again. When the host ends, the script
# exits with the host's status: 78 (a config or data file problem a restart
# cannot fix) reaches systemd, which then does not restart (RestartPreventExitStatus).
# Overridable for tests and odd installs: OPENBRANCH_BIN, CHROMIUM_BIN,
# OPENBRANCH_CONFIG, OPENBRANCH_PORT, OPENBRANCH_CHROMIUM_PROFILE.
set -u
OPENBRANCH_BIN=${OPENBRANCH_BIN:-openbranch}
CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}
PORT=${OPENBRANCH_PORT:-5390}
PROFILE=${OPENBRANCH_CHROMIUM_PROFILE:-${HOME:-/tmp}/.cache/openbranch-chromium}

args=(start --web --port "$PORT")
if [ -n "${OPENBRANCH_CONFIG:-}" ] && [ -f "$OPENBRANCH_CONFIG" ]; then args+=(--config "$OPENBRANCH_CONFIG"); fi

# The host is a job of this shell (not a process substitution), so `wait` sees it end and
# gets its exit status; its output comes through a FIFO, removed once both ends are open.
fifo_dir=$(mktemp -d)
mkfifo "$fifo_dir/host"
"$OPENBRANCH_BIN" "${args[@]}" >"$fifo_dir/host" 2>&1 &
host=$!
exec 3<"$fifo_dir/host"
rm -rf "$fifo_dir"
url=''
read_status=0
while [ -z "$url" ]; do
  IFS= read -r -t 60 line <&3 || { read_status=$?; break; }
  printf '%s\n' "$line"
  case "$line" in
    'OpenBranch kiosk: '*) url=${line#OpenBranch kiosk: } ;;
  esac
done
# The host's exit status, non-zero (a host that ended cleanly is still a kiosk gone).
host_status() {
  local s=$1
  [ "$s" -ne 0 ] && [ "$s" -lt 128 ] && return "$s"
  return 1
}
if [ -z "$url" ]; then
  echo 'web-kiosk: the web host printed no URL; stopping' >&2
  # Over 128: read timed out, the host hangs; else its output ended: it exited, pass its status on.
  if [ "$read_status" -gt 128 ]; then
    kill "$host" 2>/dev/null
    exit 1
  fi
  wait "$host"
  host_status $?
  exit
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

wait -n -p ended "$host" "$browser"
status=$?
echo 'web-kiosk: host or browser exited; stopping both' >&2
kill "$host" "$browser" 2>/dev/null
wait "$host" "$browser" 2>/dev/null
kill "$relay" 2>/dev/null
if [ "${ended:-}" = "$host" ]; then
  host_status "$status"
  exit
fi
exit 1
