"""`bantin` console command. Each sub-command lives in flows/commands/<name>.py and exposes
`add_arguments(parser)` and `run(args) -> exit code`; modules are imported only when used, so
`bantin --help` stays fast and never starts Prefect."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from bantin import __version__
from bantin.errors import EXIT_DATA, EXIT_SIGINT, EXIT_USAGE, BantinError, disk_full
from bantin.printable import printable
from flows import env
from flows.lifecycle import DEBUG_ENV  # set by --debug; worker processes read it too

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
        "quality gate, 2 usage or configuration error, 3 disk full, 130/143 stopped by SIGINT/SIGTERM. "
        "--debug (anywhere on the line) prints tracebacks.",
    )
    parser.add_argument("--version", action="version", version=f"bantin {__version__}")
    parser.add_argument("--debug", action="store_true", help="print tracebacks (the flag may stand anywhere)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        sub.add_parser(name, help=help_text, description=help_text)
    return parser


#: Set in the environment of every process of a run (the run itself, its server, its workers):
#: exported before the program starts, since a process's environment is fixed when it begins.
PROCESS_ENV = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def _with_process_env(argv: list[str]) -> None:
    """Start this program again with PROCESS_ENV when a run or serve command lacks it (once;
    only when bantin is the program, never when `main` is called from other code)."""
    missing = {k: v for k, v in PROCESS_ENV.items() if k not in os.environ}
    if missing and argv and argv[0] in ("run", "serve") and getattr(sys, "orig_argv", None):
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], {**os.environ, **missing})


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        _with_process_env(sys.argv[1:])
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    argv = [a for a in argv if a != "--debug"]
    parser = build_parser()
    if not argv or argv[0] not in COMMANDS:
        if argv and not argv[0].startswith("-"):
            parser.print_usage(sys.stderr)
            print(f"bantin: unknown command {argv[0]!r}; choose from {', '.join(COMMANDS)}", file=sys.stderr)
            return EXIT_USAGE
        parser.parse_args(argv or ["--help"])
        return EXIT_USAGE
    env.prepare()  # before any command imports Prefect (flows/env.py)
    if debug:
        os.environ[DEBUG_ENV] = "1"  # worker processes and the run's console keep every traceback
    module = importlib.import_module(f"flows.commands.{argv[0]}")
    sub = argparse.ArgumentParser(prog=f"bantin {argv[0]}", description=COMMANDS[argv[0]])
    module.add_arguments(sub)
    args = sub.parse_args(argv[1:])
    try:
        return int(module.run(args) or 0)
    except BaseException as exc:  # noqa: BLE001 - every failure ends in one sentence and an exit code
        if isinstance(exc, SystemExit):
            raise
        if debug:
            traceback.print_exc()
        error, code = explain(exc)
        print(f"bantin: error: {printable(error)}", file=sys.stderr)
        return code


def explain(exc: BaseException) -> tuple[str, int]:
    """The sentence and exit code for any exception that ends a command."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (Ctrl+C); nothing more was done.", EXIT_SIGINT
    full = disk_full(exc)
    if full is not None:
        return str(full), full.exit_code
    if isinstance(exc, BantinError):
        return str(exc), exc.exit_code
    if isinstance(exc, OSError) and exc.filename is not None:
        return (f"{exc.strerror or exc} ({exc.filename}). Check that the path exists and can be read and "
                "written, then run again (add --debug for the traceback).", EXIT_DATA)
    return (f"unexpected {type(exc).__name__}: {exc}. This is a bug in bantin; run again with --debug for the "
            "traceback and report it.", EXIT_DATA)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
