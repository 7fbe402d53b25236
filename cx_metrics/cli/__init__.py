"""The ``cx-metrics`` command line: one subcommand per task of the Python side of the project.

    cx-metrics generate         write the demo data set (CSV or Parquet) + generator_params.json
    cx-metrics load             load the real public data sets into schema raw of a DuckDB file
    cx-metrics summary          print the CX summary of a built DuckDB database
    cx-metrics expectations     validate the built marts with the Great Expectations suites
    cx-metrics compare-engines  check that DuckDB, PostgreSQL and Spark built identical marts
    cx-metrics dashboard        write the CX dashboard (one HTML file) of a built DuckDB database

Each subcommand lives in its own module here with ``configure(parser)`` (its options) and
``run(args) -> exit code``; the heavy imports happen inside ``run`` so ``--help`` stays fast.
The scripts in scripts/ are thin wrappers around :func:`run_command`.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from types import ModuleType

#: subcommand -> module (in the order of --help)
COMMANDS: dict[str, str] = {
    "generate": "cx_metrics.cli.generate",
    "load": "cx_metrics.cli.load",
    "summary": "cx_metrics.cli.summary",
    "expectations": "cx_metrics.cli.expectations",
    "compare-engines": "cx_metrics.cli.compare_engines",
    "dashboard": "cx_metrics.cli.dashboard",
}


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def _setup(parser: argparse.ArgumentParser, module: ModuleType) -> argparse.ArgumentParser:
    module.configure(parser)
    parser.set_defaults(run=module.run, parser=parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cx-metrics", description="cx-metrics: demo data, real-data loading, the CX summary and the "
                                       "quality checks of the customer-experience metrics project.",
        epilog="Run 'cx-metrics COMMAND --help' for the options of a command.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = _command_module(name)
        _setup(subparsers.add_parser(name, help=module.SUMMARY, description=module.DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter), module)
    return parser


def run_command(name: str, argv: Sequence[str] | None = None, prog: str | None = None) -> int:
    """Run one subcommand as a standalone program (how the scripts in scripts/ call it)."""
    module = _command_module(name)
    parser = _setup(argparse.ArgumentParser(prog=prog, description=module.DESCRIPTION,
                                            formatter_class=argparse.RawDescriptionHelpFormatter), module)
    args = parser.parse_args(argv)
    return args.run(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cx-metrics`` console script."""
    args = build_parser().parse_args(argv)
    return args.run(args)
