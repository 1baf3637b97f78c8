"""`make bench`: run the benchmarks and write docs/benchmarks.md."""

import argparse

from bench import digest, pages, search

BENCHES = {"pages": pages.run, "search": search.run, "digest": digest.run}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help=f"which benchmarks: {', '.join(BENCHES)} (default: all)")
    args = parser.parse_args()
    unknown = set(args.names) - set(BENCHES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    for name in args.names or list(BENCHES):
        print(f"== bench: {name}")
        BENCHES[name]()


if __name__ == "__main__":
    main()
