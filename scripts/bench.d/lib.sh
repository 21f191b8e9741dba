# Helpers for the phases of scripts/bench (sourced, not run: not executable).

# now: seconds since the epoch, with nanoseconds.
now() { date +%s.%N; }

# per_second COUNT START END: COUNT / (END - START), no decimals.
per_second() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

# ratio A B: A / B with two decimals, or - when B is zero or empty.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

# row FIGURE VALUE UNIT COMPARISON COMPARISON-VALUE TARGET: one row of the
# table, the ratio computed (VALUE / COMPARISON-VALUE; - without one).
row() {
  local r=-
  [ "$5" != - ] && r=$(ratio "$2" "$5")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$r" "$6"
}

# rss_row FIGURE KB TARGET: a peak-RSS row in MB.
rss_row() {
  printf '%s\t%s\tMB\t-\t-\t-\t%s\n' "$1" "$(awk -v k="$2" 'BEGIN { printf "%.1f", k / 1024 }')" "$3"
}

# peak_rss_kb PID: the process's peak resident set so far (VmHWM), in KB;
# read it before the process is reaped.
peak_rss_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# machine_busy: the CPU seconds the whole machine has been busy since it
# started (every process and the kernel: user, nice, system, irq, softirq,
# steal in /proc/stat); the difference around a run is what the run cost
# the machine, the servers' work for it included.
machine_busy() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

# timed_rss OUTFILE COMMAND...: runs COMMAND under GNU time, leaving its
# peak RSS in KB in OUTFILE.
timed_rss() {
  local out=$1
  shift
  /usr/bin/time -f %M -o "$out" "$@"
}
