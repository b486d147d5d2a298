#!/usr/bin/env bash
# Exports the thesis and every rendered-dev document (BibTeX and CSL-JSON,
# straight from the documents) and feeds each file to the real clients:
# ../shared/tools/judge-bibtex and judge-csljson (biber, bibtex, latex,
# pandoc, Better BibTeX's parser, the CSL-JSON schema, citeproc-js).
# Installs the clients first when they are missing (about 40 s).
# Prints one VERDICT line per file; exits 1 if any file does not PASS.
set -uo pipefail
cd "$(dirname "$0")/.."
shared=${IBID_SHARED:-../shared}
tools=$shared/tools
corpus=$shared/corpus
if [ ! -d "$corpus" ]; then
  echo "judge-exports: $corpus not found; skipped"; exit 0
fi
if ! command -v biber >/dev/null || ! command -v pandoc >/dev/null || [ ! -d "$tools/clients/node_modules" ]; then
  echo "judge-exports: installing the judge clients"
  bash "$tools/clients/setup.sh" >/tmp/judge-setup.log 2>&1 || { tail -20 /tmp/judge-setup.log; exit 1; }
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/ibid" ./cmd/ibid || exit 1

docs=("$corpus/thesis-serge-1991.txt")
for f in "$corpus"/rendered-dev/dev-*.ocr.txt; do docs+=("$f"); done
failed=0
for doc in "${docs[@]}"; do
  name=$(basename "$doc" .txt)
  for fmt in bibtex csljson; do
    ext=bib; judge=judge-bibtex
    [ "$fmt" = csljson ] && { ext=json; judge=judge-csljson; }
    file="$out/$name.$ext"
    if ! "$out/ibid" export --format "$fmt" -o "$file" "$doc"; then
      echo "$name.$ext: export failed"; failed=1; continue
    fi
    verdict=$("$tools/$judge" "$file" 2>&1 | tail -1)
    echo "$name.$ext: $verdict"
    case "$verdict" in "VERDICT: PASS"*) ;; *) failed=1 ;; esac
  done
done
exit $failed
