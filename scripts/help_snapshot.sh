#!/usr/bin/env bash
# Writes the --help text of every command and subcommand of a built nngeom jar into a folder, one file each, so
# that two builds can be compared with `diff -r` (a redesign must leave every --help byte-identical unless an issue
# changed it). Usage: scripts/help_snapshot.sh JAR OUT_DIR
set -euo pipefail
jar="$1"
out="$2"
mkdir -p "$out"
java -jar "$jar" --help > "$out/_main.txt" 2>&1
commands() { awk '/^Commands:/{f=1; next} f && /^  [a-z]/{print $1}' "$1"; }
for c in $(commands "$out/_main.txt"); do
    java -jar "$jar" "$c" --help > "$out/$c.txt" 2>&1
    for s in $(commands "$out/$c.txt"); do
        java -jar "$jar" "$c" "$s" --help > "$out/$c-$s.txt" 2>&1
    done
done
echo "$(ls "$out" | wc -l) help texts in $out"
