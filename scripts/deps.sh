#!/usr/bin/env bash
# Installs the system packages that building, running and testing Tempfit on
# Linux needs, and only those that are missing. Safe to run again and again.
#
# Usage: scripts/deps.sh [extra Debian packages a script needs]
set -euo pipefail

packages=(
  gcc pkg-config
  libgl1-mesa-dev xorg-dev libxkbcommon-dev libwayland-dev wayland-protocols
  xvfb xauth xdotool fonts-nanum
  "$@"
)

if [ "$(uname -s)" != "Linux" ]; then
  echo "deps: not Linux; install a C compiler and the OpenGL headers by hand (see README)." >&2
  exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "deps: no apt-get here. Install these packages (or your system's equivalents):" >&2
  echo "  ${packages[*]}" >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "deps: need root to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
