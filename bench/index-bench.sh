#!/usr/bin/env bash
# Times the file indexer against find and git status on a synthetic tree (engineering notes B.5).
# Usage: bench/index-bench.sh [FILES]   (default 100000; 10 files per dir, three levels, 0.2-4 KB)
# The tree lives in bench-work/ (gitignored, on disk, not tmpfs) and is reused across runs.
set -euo pipefail

FILES=${1:-100000}
RUNS=${RUNS:-9}
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK="$REPO/bench-work"
TREE="$WORK/tree-$FILES"
mkdir -p "$WORK"
if [ "$(stat -f -c %T "$WORK")" = tmpfs ]; then
  echo "bench-work is on tmpfs; the numbers would not mean much" >&2
fi

if [ ! -f "$TREE/.bench-complete" ]; then
  echo "generating $FILES files in $TREE ..."
  rm -rf "$TREE"
  python3 - "$TREE" "$FILES" <<'PY'
import math, os, random, sys
root, files = sys.argv[1], int(sys.argv[2])
leaves = max(1, files // 10)
n = max(1, math.ceil(leaves ** (1 / 3)))
rnd = random.Random(42)
blob = os.urandom(4096).hex().encode()
made = 0
for a in range(n):
    for b in range(n):
        for c in range(n):
            if made >= files:
                break
            d = os.path.join(root, f"d{a:02d}", f"e{b:02d}", f"f{c:02d}")
            os.makedirs(d, exist_ok=True)
            for k in range(min(10, files - made)):
                size = rnd.randint(200, 4096)
                with open(os.path.join(d, f"file{k}.txt"), "wb") as f:
                    f.write(blob[:size])
                made += 1
with open(os.path.join(root, ".gitignore"), "w") as f:
    f.write(".odo/\n")
PY
  # Auto-gc is off and the objects are packed once, so .git does not change under the timings and
  # find does not walk 100k loose objects that the indexer skips.
  (cd "$TREE" && git init -q && git config gc.auto 0 && git add -A \
    && git -c user.email=bench@deckhand -c user.name=bench commit -qm tree \
    && git gc -q && git update-index --refresh >/dev/null)
  touch "$TREE/.bench-complete"
  sync
fi

# A tree made by an older version of this script may still have loose objects.
if [ "$(git -C "$TREE" count-objects | cut -d' ' -f1)" -gt 1000 ]; then
  git -C "$TREE" config gc.auto 0
  git -C "$TREE" gc -q
fi

echo "tree: $TREE ($(find "$TREE" -path "$TREE/.git" -prune -o -print | wc -l) entries), $(nproc) cpus"
# Warm the page cache.
find "$TREE" -printf '%s %T@ %p\n' >/dev/null
git -C "$TREE" status --porcelain >/dev/null

cd "$REPO"
mvn -q -pl core -am test-compile -Dspotless.check.skip=true >/dev/null
CP_FILE="$WORK/classpath.txt"
mvn -q -pl core dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="core/target/test-classes:core/target/classes:$(cat "$CP_FILE")"
OUT=$(java ${JAVA_OPTS:-} -cp "$CP" dev.deckhand.core.index.bench.IndexBenchmark "$TREE" "$RUNS" 3)
echo "$OUT" | sed 's/^/ours: /'

# Baselines are timed inside the same loop as ours (child processes, interleaved), see IndexBenchmark.
echo "$OUT" | awk '
  $1 == "find_printf"          { find = $2 }
  $1 == "git_status_porcelain" { git = $2 }
  $1 == "full_index_memory"    { printf "full index (memory)    / find       = %.2f  (goal <= 1.3)\n", $2 / find }
  $1 == "full_index_persisted" { printf "full index (persisted) / find       = %.2f\n", $2 / find }
  $1 == "rescan_nochange"      { printf "no-change rescan       / git status = %.2f  (goal <= 1.0)\n", $2 / git }
  $1 == "rescan_nochange_index_from_disk" { printf "no-change rescan, index parsed from disk / git status = %.2f\n", $2 / git }'
