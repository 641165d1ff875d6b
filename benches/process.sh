#!/usr/bin/env bash
# Whole-process speed and memory, as a user meets them, against a trivial Rust binary that
# prints one line (built here, so both are measured in the same run on the same machine).
#
#   benches/process.sh            # needs hyperfine and GNU time (Debian: hyperfine, time)
#
# It builds etika in release mode, writes synthetic packs of 1,000 and 10,000 obligations with
# examples/synthetic_pack.rs, and reports mean times and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cargo build --release --quiet --example synthetic_pack
etika=target/release/etika
gen=target/release/examples/synthetic_pack

mkdir -p "$work/hello/src"
cat > "$work/hello/Cargo.toml" <<'TOML'
[package]
name = "hello"
version = "0.1.0"
edition = "2024"
TOML
echo 'fn main() { println!("hello"); }' > "$work/hello/src/main.rs"
cargo build --release --quiet --manifest-path "$work/hello/Cargo.toml" --target-dir "$work/hello/target"
hello="$work/hello/target/release/hello"

cat > "$work/threat.toml" <<'TOML'
[answers]
decision = ["disclose"]
situation = ["harm_to_others"]
worker_service = "ngo"
client_age = "adult"
rule_in_play = "none"
harm_risk = true
at_risk = ["other_adult"]
harm_from = ["client"]
danger_now = false
harm_imminent = true
client_has_access_to_victim = true
intended_harm = "unsure"
client_wants_secrecy = true
limits_explained = false
TOML

for n in 1000 10000; do
  "$gen" "$n" "$work/pack$n" >/dev/null
  mv "$work/pack$n/answers.toml" "$work/answers$n.toml"
done

echo "== assess on the embedded pack, against a trivial process"
hyperfine -N --warmup 20 --runs 300 \
  "$hello" \
  "$etika assess --answers $work/threat.toml --format json"

echo "== assess on synthetic packs (linear growth)"
hyperfine -N --warmup 2 --runs 10 \
  "$etika --rules $work/pack1000 assess --answers $work/answers1000.toml --format json" \
  "$etika --rules $work/pack10000 assess --answers $work/answers10000.toml --format json"

echo "== peak memory (maximum resident set size)"
for n in 1000 10000; do
  kb=$(/usr/bin/time -f %M "$etika" --rules "$work/pack$n" assess --answers "$work/answers$n.toml" --format json 2>&1 >/dev/null | tail -1)
  echo "pack of $n obligations: $((kb / 1024)) MiB"
done
