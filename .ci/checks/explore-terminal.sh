#!/usr/bin/env bash
# `topolint explore` on a real terminal: tmux runs it, types with send-keys (tab completion
# included), and the screen is read back with capture-pane.
set -euo pipefail
command -v tmux >/dev/null || { echo "skipped: tmux not installed"; exit 77; }
bin=$(pwd)/.build/debug/topolint
session=topolint-explore-$$
screen() { tmux capture-pane -p -t "$session"; }
wait_for() {  # text, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  echo "timed out waiting for: $1"; screen; return 1
}
wait_count() {  # text, times, seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do [ "$(screen | grep -cF -- "$1")" -ge "$2" ] && return 0; sleep 0.1; done
  echo "timed out waiting for $2 x: $1"; screen; return 1
}
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
tmux new-session -d -s "$session" -x 160 -y 50 "$bin explore examples/two-sites-vsphere.yaml"
wait_for "what-if>" 10
tmux send-keys -t "$session" "add fra1-pr" Tab
wait_for "add fra1-prod" 5              # tab completed the cluster name
tmux send-keys -t "$session" " ams1" Tab Enter
wait_for "proposal proposed: fra1-prod, ams1-dr" 5
wait_for "+5 added, -0 resolved" 5
tmux send-keys -t "$session" "undo" Enter
wait_for "no proposal: the design as written" 5
tmux send-keys -t "$session" Up Up Enter  # history: the add line again
wait_count "+5 added, -0 resolved" 2 5
tmux send-keys -t "$session" "quit" Enter
for _ in $(seq 1 50); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.1; done
if tmux has-session -t "$session" 2>/dev/null; then echo "explore did not quit"; screen; exit 1; fi
echo "explore on a terminal: completion, delta, undo, history and quit work"
