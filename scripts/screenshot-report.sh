#!/usr/bin/env bash
# screenshot-report.sh HTML_FILE PNG_FILE
#
# Renders an ibid HTML report with headless Chromium and saves a 1280×2000
# screenshot, to look at how the page reads. Installs Debian's chromium
# when it is missing (needs root and apt). The page must be self-contained:
# networking is switched off as far as Chromium allows.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 HTML_FILE PNG_FILE" >&2
	exit 2
fi
html=$1
png=$2
if [ ! -f "$html" ]; then
	echo "$0: $html: no such file" >&2
	exit 2
fi

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "$0: installing chromium" >&2
	apt-get update >&2 && apt-get install -y chromium >&2
	browser=$(command -v chromium)
fi

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
case "$png" in
/*) abs_png=$png ;;
*) abs_png=$(pwd)/$png ;;
esac
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$profile" --window-size=1280,${SCREENSHOT_HEIGHT:-2000} \
	--screenshot="$abs_png" "file://$abs_html" >&2
echo "$abs_png"
