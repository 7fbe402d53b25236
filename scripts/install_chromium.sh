#!/usr/bin/env bash
# Install the headless browser the dashboard's browser test drives: Debian's chromium package
# with a font set for the screenshot and without the desktop extras chromium recommends
# (playwright is pointed at it with executable_path; its own browser download is never used).
# Does nothing when a Chromium is already on PATH or $CX_CHROMIUM is set. Needs root (CI runs
# as root on a clean Debian machine), or sudo.
set -euo pipefail

if [ -n "${CX_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "chromium is missing and this user cannot install it: apt-get install chromium as root" >&2
    exit 1
fi
echo "installing Chromium (Debian package chromium) for the dashboard's browser test"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
command -v chromium
