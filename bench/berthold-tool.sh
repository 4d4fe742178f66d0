# Tool "berthold": another checkout of Berth (say, the commit before a refactor), beside tools/berth.sh in one run:
#   run-anchors.sh --tool-file bench/berthold-tool.sh --tools docker,berthold,berth ...
: "${BERTHOLD_BIN:?set BERTHOLD_BIN to the launcher of the other checkout (git worktree add --detach DIR COMMIT)}"
: "${BERTHOLD_ROOT:=/tmp/bench-berthold-store}"
berthold_base()    { grep -q "library/debian:bookworm" "$BERTHOLD_ROOT/index.json" 2>/dev/null || { docker save debian:bookworm | BERTH_ROOT=$BERTHOLD_ROOT "$BERTHOLD_BIN" load >/dev/null 2>&1; }; }
berthold_build()   { berthold_base; BERTH_ROOT=$BERTHOLD_ROOT "$BERTHOLD_BIN" build --progress=plain -t "$1" -f "$2" "$3"; }
berthold_clean()   { rm -rf "$BERTHOLD_ROOT"; docker save debian:bookworm | BERTH_ROOT=$BERTHOLD_ROOT "$BERTHOLD_BIN" load >/dev/null 2>&1; }
berthold_inspect() { BERTH_ROOT=$BERTHOLD_ROOT "$BERTHOLD_BIN" image inspect "$1" | python3 -c 'import json,sys; i=json.load(sys.stdin)[0]; print(i.get("Size",0), len(i["RootFS"]["Layers"]))'; }
