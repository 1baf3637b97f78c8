"""`make bench`: run the benchmarks and write docs/benchmarks.md."""

import argparse
import subprocess
import sys

from bench import cold, digest, pages, search

BENCHES = {"pages": pages.run, "cold": cold.run, "search": search.run, "digest": digest.run}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help=f"which benchmarks: {', '.join(BENCHES)} (default: all)")
    args = parser.parse_args()
    unknown = set(args.names) - set(BENCHES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    names = args.names or list(BENCHES)
    if len(names) == 1:
        print(f"== bench: {names[0]}", flush=True)
        BENCHES[names[0]]()
        return
    # Each benchmark sets Django up on its own database, which a process can do only once.
    for name in names:
        subprocess.run([sys.executable, "-m", "bench", name], check=True)


if __name__ == "__main__":
    main()
