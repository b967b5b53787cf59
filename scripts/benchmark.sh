#!/usr/bin/env bash
# Helhed's benchmark: one command, everything in the same run.
#
#   scripts/benchmark.sh
#
# 1. Builds Helhed in release mode and installs what the run needs from Debian (hugo, cmark, hyperfine, time, jq).
# 2. Generates the deterministic synthetic Danish corpus (helhed-bench corpus) for N = 1,000 and N = 10,000 articles,
#    as a Helhed site, an equivalent Hugo site and the bare Markdown bodies, in .benchmark/ (git-ignored).
# 3. Times, with hyperfine (warm-up, then RUNS runs; medians and min–max), on tmpfs and on disk:
#      helhed build, empty     the full build into an empty folder (output folder removed before each run);
#      helhed build, existing  the editor's case: the build again, nothing changed, into the existing output folder;
#      hugo, empty / existing  the same corpus with minimal equivalent layouts, both ways;
#      cmark ×1                the floor: all bodies concatenated, one cmark process, output to /dev/null;
#      cmark ×2                the floor on both cores: the bodies in two halves, two cmark processes at once.
# 4. Peak memory (maximum resident set size) of helhed and hugo from /usr/bin/time -v, median of MEMORY_RUNS runs,
#    into an empty and into the existing output folder (tmpfs).
# 5. Files written after editing one article's body (a sentence appended), into the existing output on tmpfs: every
#    file whose inode or modification time changed; each is checked to be a file whose bytes changed.
# 6. The rebuild after editing one article of the 1,000-article site: in process (helhed-bench rebuild: generation
#    in memory plus finding the changed files), and through the real server (scripts/serve-latency.py: from the save
#    to the live-reload event read by a client, and the same minus the debounce wait); the target is judged on the
#    latter.
# 7. Prints the table and the pass/fail of every target, and writes it to .benchmark/results.md.
#
# Environment: RUNS (default 10), MEMORY_RUNS (3), REBUILD_RUNS (20), SIZES ("1000 10000"), SKIP_BUILD=1,
# SKIP_REBUILD=1 (no step 6), TMPFS_OUT and DISK_OUT (see below).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
MEMORY_RUNS=${MEMORY_RUNS:-3}
REBUILD_RUNS=${REBUILD_RUNS:-20}
SIZES=${SIZES:-"1000 10000"}
WORK=.benchmark
# Where both tools write their sites: a RAM-backed tmpfs (/dev/shm), which measures the tools rather than the disk,
# and this machine's disk (.benchmark/out, not tmpfs), where editors build. On an ext4 file system without a journal
# (as on this project's machines), creating tens of thousands of files right after deleting as many makes ext4 scan
# past every recently deleted inode (`recently_deleted` in the kernel), which adds seconds to both tools' empty-folder
# builds on disk and grows with every run; a build into the existing output deletes nothing.
TMPFS_OUT=${TMPFS_OUT:-/dev/shm/helhed-benchmark}
DISK_OUT=${DISK_OUT:-$PWD/$WORK/out}
PLACES="tmpfs disk"
[ -w "$(dirname "$TMPFS_OUT")" ] || PLACES="disk"
mkdir -p "$WORK" "$DISK_OUT"; [ "$PLACES" = disk ] || mkdir -p "$TMPFS_OUT"
place_dir() { if [ "$1" = tmpfs ]; then echo "$TMPFS_OUT"; else echo "$DISK_OUT"; fi; }
place_name() { echo "$1 ($(df --output=fstype "$(place_dir "$1")" | tail -1 | tr -d ' '), $(place_dir "$1"))"; }

need=()
for tool in hugo cmark hyperfine jq; do command -v "$tool" >/dev/null || need+=("$tool"); done  # hugo: Debian's
[ -x /usr/bin/time ] || need+=(time)
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} from Debian…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "Building Helhed (release)…"
    nice -n 19 swift build -c release --product helhed 2>&1 | tail -1
    nice -n 19 swift build -c release --product helhed-bench 2>&1 | tail -1
fi
HELHED=.build/release/helhed
BENCH=.build/release/helhed-bench

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Timed commands are keyed tool,place,n; tools: helhed, helhed-existing, hugo, hugo-existing, cmark1, cmark2.
declare -A MED MIN MAX CPU RSS PAGES WRITTEN WRITTEN_SAME
for n in $SIZES; do
    corpus="$WORK/n$n"
    echo
    echo "== N = $n articles =="
    $BENCH corpus --articles "$n" --output "$corpus"
    for place in $PLACES; do
        out=$(place_dir "$place")
        helhed_cmd() { echo "$HELHED build --quiet --content $corpus/helhed/Content --templates Templates --output $out/helhed-$n-$1"; }
        hugo_cmd() { echo "hugo --quiet --source $corpus/hugo --destination $out/hugo-$n-$1"; }
        # "empty": the output folder is removed before each run; "existing": it stays from the warm-up run.
        hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine-$n-$place.json" \
            --prepare "rm -rf $out/helhed-$n-empty" --prepare true --prepare "rm -rf $out/hugo-$n-empty" --prepare true \
            --prepare true --prepare true \
            -n helhed "$(helhed_cmd empty)" -n helhed-existing "$(helhed_cmd existing)" \
            -n hugo "$(hugo_cmd empty)" -n hugo-existing "$(hugo_cmd existing)" \
            -n cmark1 "cmark $corpus/cmark/all.md > /dev/null" \
            -n cmark2 "cmark $corpus/cmark/half-1.md > /dev/null & cmark $corpus/cmark/half-2.md > /dev/null; wait" >/dev/null
        for tool in helhed helhed-existing hugo hugo-existing cmark1 cmark2; do
            for stat in median min max; do
                value=$(jq -r --arg t "$tool" ".results[] | select(.command == \$t) | .$stat" "$WORK/hyperfine-$n-$place.json")
                case $stat in median) MED[$tool,$place,$n]=$value ;; min) MIN[$tool,$place,$n]=$value ;; max) MAX[$tool,$place,$n]=$value ;; esac
            done
            # CPU seconds (user + system, mean): steadier than wall time on a shared machine.
            CPU[$tool,$place,$n]=$(jq -r --arg t "$tool" '.results[] | select(.command == $t) | .user + .system' "$WORK/hyperfine-$n-$place.json")
        done
        printf '  %-5s helhed %.3f s, existing %.3f s   hugo %.3f s, existing %.3f s   cmark×1 %.3f s   cmark×2 %.3f s\n' "$place" \
            "${MED[helhed,$place,$n]}" "${MED[helhed-existing,$place,$n]}" "${MED[hugo,$place,$n]}" "${MED[hugo-existing,$place,$n]}" \
            "${MED[cmark1,$place,$n]}" "${MED[cmark2,$place,$n]}"
    done
    out=$(place_dir "${PLACES%% *}")
    # The last timed runs left the sites in place: count their pages.
    PAGES[helhed,$n]=$(find "$out/helhed-$n-empty" -name '*.html' | wc -l)
    PAGES[hugo,$n]=$(find "$out/hugo-$n-empty" -name '*.html' | wc -l)
    for tool in helhed helhed-existing hugo hugo-existing; do
        target=$out/${tool%-existing}-$n-empty; [ "$tool" != "${tool%-existing}" ] && target=$out/${tool%-existing}-$n-existing
        cmd="$HELHED build --quiet --content $corpus/helhed/Content --templates Templates --output $target"
        [ "${tool#hugo}" != "$tool" ] && cmd="hugo --quiet --source $corpus/hugo --destination $target"
        RSS[$tool,$n]=$(for _ in $(seq "$MEMORY_RUNS"); do
            [ "$tool" = "${tool%-existing}" ] && rm -rf "$target"
            /usr/bin/time -v sh -c "$cmd" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
        done | median)
    done

    # The editor's edit: one sentence appended to one article's body, then a build into the existing output. Every
    # file whose inode or modification time changed was written; each must be one whose bytes changed.
    site="$out/helhed-$n-existing"
    article=$(find "$corpus/helhed/Content/artikler" -name '*.md' | sort | sed -n 1p)  # (head would break the pipe)
    cp "$article" "$WORK/edited-article.bak"
    snapshot() { (cd "$site" && find . -type f -printf '%p %i %T@\n' | LC_ALL=C sort); }
    snapshot > "$WORK/before.txt"; cp -a "$site" "$WORK/before-site"
    printf '\nEt nyt afsnit, skrevet af redaktøren.\n' >> "$article"
    $HELHED build --quiet --content "$corpus/helhed/Content" --templates Templates --output "$site"
    snapshot > "$WORK/after.txt"
    written() { LC_ALL=C comm -13 "$WORK/before.txt" "$WORK/after.txt" | cut -d' ' -f1; }
    WRITTEN[$n]=$(written | wc -l)
    unchanged_but_written=0
    while read -r path; do
        cmp -s "$site/$path" "$WORK/before-site/$path" && unchanged_but_written=$((unchanged_but_written + 1))
    done < <(written)
    WRITTEN_SAME[$n]=$unchanged_but_written
    echo "  after editing one article's body: ${WRITTEN[$n]} files written ($unchanged_but_written of them with unchanged bytes):"
    written | sed -n '1,20s/^/    /p'
    cp "$WORK/edited-article.bak" "$article"
    $HELHED build --quiet --content "$corpus/helhed/Content" --templates Templates --output "$site"
    rm -rf "$WORK/before-site"
done

if [ -z "${SKIP_REBUILD:-}" ]; then
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
fi

# ---- Report -------------------------------------------------------------------------------------------------------
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
spread() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f–%.0f", a * 1000, b * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v <= limit ? "PASS" : "FAIL") }'; }

label() {
    case $1 in
        helhed) echo "helhed build, empty folder" ;; helhed-existing) echo "helhed build, existing output, nothing changed" ;;
        hugo) echo "hugo, empty folder" ;; hugo-existing) echo "hugo, existing output, nothing changed" ;;
        cmark1) echo "cmark, 1 process (floor)" ;; cmark2) echo "cmark, 2 processes (floor, both cores)" ;;
    esac
}

{
    echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average before the report: $(cut -d' ' -f1-3 /proc/loadavg)"
    for place in $PLACES; do echo "Output on $(place_name "$place")"; done
    echo "Tools: $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(hugo version | cut -d' ' -f1-2), $(cmark --version | head -1), hyperfine $(hyperfine --version | cut -d' ' -f2); $RUNS runs per command after one warm-up, all of one place in the same minutes"
    echo
    echo "| N articles | output on | command | median ms | min–max ms | CPU ms (user+sys) | pages | pages/s | peak RSS MB | vs Helhed, empty folder |"
    echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"
    for n in $SIZES; do
        for place in $PLACES; do
            for tool in helhed helhed-existing hugo hugo-existing cmark1 cmark2; do
                pages="–"; rate="–"; rss="–"
                case $tool in helhed*) pages=${PAGES[helhed,$n]} ;; hugo*) pages=${PAGES[hugo,$n]} ;; esac
                if [ "$pages" != "–" ]; then
                    rate=$(awk -v p="$pages" -v s="${MED[$tool,$place,$n]}" 'BEGIN { printf "%.0f", p / s }')
                    [ "$place" = "${PLACES%% *}" ] && rss=$(awk -v k="${RSS[$tool,$n]}" 'BEGIN { printf "%.0f", k / 1024 }')
                fi
                echo "| $n | $place | $(label "$tool") | $(ms "${MED[$tool,$place,$n]}") | $(spread "${MIN[$tool,$place,$n]}" "${MAX[$tool,$place,$n]}") | $(ms "${CPU[$tool,$place,$n]}") | $pages | $rate | $rss | $(ratio "${MED[helhed,$place,$n]}" "${MED[$tool,$place,$n]}")× |"
            done
        done
    done
    echo
    echo "Files written by a build into the existing output after editing one article's body (a sentence appended):"
    for n in $SIZES; do echo "- $n articles: ${WRITTEN[$n]} files written, ${WRITTEN_SAME[$n]} of them with unchanged bytes"; done
    if [ -z "${SKIP_REBUILD:-}" ]; then
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
    fi
    if [[ " $SIZES " == *" 10000 "* ]]; then
        echo
        echo "| target (10,000 articles) | measured | limit | result |"
        echo "|---|---:|---:|---|"
        for place in $PLACES; do
            existing=${MED[helhed-existing,$place,10000]}
            echo "| $place: nothing changed into the existing output / into an empty folder | $(ratio "$existing" "${MED[helhed,$place,10000]}")× | 1× | $(verdict "$(ratio "$existing" "${MED[helhed,$place,10000]}")" 1) |"
            echo "| $place: the same in CPU time (user + system) | $(ratio "${CPU[helhed-existing,$place,10000]}" "${CPU[helhed,$place,10000]}")× | 1× | $(verdict "$(ratio "${CPU[helhed-existing,$place,10000]}" "${CPU[helhed,$place,10000]}")" 1) |"
            echo "| $place: Helhed / Hugo, both into their existing output | $(ratio "$existing" "${MED[hugo-existing,$place,10000]}")× | 0.5× | $(verdict "$(ratio "$existing" "${MED[hugo-existing,$place,10000]}")" 0.5) |"
            echo "| $place: Helhed / Hugo, both into an empty folder | $(ratio "${MED[helhed,$place,10000]}" "${MED[hugo,$place,10000]}")× | 0.5× | $(verdict "$(ratio "${MED[helhed,$place,10000]}" "${MED[hugo,$place,10000]}")" 0.5) |"
        done
        place=${PLACES%% *}
        echo "| $place: existing output / cmark floor (1 process) | $(ratio "${MED[helhed-existing,$place,10000]}" "${MED[cmark1,$place,10000]}")× | 3× | $(verdict "$(ratio "${MED[helhed-existing,$place,10000]}" "${MED[cmark1,$place,10000]}")" 3) |"
        echo "| $place: empty folder / cmark floor (2 processes, both cores) | $(ratio "${MED[helhed,$place,10000]}" "${MED[cmark2,$place,10000]}")× | 3× | $(verdict "$(ratio "${MED[helhed,$place,10000]}" "${MED[cmark2,$place,10000]}")" 3) |"
        if [[ " $SIZES " == *" 1000 "* ]]; then
            echo "| linear: 10,000-article build / 1,000-article build ($place, empty folder) | $(ratio "${MED[helhed,$place,10000]}" "${MED[helhed,$place,1000]}")× | 11× | $(verdict "$(ratio "${MED[helhed,$place,10000]}" "${MED[helhed,$place,1000]}")" 11) |"
        fi
        for tool in helhed helhed-existing; do
            rss10=$(awk -v k="${RSS[$tool,10000]}" 'BEGIN { printf "%.0f", k / 1024 }')
            echo "| peak memory, $(label "$tool") | $rss10 MB | 300 MB | $(verdict "$rss10" 299.999) |"
        done
        if [ -z "${SKIP_REBUILD:-}" ]; then
            echo "| rebuild after one edit in helhed serve, 1,000 articles, until the browser is told (minus the debounce) | $SERVE_MED ms | 50 ms | $(verdict "$SERVE_MED" 50) |"
        fi
    fi
} | tee "$WORK/results.md"
echo
echo "Written to $WORK/results.md"
