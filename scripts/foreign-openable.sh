#!/usr/bin/env bash
# Measures once which workbooks of ../shared/foreign-xlsx LibreOffice opens, and writes
# test/fixtures/foreign-openable.json (file → true/false, with the date and the LibreOffice
# version) for test/xlsx/foreign.test.ts, which then need not start LibreOffice 200 times.
# "Opens": `soffice --convert-to csv` (private profile, headless) writes the file's CSV.
# Files go in batches of one folder (one LibreOffice start each); a file the batch left
# without a CSV (it failed, or a file before it hung or crashed LibreOffice) is tried again
# alone, with a time limit per file, and that run decides.
# Usage: bash scripts/foreign-openable.sh [folder] [seconds per file] [files per batch]
set -euo pipefail
cd "$(dirname "$0")/.."

folder="${1:-../shared/foreign-xlsx}"
limit="${2:-60}"
batch="${3:-15}"
out="test/fixtures/foreign-openable.json"
soffice="$(command -v soffice || command -v libreoffice)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$("$soffice" --version | head -n 1)"
profile="file://$work/profile"

# Converts files to CSV into a folder; a hang ends at the time limit. Never fails.
convert() {
  local seconds="$1" dir="$2"
  shift 2
  mkdir -p "$dir"
  timeout -k 5 "$seconds" "$soffice" "-env:UserInstallation=$profile" --headless --norestore \
    --convert-to csv --outdir "$dir" "$@" >>"$work/soffice.log" 2>&1 || true
}

# Whether a file's CSV is in a folder.
converted() {
  local base
  base="$(basename "$2")"
  [ -s "$1/${base%.*}.csv" ]
}

mapfile -t files < <(find "$folder" -type f -iname '*.xlsx' | LC_ALL=C sort)
lines=()
count=0
start=0
while [ "$start" -lt "${#files[@]}" ]; do
  # One batch: up to $batch files of the same folder (no two share a name).
  parent="$(dirname "${files[$start]}")"
  group=()
  while [ "$start" -lt "${#files[@]}" ] && [ "${#group[@]}" -lt "$batch" ] &&
    [ "$(dirname "${files[$start]}")" = "$parent" ]; do
    group+=("${files[$start]}")
    start=$((start + 1))
  done
  dir="$work/batch$start"
  # A batch that hangs on one file ends at twice the limit; its files are then tried alone.
  convert $((limit * 2)) "$dir" "${group[@]}"
  for file in "${group[@]}"; do
    opened=false
    if converted "$dir" "$file"; then
      opened=true
    else
      alone="$work/alone$count"
      convert "$limit" "$alone" "$file"
      converted "$alone" "$file" && opened=true
    fi
    name="${file#"$folder"/}"
    echo "$name: $opened" >&2
    lines+=("    \"$name\": $opened")
    count=$((count + 1))
  done
done

{
  echo "{"
  echo "  \"measured\": \"$(date -u +%Y-%m-%d)\","
  echo "  \"libreOffice\": \"$version\","
  echo "  \"how\": \"scripts/foreign-openable.sh: soffice --headless --convert-to csv, private profile; true when it writes the file's CSV (alone, within ${limit} s, if its batch did not)\","
  echo "  \"files\": {"
  last=$((${#lines[@]} - 1))
  for i in "${!lines[@]}"; do
    if [ "$i" -lt "$last" ]; then echo "${lines[$i]},"; else echo "${lines[$i]}"; fi
  done
  echo "  }"
  echo "}"
} >"$out"
echo "$out: $count files, $(grep -c ': false' "$out" || true) not opened" >&2
