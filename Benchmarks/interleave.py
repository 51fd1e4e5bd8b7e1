#!/usr/bin/env python3
"""Runs commands in rounds, one after another within each round, and reports their times.

    interleave.py --rounds N [--warmup W] --out FILE -- NAME=COMMAND ...

Each round runs every command once, in the order given (through /bin/sh, as hyperfine
does; a failing command stops the run). A shared virtual machine speeds up and slows down
over minutes; timing a command's runs back to back and another's later lets that drift
into their ratio, while taking them in turns moves both alike. FILE gets, per name, the
seconds of each measured round and their median; `ratio` in this module gives the median
of the rounds' ratios of two names.
"""
import json
import statistics
import subprocess
import sys
import time


def run_rounds(commands, rounds, warmup):
    times = {name: [] for name, _ in commands}
    for round_number in range(warmup + rounds):
        for name, command in commands:
            start = time.perf_counter()
            result = subprocess.run(command, shell=True)
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"interleave.py: {name} exited {result.returncode}: {command}")
            if round_number >= warmup:
                times[name].append(elapsed)
    return {name: {"times": t, "median": statistics.median(t)} for name, t in times.items()}


def ratio(results, numerator, denominator):
    """The median over the rounds of numerator's time / denominator's time."""
    pairs = zip(results[numerator]["times"], results[denominator]["times"])
    return statistics.median(a / b for a, b in pairs)


def main(argv):
    rounds, warmup, out, commands = None, 1, None, []
    args = iter(argv)
    for arg in args:
        if arg == "--rounds":
            rounds = int(next(args))
        elif arg == "--warmup":
            warmup = int(next(args))
        elif arg == "--out":
            out = next(args)
        elif arg == "--":
            commands = [tuple(item.split("=", 1)) for item in args]
    if not rounds or not out or not commands:
        sys.exit(__doc__)
    with open(out, "w") as f:
        json.dump(run_rounds(commands, rounds, warmup), f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
