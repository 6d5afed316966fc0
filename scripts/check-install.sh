#!/usr/bin/env bash
# Checks the per-user install end to end in a throwaway home directory:
# installs with scripts/install.sh, checks the menu entry (where the
# freedesktop menu looks, valid by desktop-file-validate, an Icon= that is a
# 512x512 PNG, an Exec= that is an executable), uninstalls and checks that
# nothing is left. Exits non-zero with a message on the first failure.
# Run from the repository root.
set -euo pipefail

fail() {
  echo "check-install: FAIL: $*" >&2
  exit 1
}

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

# entry_value KEY prints KEY's value in the [Desktop Entry] group of $desktop.
entry_value() {
  awk -v key="$1" '
    /^\[/ { group = $0; next }
    group == "[Desktop Entry]" && index($0, key "=") == 1 { print substr($0, length(key) + 2); exit }
  ' "$desktop"
}

# png_size prints the width and height of the PNG file $1, or fails.
png_size() {
  local sig
  sig=$(od -An -tx1 -N8 "$1" | tr -d ' \n')
  [ "$sig" = 89504e470d0a1a0a ] || return 1
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8 }'
}

{ [ -f go.mod ] && [ -f FyneApp.toml ]; } || fail "run me from the repository root"
id=$(toml_value ID)
[ -n "$id" ] || fail "FyneApp.toml has no ID"

if ! command -v desktop-file-validate >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "check-install: installing desktop-file-utils for desktop-file-validate"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq desktop-file-utils >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq desktop-file-utils >/dev/null 2>&1; } ||
      echo "check-install: could not install desktop-file-utils" >&2
  fi
fi

# Keep Go's caches and settings: should install.sh have to build the
# package, the throwaway home must not cost a cold build.
GOCACHE=$(go env GOCACHE)
GOMODCACHE=$(go env GOMODCACHE)
GOPATH=$(go env GOPATH)
GOENV=$(go env GOENV)
export GOCACHE GOMODCACHE GOPATH GOENV

home=$(mktemp -d "${TMPDIR:-/tmp}/tempfit-home.XXXXXX")
trap 'rm -rf "$home"' EXIT
run_install() {
  HOME=$home XDG_DATA_HOME=$home/.local/share bash scripts/install.sh "$1"
}

echo "check-install: installing into HOME=$home"
run_install install || fail "scripts/install.sh install failed"

apps="$home/.local/share/applications"
desktop="$apps/$id.desktop"
[ -f "$desktop" ] || fail "no menu entry at $desktop (where the menu looks: \$XDG_DATA_HOME/applications)"
echo "check-install: menu entry $desktop:"
sed 's/^/    /' "$desktop"

if command -v desktop-file-validate >/dev/null 2>&1; then
  if ! out=$(desktop-file-validate "$desktop" 2>&1); then
    fail "desktop-file-validate rejects $desktop:
$out"
  fi
  echo "check-install: desktop-file-validate: ok${out:+ (notes: $out)}"
else
  echo "check-install: desktop-file-validate not available; skipped (install desktop-file-utils)"
fi

[ "$(entry_value Type)" = Application ] || fail "Type= is not Application"
[ -n "$(entry_value Name)" ] || fail "no Name="

icon=$(entry_value Icon)
[ -n "$icon" ] || fail "no Icon= in $desktop"
case $icon in
/*) icon_file=$icon ;;
*)
  icon_file=
  for f in "$home"/.local/share/icons/hicolor/*/apps/"$icon".png "$home/.local/share/icons/$icon.png"; do
    if [ -f "$f" ]; then
      icon_file=$f
      break
    fi
  done
  ;;
esac
{ [ -n "$icon_file" ] && [ -f "$icon_file" ]; } || fail "Icon=$icon does not resolve to a file"
case $icon_file in "$home"/*) ;; *) fail "Icon=$icon resolves outside the home: $icon_file" ;; esac
size=$(png_size "$icon_file") || fail "$icon_file is not a PNG"
[ "$size" = 512x512 ] || fail "$icon_file is $size, want 512x512"
echo "check-install: Icon= $icon_file is a ${size} PNG"

exec_line=$(entry_value Exec)
case $exec_line in
\"*) exe=${exec_line#\"} exe=${exe%%\"*} ;;
*) exe=${exec_line%% *} ;;
esac
case $exe in
/*) ;;
*) exe=$(PATH="$home/.local/bin:$PATH" command -v "$exe" || true) ;;
esac
{ [ -n "$exe" ] && [ -f "$exe" ] && [ -x "$exe" ]; } || fail "Exec=$exec_line is not an executable file"
case $exe in "$home"/*) ;; *) fail "Exec= points outside the home: $exe" ;; esac
[ "$(od -An -c -N4 "$exe" | tr -d ' ')" = '177ELF' ] || fail "$exe is not an ELF program"
echo "check-install: Exec= $exe is executable"

echo "check-install: uninstalling"
run_install uninstall || fail "scripts/install.sh uninstall failed"
for f in "$desktop" "$icon_file" "$exe"; do
  [ ! -e "$f" ] || fail "uninstall left $f"
done
left=$(find "$home/.local" -type f ! -name '*.cache' 2>/dev/null || true)
[ -z "$left" ] || fail "uninstall left files behind:
$left"

echo "check-install: OK"
