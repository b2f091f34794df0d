#!/usr/bin/env bash
# The ablation table of docs/coder.md: rules alone, the learned model alone (trained without the rules' events as
# features), and the shipped combination, on dev-gold, dev2-train (cross-validated by region batch: each fold's
# model is trained without that batch's gold conversions, corpus/docs/gold-dev2*) and dev2-check (scores only).
# Needs ../shared (the evaluation sets). Usage: scripts/coder-ablation.sh [--model accurate]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DYAD_SHARED:-../shared}
[ -d "$shared/eval" ] || { echo "coder-ablation: needs $shared/eval (the evaluation sets)" >&2; exit 2; }
kind=fast; encoder=none
if [ "${1:-}" = "--model" ] && [ "${2:-}" = "accurate" ]; then kind=accurate; encoder=minilm; fi
dotnet build src/Dyad.Cli -c Release -nologo -v quiet >/dev/null
dyad=src/Dyad.Cli/bin/Release/net10.0/linux-x64/dyad
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

counts() { sed -n 's/.*(TP \([0-9]*\), FP \([0-9]*\), FN \([0-9]*\)).*/\1 \2 \3/p' | head -n 1; }
f1() { awk -v tp="$1" -v fp="$2" -v fn="$3" 'BEGIN { p = tp / (tp + fp > 0 ? tp + fp : 1); r = tp / (tp + fn > 0 ? tp + fn : 1); printf "%.3f (P %.3f, R %.3f)", (p + r > 0 ? 2 * p * r / (p + r) : 0), p, r }'; }
score() { # decider model-file gold [--only prefix]
  local decider=$1 model=$2 gold=$3; shift 3
  local args=(--gold "$shared/eval/$gold" --list 0 --decider "$decider")
  [ "$decider" != rules ] && args+=(--event-model "$model")
  "$dyad" eval "${args[@]}" "$@" 2>/dev/null | counts
}

echo "training the full models ($kind)" >&2
"$dyad" train-coder --out "$work/combined.model" --encoder "$encoder" >/dev/null 2>&1
"$dyad" train-coder --out "$work/alone.model" --encoder "$encoder" --no-rule-features >/dev/null 2>&1

declare -A cv
for variant in combined alone first; do cv[$variant]="0 0 0"; done
for fold in da db dc dd de df; do
  echo "dev2-train fold $fold" >&2
  "$dyad" train-coder --out "$work/fold-combined.model" --encoder "$encoder" --exclude "g2-$fold" >/dev/null 2>&1
  "$dyad" train-coder --out "$work/fold-alone.model" --encoder "$encoder" --no-rule-features --exclude "g2-$fold" >/dev/null 2>&1
  for variant in combined alone first; do
    case $variant in combined) decider=combined; m=combined ;; alone) decider=model; m=alone ;; first) decider=model-first; m=combined ;; esac
    read -r tp fp fn <<<"$(score "$decider" "$work/fold-$m.model" dev2-train.jsonl --only "$fold-")"
    read -r a b c <<<"${cv[$variant]}"
    cv[$variant]="$((a + tp)) $((b + fp)) $((c + fn))"
  done
done

printf '| decider | dev-gold | dev2-train (cross-validated) | dev2-check |\n|---|---|---|---|\n'
for variant in rules alone combined first; do
  case $variant in
    first) name="model-first"; decider=model-first; model="$work/combined.model"; read -r tp fp fn <<<"${cv[first]}" ;;
    rules) name="rules alone"; decider=rules; model=none; read -r tp fp fn <<<"$(score rules none dev2-train.jsonl)" ;;
    alone) name="model alone"; decider=model; model="$work/alone.model"; read -r tp fp fn <<<"${cv[alone]}" ;;
    combined) name="combined"; decider=combined; model="$work/combined.model"; read -r tp fp fn <<<"${cv[combined]}" ;;
  esac
  read -r g1 g2 g3 <<<"$(score "$decider" "$model" dev-gold.jsonl)"
  read -r c1 c2 c3 <<<"$(score "$decider" "$model" dev2-check.jsonl)"
  printf '| %s | %s | %s | %s |\n' "$name" "$(f1 "$g1" "$g2" "$g3")" "$(f1 "$tp" "$fp" "$fn")" "$(f1 "$c1" "$c2" "$c3")"
done
