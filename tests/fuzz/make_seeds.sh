#!/usr/bin/env bash
# Regenerates the batch and ask seeds in corpus/ from the repository's own
# tickets and sessions. Each batch/ask input starts with one selector byte
# (see the harnesses): rule base, language, JSON Lines or CSV.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$here/corpus
mkdir -p "$corpus/batch_line" "$corpus/ask_json" "$corpus/ask_session"

seed() {  # seed DIR NAME SELECTOR-OCTAL FILE-OR-TEXT...
    local dir=$1 name=$2 selector=$3; shift 3
    { printf "\\$selector"; cat "$@"; } > "$corpus/$dir/$name"
}
# batch: selector bit 7 = CSV; low bits pick bundled (0), mini.rules (1), printer.rules (2)
seed batch_line dev_bundled.jsonl 000 "$root/tests/rules/../../tests/cli/data/tickets.jsonl"
head -20 /work/shared/tickets/dev.jsonl > /tmp/dev20.jsonl 2>/dev/null && seed batch_line dev20_bundled.jsonl 000 /tmp/dev20.jsonl || true
seed batch_line tickets_mini.jsonl 001 "$root/tests/cli/data/tickets.jsonl"
seed batch_line broken_mini.jsonl 001 "$root/tests/cli/data/broken_lines.jsonl"
seed batch_line tickets_mini.csv 201 "$root/tests/cli/data/tickets.csv"
printf 'id,error_code,expect\r\n"T,1","0xC004F211",hardware_changed\r\n\r\n"a""b",,\n' > /tmp/quoted.csv
seed batch_line quoted_bundled.csv 200 /tmp/quoted.csv

# ask --json: selector bit 0 = Dutch, the rest picks the rule base
printf '%s\n' '{"answer": "usb"}' '{"command": "why"}' '{"answer": true}' '{"command": "back"}' \
    '{"answer": null}' '{"command": "how"}' '{"command": "why-not", "cause": "paper_jam"}' \
    '{"command": "facts"}' '{"answer": "maybe", "fact": "x"}' '{"command": "restart"}' '{"command": "quit"}' > /tmp/ask.jsonl
seed ask_json printer_en.jsonl 004 /tmp/ask.jsonl
seed ask_json printer_nl.jsonl 005 /tmp/ask.jsonl
printf '%s\n' '{"answer": "0xC004F211"}' '{"answer": "yes"}' '{"answer": "no"}' '{"command": "how"}' > /tmp/ask2.jsonl
seed ask_json bundled_en.jsonl 000 /tmp/ask2.jsonl
seed ask_json mini_en.jsonl 002 /tmp/ask2.jsonl

# ask session: selector, flags (bit 0: CRLF), then word indices (see vocabulary()) and raw runs (0xF0 + length)
printf '\000\000\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020' > "$corpus/ask_session/bundled_words"
printf '\004\001\011\012\013\014\377\015\016\017' > "$corpus/ask_session/printer_interrupted"
printf '\003\000\363abc\011\012\364why \020\021\022' > "$corpus/ask_session/mini_nl_raw"
