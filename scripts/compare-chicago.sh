#!/usr/bin/env bash
# compare-chicago.sh
#
# Renders every distinct record of ../shared/corpus/rendered-dev/*.csl.json
# with citeproc-js (chicago-notes-bibliography.csl and chicago-author-date.csl,
# en-US) and with ibid's export/style, and prints how many bibliography
# entries agree character for character (HTML tags stripped, white space
# normalised), in total and per item type. SHOW_DIFF=1 also prints every
# entry that differs. Needs node and the judge clients
# (bash ../shared/tools/clients/setup.sh). citeproc-js output is cached in
# $IBID_CITEPROC_CACHE when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go test -count=1 -timeout 15m -run '^TestCiteprocAgreement$' -v ./export/style/
