#!/usr/bin/env bash
# Helhed's benchmark: one command, everything in the same run.
#
#   scripts/benchmark.sh
#
# 1. Builds Helhed in release mode and installs what the run needs from Debian (hugo, cmark, hyperfine, time, jq).
# 2. Generates the deterministic synthetic Danish corpus (helhed-bench corpus) for N = 1,000 and N = 10,000 articles,
#    as a Helhed site, an equivalent Hugo site and the bare Markdown bodies, in .benchmark/ (git-ignored).
# 3. Times, with hyperfine (warm-up, then RUNS runs; medians and min–max):
#      helhed build     the full build, writing every file (output folder removed before each run);
#      hugo             the same corpus with minimal equivalent layouts (output folder removed before each run);
#      cmark ×1         the floor: all bodies concatenated, one cmark process, output to /dev/null;
#      cmark ×2         the floor on both cores: the bodies in two halves, two cmark processes at once.
# 4. Peak memory (maximum resident set size) of helhed and hugo from /usr/bin/time -v, median of MEMORY_RUNS runs.
# 5. The rebuild after editing one article of the 1,000-article site: in process (helhed-bench rebuild: generation
#    in memory plus finding the changed files), and through the real server (scripts/serve-latency.py: from the save
#    to the live-reload event read by a client, and the same minus the debounce wait); the target is judged on the
#    latter.
# 6. Prints the table and the pass/fail of every target, and writes it to .benchmark/results.md.
#
# Environment: RUNS (default 10), MEMORY_RUNS (3), REBUILD_RUNS (20), SIZES ("1000 10000"), SKIP_BUILD=1,
# OUTPUT_ROOT (a folder, or "disk"; see below).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
MEMORY_RUNS=${MEMORY_RUNS:-3}
REBUILD_RUNS=${REBUILD_RUNS:-20}
SIZES=${SIZES:-"1000 10000"}
WORK=.benchmark
# Where both tools write their sites. By default a RAM-backed tmpfs (/dev/shm), so that the run measures the tools
# rather than the disk: on an ext4 file system without a journal (as on this project's machines), creating tens of
# thousands of files right after deleting as many makes ext4 scan past every recently deleted inode
# (`recently_deleted` in the kernel), which adds seconds to both tools and grows with every run. OUTPUT_ROOT=disk
# writes to .benchmark/out instead.
if [ "${OUTPUT_ROOT:-}" = disk ] || [ ! -w /dev/shm ]; then
    OUT="$PWD/$WORK/out"
    OUTPUT_PLACE="disk ($(df --output=fstype "$PWD" | tail -1 | tr -d ' '), $WORK/out)"
else
    OUT=${OUTPUT_ROOT:-/dev/shm/helhed-benchmark}
    OUTPUT_PLACE="tmpfs ($OUT)"
fi
mkdir -p "$WORK" "$OUT"

need=()
for tool in hugo cmark hyperfine jq; do command -v "$tool" >/dev/null || need+=("$tool"); done
[ -x /usr/bin/time ] || need+=(time)
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} from Debian…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "Building Helhed (release)…"
    swift build -c release 2>&1 | tail -1
fi
HELHED=.build/release/helhed
BENCH=.build/release/helhed-bench

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A MED MIN MAX RSS PAGES
for n in $SIZES; do
    corpus="$WORK/n$n"
    echo
    echo "== N = $n articles =="
    $BENCH corpus --articles "$n" --output "$corpus"
    helhed_cmd="$HELHED build --quiet --content $corpus/helhed/Content --templates Templates --output $OUT/helhed-$n"
    hugo_cmd="hugo --quiet --source $corpus/hugo --destination $OUT/hugo-$n"
    cmark1_cmd="cmark $corpus/cmark/all.md > /dev/null"
    cmark2_cmd="cmark $corpus/cmark/half-1.md > /dev/null & cmark $corpus/cmark/half-2.md > /dev/null; wait"
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine-$n.json" \
        --prepare "rm -rf $OUT/helhed-$n" --prepare "rm -rf $OUT/hugo-$n" --prepare true --prepare true \
        -n helhed "$helhed_cmd" -n hugo "$hugo_cmd" -n cmark1 "$cmark1_cmd" -n cmark2 "$cmark2_cmd" >/dev/null
    for tool in helhed hugo cmark1 cmark2; do
        MED[$tool,$n]=$(jq -r --arg t "$tool" '.results[] | select(.command == $t) | .median' "$WORK/hyperfine-$n.json")
        MIN[$tool,$n]=$(jq -r --arg t "$tool" '.results[] | select(.command == $t) | .min' "$WORK/hyperfine-$n.json")
        MAX[$tool,$n]=$(jq -r --arg t "$tool" '.results[] | select(.command == $t) | .max' "$WORK/hyperfine-$n.json")
    done
    # The last timed run left both sites in place: count their pages.
    PAGES[helhed,$n]=$(find "$OUT/helhed-$n" -name '*.html' | wc -l)
    PAGES[hugo,$n]=$(find "$OUT/hugo-$n" -name '*.html' | wc -l)
    for tool in helhed hugo; do
        cmd=$helhed_cmd; [ "$tool" = hugo ] && cmd=$hugo_cmd
        RSS[$tool,$n]=$(for _ in $(seq "$MEMORY_RUNS"); do
            rm -rf "$OUT/helhed-$n" "$OUT/hugo-$n"
            /usr/bin/time -v sh -c "$cmd" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
        done | median)
    done
    printf '  helhed %.3f s   hugo %.3f s   cmark×1 %.3f s   cmark×2 %.3f s\n' \
        "${MED[helhed,$n]}" "${MED[hugo,$n]}" "${MED[cmark1,$n]}" "${MED[cmark2,$n]}"
done

echo
echo "== Rebuild after editing one article (N = 1000) =="
$BENCH rebuild --content "$WORK/n1000/helhed/Content" --templates Templates --runs "$REBUILD_RUNS" > "$WORK/rebuild.json"
stat() { jq -r ".$1 | sort | (if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end) * 10 | round / 10" "$WORK/rebuild.json"; }
range() { jq -r ".$1 | \"\(min | . * 10 | round / 10)–\(max | . * 10 | round / 10)\"" "$WORK/rebuild.json"; }
FULL_MED=$(stat fullMilliseconds); FULL_RANGE=$(range fullMilliseconds)
INC_MED=$(stat incrementalMilliseconds); INC_RANGE=$(range incrementalMilliseconds)
INC_WIRED=$(jq -r .incrementalIsWired "$WORK/rebuild.json")
CHANGED=$(jq -r '.changedFiles | max' "$WORK/rebuild.json")
# The same edit through the real `helhed serve` (watcher, debounce, rebuild, live-reload event read by a client).
python3 scripts/serve-latency.py --helhed "$HELHED" --content "$WORK/n1000/helhed/Content" --templates Templates \
    --edits "$REBUILD_RUNS" > "$WORK/serve.json"
SERVE_TOTAL=$(jq -r .save_to_reload.median "$WORK/serve.json"); SERVE_TOTAL_RANGE=$(jq -r '"\(.save_to_reload.min)–\(.save_to_reload.max)"' "$WORK/serve.json")
SERVE_MED=$(jq -r .rebuild.median "$WORK/serve.json"); SERVE_RANGE=$(jq -r '"\(.rebuild.min)–\(.rebuild.max)"' "$WORK/serve.json")
DEBOUNCE=$(jq -r .debounce_ms "$WORK/serve.json")

# ---- Report -------------------------------------------------------------------------------------------------------
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
spread() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f–%.0f", a * 1000, b * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v <= limit ? "PASS" : "FAIL") }'; }

{
    echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average before the report: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "Output written to: $OUTPUT_PLACE; the output folder is removed before each timed run of either tool"
    echo "Tools: $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(hugo version | cut -d' ' -f1-2), $(cmark --version | head -1), hyperfine $(hyperfine --version | cut -d' ' -f2); $RUNS runs per command after one warm-up"
    echo
    echo "| N articles | command | median ms | min–max ms | pages | pages/s | peak RSS MB | vs Helhed |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|"
    for n in $SIZES; do
        for tool in helhed hugo cmark1 cmark2; do
            label=$tool; pages="–"; rate="–"; rss="–"
            case $tool in
                helhed) label="helhed build"; pages=${PAGES[helhed,$n]} ;;
                hugo) label="hugo"; pages=${PAGES[hugo,$n]} ;;
                cmark1) label="cmark, 1 process (floor)" ;;
                cmark2) label="cmark, 2 processes (floor, both cores)" ;;
            esac
            if [ "$pages" != "–" ]; then
                rate=$(awk -v p="$pages" -v s="${MED[$tool,$n]}" 'BEGIN { printf "%.0f", p / s }')
                rss=$(awk -v k="${RSS[$tool,$n]}" 'BEGIN { printf "%.0f", k / 1024 }')
            fi
            echo "| $n | $label | $(ms "${MED[$tool,$n]}") | $(spread "${MIN[$tool,$n]}" "${MAX[$tool,$n]}") | $pages | $rate | $rss | $(ratio "${MED[helhed,$n]}" "${MED[$tool,$n]}")× |"
        done
    done
    echo
    echo "Rebuild after editing one article of the 1,000-article site, $REBUILD_RUNS edits ($CHANGED output files changed per edit at most):"
    echo
    echo "| rebuild | median ms | min–max ms |"
    echo "|---|---:|---:|"
    echo "| full regeneration in memory + changed files (SiteGenerator.generate) | $FULL_MED | $FULL_RANGE |"
    if [ "$INC_WIRED" = true ]; then
        echo "| incremental (IncrementalGenerator) + changed files | $INC_MED | $INC_RANGE |"
    else
        echo "| incremental: not wired yet, falls back to full regeneration | $INC_MED | $INC_RANGE |"
    fi
    echo "| helhed serve: save → reload event read by a client | $SERVE_TOTAL | $SERVE_TOTAL_RANGE |"
    echo "| helhed serve: the same minus the ${DEBOUNCE} ms debounce wait | $SERVE_MED | $SERVE_RANGE |"
    if [[ " $SIZES " == *" 10000 "* && " $SIZES " == *" 1000 "* ]]; then
        H10=${MED[helhed,10000]}; H1=${MED[helhed,1000]}
        echo
        echo "| target | measured | limit | result |"
        echo "|---|---:|---:|---|"
        echo "| 10,000 articles: Helhed / Hugo | $(ratio "$H10" "${MED[hugo,10000]}")× | 0.5× | $(verdict "$(ratio "$H10" "${MED[hugo,10000]}")" 0.5) |"
        echo "| 10,000 articles: Helhed / cmark floor (2 processes, both cores) | $(ratio "$H10" "${MED[cmark2,10000]}")× | 3× | $(verdict "$(ratio "$H10" "${MED[cmark2,10000]}")" 3) |"
        echo "| 10,000 articles: Helhed / cmark floor (1 process) | $(ratio "$H10" "${MED[cmark1,10000]}")× | 3× | $(verdict "$(ratio "$H10" "${MED[cmark1,10000]}")" 3) |"
        echo "| linear: 10,000-article build / 1,000-article build | $(ratio "$H10" "$H1")× | 11× | $(verdict "$(ratio "$H10" "$H1")" 11) |"
        rss10=$(awk -v k="${RSS[helhed,10000]}" 'BEGIN { printf "%.0f", k / 1024 }')
        echo "| peak memory, 10,000 articles | $rss10 MB | 300 MB | $(verdict "$rss10" 299.999) |"
        echo "| rebuild after one edit in helhed serve, 1,000 articles, until the browser is told (minus the debounce) | $SERVE_MED ms | 50 ms | $(verdict "$SERVE_MED" 50) |"
    fi
} | tee "$WORK/results.md"
echo
echo "Written to $WORK/results.md"
