"""The headless command line (DESIGN.md section 5): ``python main.py COMMAND …``.

Each command calls services only, prints what it did, and on bad input exits non-zero with a
clear message and changes nothing. Exit codes: 0 done, 1 a check failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from assembly.domain.errors import DomainError
from assembly.i18n import LANGUAGES, set_language, tr

COMMANDS = (
    "init",
    "demo",
    "members",
    "audit",
    "keys",
    "sign",
    "verify",
    "status",
    "attendance",
    "minutes",
    "backup",
    "host",
)

# The module (under assembly.cli) that adds each command. Only the command that runs is
# loaded: ``members import`` does not wait for the host's, the backups' or the signing's
# libraries; ``--help`` and a mistyped command load them all.
_MODULE_OF = {
    "init": "init",
    "demo": "demo",
    "members": "members",
    "audit": "audit",
    "keys": "signing",
    "sign": "signing",
    "verify": "signing",
    "status": "status",
    "attendance": "attendance",
    "minutes": "minutes",
    "backup": "backup",
    "host": "host",
}

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``command`` alone when it is one of ``COMMANDS``, else of every
    sub-command."""
    parser = argparse.ArgumentParser(prog="python main.py", description=tr("Kuorum tanpa layar."))
    parser.add_argument(
        "--lang", choices=sorted(LANGUAGES), default="id", help=tr("bahasa pesan dan dokumen")
    )
    commands = parser.add_subparsers(dest="command", required=True)
    module = _MODULE_OF.get(command or "")
    for name in [module] if module else dict.fromkeys(_MODULE_OF.values()):
        importlib.import_module(f"assembly.cli.{name}").register(commands)
    return parser


def main(argv: Sequence[str]) -> int:
    """Run one sub-command; its exit code."""
    argv = list(argv)
    language = _language_option(argv)
    set_language(language)
    parser = build_parser(first_word(argv))
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except DomainError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(tr("Dibatalkan; tidak ada yang diubah."), file=sys.stderr)
        return EXIT_FAILED


def first_word(args: Sequence[str]) -> str | None:
    """The first argument that is not an option or an option's value (``--lang en status``):
    the command, when it is one of ``COMMANDS``."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("--lang", "--db"):
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _language_option(argv: list[str]) -> str:
    """``--lang`` wherever it stands, so sub-command help is in that language too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            value = argv[i + 1]
            del argv[i : i + 2]
            return value
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            del argv[i]
            return arg.split("=", 1)[1]
    return "id"
