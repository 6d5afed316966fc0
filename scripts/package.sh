#!/usr/bin/env bash
# Builds the Linux package dist/<Name>.tar.xz (Name from FyneApp.toml) with
# the fyne tool and prints its path. Run from the repository root.
#
# fyne package reads FyneApp.toml and the icon from the directory of the main
# package and raises Build in FyneApp.toml on every run. So that the tracked
# file stays as it is and the tree stays clean, the package is made from a
# temporary copy of the tree, with FyneApp.toml and the icon copied next to
# cmd/tempfit there.
set -euo pipefail

fyne_cmd=fyne.io/tools/cmd/fyne@v1.7.4
main_pkg=cmd/tempfit

die() {
  echo "package: $*" >&2
  exit 1
}

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

{ [ -f go.mod ] && [ -f FyneApp.toml ] && [ -d "$main_pkg" ]; } ||
  die "run me from the repository root (needs go.mod, FyneApp.toml and $main_pkg/)"

name=$(toml_value Name)
id=$(toml_value ID)
icon=$(toml_value Icon)
icon=${icon:-Icon.png}
[ -n "$name" ] || die "FyneApp.toml has no Name"
[ -n "$id" ] || die "FyneApp.toml has no ID"
[ -f "$icon" ] || die "missing icon $icon (make it with: go run ./scripts/icon)"
exe=$(basename "$main_pkg")

root=$(pwd)
toml_sum=$(cksum <FyneApp.toml)
work=$(mktemp -d "${TMPDIR:-/tmp}/tempfit-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "package: copying the tree to $work/src"
mkdir -p "$work/src" "$work/out"
tar -C "$root" --exclude=./.git --exclude=./dist --exclude=./bin -cf - . | tar -C "$work/src" -xf -
cp "$work/src/FyneApp.toml" "$work/src/$main_pkg/FyneApp.toml"
mkdir -p "$(dirname "$work/src/$main_pkg/$icon")"
cp "$icon" "$work/src/$main_pkg/$icon"

echo "package: building $name for linux (a first build compiles GLFW and takes minutes)"
if ! (cd "$work/out" && go run "$fyne_cmd" package -os linux --release --src "$work/src/$main_pkg"); then
  die "fyne package failed; the build needs cgo, gcc and the OpenGL/X11/Wayland headers (bash scripts/deps.sh)"
fi

tarball="$work/out/$name.tar.xz"
[ -f "$tarball" ] || die "fyne package did not write $name.tar.xz"

# The package must hold the program, its menu entry and its icon.
listing=$(tar -tJf "$tarball")
for want in "$exe/Makefile" "bin/$exe" "share/applications/$id.desktop" "share/pixmaps/$id.png"; do
  grep -qE "(^|/)${want//./\\.}\$" <<<"$listing" || die "$name.tar.xz lacks */$want; it holds:
$listing"
done

mkdir -p dist
cp "$tarball" "dist/.$name.tar.xz.tmp"
mv -f "dist/.$name.tar.xz.tmp" "dist/$name.tar.xz"

[ "$(cksum <FyneApp.toml)" = "$toml_sum" ] || die "FyneApp.toml changed while packaging"
echo "package: contents:"
mapfile -t entries <<<"$listing"
printf '  %s\n' "${entries[@]}"
echo "$root/dist/$name.tar.xz"
