# shellcheck shell=bash
# Shell functions shared by the packaging scripts; source it from the repo root.

# toml_value KEY prints the quoted string value of KEY in FyneApp.toml.
toml_value() {
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\(.*\)\"[[:space:]]*\$/\1/p" FyneApp.toml | head -n 1
}
