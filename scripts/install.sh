#!/usr/bin/env bash
# Installs Tempfit for the current user, under ~/.local, or uninstalls it.
# No root needed. Run from the repository root:
#
#   bash scripts/install.sh [install|uninstall]
#
# install makes dist/<Name>.tar.xz with scripts/package.sh when it is missing
# or older than the sources, unpacks it and runs its Makefile's user-install
# target (or, if that is missing or fails, does the same by hand). It then
# installs the icon into the hicolor theme and points the menu entry's Exec=
# and Icon= at the installed files:
#
#   ~/.local/bin/<exe>                                   the program
#   ~/.local/share/applications/<ID>.desktop             the menu entry
#   ~/.local/share/icons/hicolor/512x512/apps/<ID>.png   the icon
#   ~/.local/share/icons/<ID>.png                        the icon where user-install puts it
#
# uninstall runs the package's user-uninstall target if the package is at
# hand and removes whatever of those files is left.
set -euo pipefail

action=${1:-install}
main_pkg=cmd/tempfit

die() {
  echo "install: $*" >&2
  exit 1
}

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

case $action in
install | uninstall) ;;
*) die "usage: bash scripts/install.sh [install|uninstall]" ;;
esac
{ [ -f go.mod ] && [ -f FyneApp.toml ]; } || die "run me from the repository root (needs go.mod and FyneApp.toml)"
{ [ -n "${HOME:-}" ] && [ -d "$HOME" ]; } || die "HOME is not set to a directory"

name=$(toml_value Name)
id=$(toml_value ID)
version=$(toml_value Version)
{ [ -n "$name" ] && [ -n "$id" ]; } || die "FyneApp.toml needs a Name and an ID"
exe=$(basename "$main_pkg")
pkg="dist/$name.tar.xz"

bin_dir="$HOME/.local/bin"
apps_dir="$HOME/.local/share/applications"
icons_dir="$HOME/.local/share/icons"
bin="$bin_dir/$exe"
desktop="$apps_dir/$id.desktop"
icon="$icons_dir/hicolor/512x512/apps/$id.png"
plain_icon="$icons_dir/$id.png"
files=("$bin" "$desktop" "$icon" "$plain_icon")

if [ -n "${XDG_DATA_HOME:-}" ] && [ "$XDG_DATA_HOME" != "$HOME/.local/share" ]; then
  echo "install: note: XDG_DATA_HOME is $XDG_DATA_HOME; menus there will not see ~/.local/share" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tempfit-install.XXXXXX")
trap 'rm -rf "$work"' EXIT

# unpack extracts the package into $work and sets top to its directory.
unpack() {
  tar -xJf "$pkg" -C "$work" || die "cannot unpack $pkg"
  top="$work/$exe"
  [ -d "$top" ] || die "$pkg does not hold a $exe/ directory"
}

# has_target NAME reports whether the package's Makefile defines NAME and
# can be used: its recipes do not quote paths, so a home directory with
# spaces or other special characters is left to the by-hand way.
has_target() {
  case $HOME in
  *[!A-Za-z0-9/._+-]*)
    echo "install: the home directory's name has special characters; not using the package's Makefile"
    return 1
    ;;
  esac
  [ -f "$top/Makefile" ] && grep -q "^$1:" "$top/Makefile" && command -v make >/dev/null 2>&1
}

# refresh_caches updates the menu and icon caches when their tools exist.
refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$apps_dir" ]; then
    update-desktop-database -q "$apps_dir" || echo "install: update-desktop-database failed (ignored)" >&2
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$icons_dir/hicolor" ]; then
    gtk-update-icon-cache -q -f -t "$icons_dir/hicolor" || echo "install: gtk-update-icon-cache failed (ignored)" >&2
  fi
}

# exec_path quotes a path for a desktop file's Exec= key when it needs it.
exec_path() {
  local p=$1
  case $p in
  *[!A-Za-z0-9/._+-]*)
    p=${p//\\/\\\\}
    p=${p//\"/\\\"}
    p=${p//\`/\\\`}
    p=${p//\$/\\\$}
    p="\"$p\""
    p=${p//\\/\\\\} # the desktop file's own string escaping
    ;;
  esac
  printf '%s' "$p"
}

# needs_build reports whether the package is missing or older than a file
# that goes into it.
needs_build() {
  [ -f "$pkg" ] || return 0
  [ -n "$(find . \( -path ./.git -o -path ./dist -o -path ./bin -o -name testdata \) -prune -o \
    -type f ! -name '*_test.go' ! -name '*.md' -newer "$pkg" -print -quit)" ]
}

install_files() {
  if needs_build; then
    echo "install: $pkg is missing or older than the sources; building it"
    bash scripts/package.sh >/dev/null || die "scripts/package.sh failed"
  fi
  [ -f "$pkg" ] || die "no $pkg"
  unpack

  local src_bin src_desktop src_icon
  src_bin=$(find "$top/usr" -path "*/bin/$exe" -type f | head -n 1)
  src_desktop=$(find "$top/usr" -path "*/share/applications/$id.desktop" -type f | head -n 1)
  src_icon=$(find "$top/usr" -path "*/share/pixmaps/$id.png" -type f | head -n 1)
  { [ -n "$src_bin" ] && [ -n "$src_desktop" ] && [ -n "$src_icon" ]; } ||
    die "$pkg lacks the program, the desktop file or the icon"

  local by_hand=yes
  if has_target user-install; then
    echo "install: running the package's make user-install"
    if (cd "$top" && make --no-print-directory user-install DESTDIR=) &&
      [ -x "$bin" ] && [ -f "$desktop" ] && grep -qF "Exec=$bin" "$desktop"; then
      by_hand=
    else
      echo "install: make user-install did not finish the job; installing by hand" >&2
    fi
  else
    echo "install: the package has no user-install target; installing by hand"
  fi
  if [ -n "$by_hand" ]; then
    install -Dm755 "$src_bin" "$bin"
  fi

  # Put the icon in the hicolor theme, where every desktop looks, and write
  # the menu entry from the package's own, with Exec= and Icon= pointing at
  # the installed program and icon.
  install -Dm644 "$src_icon" "$icon"
  EXEC_VALUE=$(exec_path "$bin") ICON_VALUE=$icon awk '
    /^Exec=/ { sub(/^Exec=[^ ]*/, ""); print "Exec=" ENVIRON["EXEC_VALUE"] $0; next }
    /^Icon=/ { print "Icon=" ENVIRON["ICON_VALUE"]; next }
    { print }
  ' "$src_desktop" >"$work/entry.desktop"
  install -Dm644 "$work/entry.desktop" "$desktop"

  refresh_caches

  echo "install: installed $name ${version:+$version }for $(id -un 2>/dev/null || id -u):"
  echo "  program     $bin"
  echo "  menu entry  $desktop"
  echo "  icon        $icon"
  if [ -f "$plain_icon" ]; then
    echo "  icon copy   $plain_icon (put there by the package's Makefile)"
  fi
  case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "install: note: $bin_dir is not on your PATH; start $name from the menu or as $bin" ;;
  esac
}

uninstall_files() {
  local f present=()
  for f in "${files[@]}"; do
    if [ -e "$f" ] || [ -L "$f" ]; then
      present+=("$f")
    fi
  done
  if [ ${#present[@]} -eq 0 ]; then
    echo "install: $name is not installed in $HOME/.local; nothing to remove"
    return
  fi
  if [ -f "$pkg" ]; then
    unpack
    if has_target user-uninstall; then
      echo "install: running the package's make user-uninstall"
      (cd "$top" && make --no-print-directory user-uninstall DESTDIR=) ||
        echo "install: make user-uninstall failed; removing the files by hand" >&2
    fi
  fi
  for f in "${present[@]}"; do
    rm -f "$f"
    [ ! -e "$f" ] || die "could not remove $f"
  done
  refresh_caches
  echo "install: uninstalled $name; removed:"
  printf '  %s\n' "${present[@]}"
}

if [ "$action" = install ]; then
  install_files
else
  uninstall_files
fi
