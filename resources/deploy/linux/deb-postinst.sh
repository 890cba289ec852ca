#!/bin/bash
# After-install script of the OpenBranch deb. It replaces electron-builder's
# default one, so it first does what that one does (the /usr/bin/openbranch
# link, the chrome-sandbox mode, the AppArmor profile on Ubuntu 24+), then the
# kiosk's own parts: the device group, udev rules, journald limits and units.
# Creating the kiosk user is left to the technician (README "Packaging and
# deployment"), so an upgrade never touches accounts.
APP=/opt/OpenBranch
RES=$APP/resources/deploy/linux

ln -sf "$APP/openbranch" /usr/bin/openbranch

# Electron's sandbox: user namespaces where the kernel allows them, else the SUID helper.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
  chmod 4755 "$APP/chrome-sandbox" || true
else
  chmod 0755 "$APP/chrome-sandbox" || true
fi
if apparmor_status --enabled >/dev/null 2>&1 && [ -f "$APP/resources/apparmor-profile" ]; then
  if apparmor_parser --skip-kernel-load --debug "$APP/resources/apparmor-profile" >/dev/null 2>&1; then
    cp -f "$APP/resources/apparmor-profile" /etc/apparmor.d/openbranch
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache /etc/apparmor.d/openbranch || true
    fi
  fi
fi

getent group openbranch >/dev/null || groupadd --system openbranch
install -m 0644 "$RES/99-openbranch.rules" /etc/udev/rules.d/99-openbranch.rules
install -d -m 0755 /etc/systemd/journald.conf.d /etc/openbranch
install -m 0644 "$RES/journald-openbranch.conf" /etc/systemd/journald.conf.d/openbranch.conf
for unit in openbranch-kiosk.service openbranch-web-kiosk.service openbranch-kiosk-config.path openbranch-web-kiosk-config.path; do
  install -m 0644 "$RES/$unit" "/etc/systemd/system/$unit"
done
if command -v udevadm >/dev/null; then
  udevadm control --reload || true
  udevadm trigger || true
fi
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload || true
  systemctl restart systemd-journald || true
fi
exit 0
