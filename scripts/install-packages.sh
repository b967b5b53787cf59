#!/bin/sh
# Installs the Debian packages Helhed needs to build and test, as root (a fresh container has no sudo) or through
# sudo. The one list of system packages: the README's quick start and CI both run this.
set -eu
packages="libcmark-dev libyaml-dev libstemmer-dev libvips-dev libhunspell-dev hunspell-da pkg-config cmark-gfm"
missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo"; fi
$as_root apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
