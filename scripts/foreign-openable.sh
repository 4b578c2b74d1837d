#!/usr/bin/env bash
# Measures once which workbooks of ../shared/foreign-xlsx LibreOffice opens, and writes
# test/fixtures/foreign-openable.json (file → true/false, with the date and the LibreOffice
# version) for test/xlsx/foreign.test.ts, which then need not start LibreOffice 200 times.
# "Opens": `soffice --convert-to csv` (private profile, headless) ends with exit 0 within
# the time limit and writes the CSV. Usage: bash scripts/foreign-openable.sh [folder] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

folder="${1:-../shared/foreign-xlsx}"
limit="${2:-60}"
out="test/fixtures/foreign-openable.json"
soffice="$(command -v soffice || command -v libreoffice)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$("$soffice" --version | head -n 1)"
profile="file://$work/profile"
lines=()
count=0
while IFS= read -r file; do
  name="${file#"$folder"/}"
  dir="$work/out/$count"
  mkdir -p "$dir"
  opened=false
  # A private profile (no dialogs, no recovery); a password or a hang ends at the time limit.
  if timeout -k 5 "$limit" "$soffice" "-env:UserInstallation=$profile" --headless --norestore \
    --convert-to csv --outdir "$dir" "$file" >"$dir.log" 2>&1; then
    [ -s "$dir/$(basename "${file%.*}").csv" ] && opened=true
  fi
  echo "$name: $opened" >&2
  lines+=("    \"$name\": $opened")
  count=$((count + 1))
done < <(find "$folder" -type f -iname '*.xlsx' | LC_ALL=C sort)

{
  echo "{"
  echo "  \"measured\": \"$(date -u +%Y-%m-%d)\","
  echo "  \"libreOffice\": \"$version\","
  echo "  \"how\": \"soffice --headless --convert-to csv, private profile, ${limit} s per file: true when it ends with exit 0 and writes the CSV (scripts/foreign-openable.sh)\","
  echo "  \"files\": {"
  last=$((${#lines[@]} - 1))
  for i in "${!lines[@]}"; do
    if [ "$i" -lt "$last" ]; then echo "${lines[$i]},"; else echo "${lines[$i]}"; fi
  done
  echo "  }"
  echo "}"
} >"$out"
echo "$out: $count files, $(grep -c ': false' "$out" || true) not opened" >&2
