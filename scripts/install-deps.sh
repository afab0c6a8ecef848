#!/usr/bin/env bash
# Installs every Debian 12 package Kinlist needs to build, test, run and package.
# Idempotent: packages already present are left alone, and apt-get update runs only
# when something is missing.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config clang-format
  clang libclang-rt-14-dev llvm
  qt6-base-dev qt6-declarative-dev qt6-websockets-dev qtkeychain-qt6-dev
  qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
  qt6-virtualkeyboard-plugin qml6-module-qtquick-virtualkeyboard qml6-module-qt-labs-folderlistmodel
  libsodium-dev libjwt-dev libxcb1-dev libsqlite3-dev
  xvfb xauth dbus gnome-keyring libsecret-tools
  adwaita-icon-theme libqt6svg6
  dunst trayer
  postgresql-15 haproxy
  dpkg-dev file desktop-file-utils appstream librsvg2-bin systemd adduser curl procps openssl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
