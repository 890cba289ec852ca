#!/bin/sh
# Runs after the OpenBranch deb is installed: the device group, the udev rules
# and the journald limits. Creating the kiosk user is left to the technician
# (see README "Packaging and deployment"), so an upgrade never touches accounts.
set -e
RES=/opt/OpenBranch/resources/deploy/linux
getent group openbranch >/dev/null || groupadd --system openbranch
install -m 0644 "$RES/99-openbranch.rules" /etc/udev/rules.d/99-openbranch.rules
install -d -m 0755 /etc/systemd/journald.conf.d
install -m 0644 "$RES/journald-openbranch.conf" /etc/systemd/journald.conf.d/openbranch.conf
for unit in openbranch-kiosk.service openbranch-web-kiosk.service; do
  install -m 0644 "$RES/$unit" "/etc/systemd/system/$unit"
done
if command -v udevadm >/dev/null; then udevadm control --reload || true; udevadm trigger || true; fi
if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; systemctl restart systemd-journald || true; fi
exit 0
