"""`bantin` console command. Each sub-command lives in flows/commands/<name>.py and exposes
`add_arguments(parser)` and `run(args) -> exit code`; modules are imported only when used, so
`bantin --help` stays fast and never starts Prefect."""
from __future__ import annotations

import argparse
import importlib
import sys

from bantin import __version__
from bantin.errors import EXIT_USAGE, BantinError
from flows import env

COMMANDS = {
    "run": "run the pipeline once: raw/ in, a validated snapshot in output/",
    "serve": "serve the hourly deployment (starts a local Prefect server unless PREFECT_API_URL is set)",
    "lines": "show every line of an article with its role and the rule that decided it",
    "eval": "measure extraction (fixtures) or cleaning and extraction (--real corpus) against hand-made gold",
    "stats": "counts, field coverage and top provinces/documents of the current output",
    "show": "one article's fields and cleaned text",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bantin",
        description="bantin: Vietnamese provincial news ETL (raw .txt -> validated Parquet/JSONL).",
        epilog="Exit codes: 0 ok (quarantined inputs only warn), 1 data failure (--strict) or failed "
        "quality gate, 2 usage or configuration error.",
    )
    parser.add_argument("--version", action="version", version=f"bantin {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        sub.add_parser(name, help=help_text, description=help_text)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0] not in COMMANDS:
        if argv and not argv[0].startswith("-"):
            parser.print_usage(sys.stderr)
            print(f"bantin: unknown command {argv[0]!r}; choose from {', '.join(COMMANDS)}", file=sys.stderr)
            return EXIT_USAGE
        parser.parse_args(argv or ["--help"])
        return EXIT_USAGE
    env.prepare()  # before any command imports Prefect (flows/env.py)
    module = importlib.import_module(f"flows.commands.{argv[0]}")
    sub = argparse.ArgumentParser(prog=f"bantin {argv[0]}", description=COMMANDS[argv[0]])
    module.add_arguments(sub)
    args = sub.parse_args(argv[1:])
    try:
        return int(module.run(args) or 0)
    except BantinError as exc:
        print(f"bantin: error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
