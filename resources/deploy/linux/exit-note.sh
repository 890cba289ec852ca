#!/bin/sh
# ExecStopPost of the OpenBranch units: after the kiosk stopped, says in the journal why
# systemd does not start it again when the start found a problem that a restart cannot fix.
# systemd sets SERVICE_RESULT, EXIT_CODE and EXIT_STATUS for this command.
# Usage: exit-note.sh UNIT CONFIG-FILE
unit=${1:-openbranch-kiosk.service}
config=${2:-/etc/openbranch/kiosk.yaml}
if [ "${EXIT_CODE:-}" = exited ] && [ "${EXIT_STATUS:-}" = 78 ]; then
  echo "openbranch: NOT restarting: the configuration or the data file has a problem that a restart cannot fix (exit 78, EX_CONFIG; the line above says which and what to do)."
  echo "openbranch: the kiosk and the door stay stopped (the door locked) until it is fixed. Saving $config starts it again; after fixing anything else: systemctl restart $unit"
fi
exit 0
