"""``host addresses|start|stop|status|copy-in|copy-out``: the host laptop's PostgreSQL server for several desks
(DESIGN.md section 9)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.host import HostService, HostState
from assembly.services.host_copy import CopyResult, copy_between
from assembly.services.locations import host_folder
from assembly.services.progress import Progress


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``host`` and its actions."""
    parser = commands.add_parser("host", help=tr("laptop induk untuk beberapa meja"))
    actions = parser.add_subparsers(dest="action", required=True)
    addresses = actions.add_parser("addresses", help=tr("alamat IPv4 komputer ini"))
    addresses.set_defaults(run=_addresses)
    start = actions.add_parser(
        "start", help=tr("buat (pertama kali) dan jalankan server laptop induk")
    )
    start.add_argument(
        "--address", help=tr("alamat IPv4 laptop ini di jaringan rapat (lihat: host addresses)")
    )
    start.add_argument(
        "--subnet", help=tr("jaringan yang boleh masuk (bawaan: /24 dari alamatnya)")
    )
    start.add_argument("--port", type=int, default=None, help=tr("port server (bawaan: 54329)"))
    start.set_defaults(run=_start)
    stop = actions.add_parser("stop", help=tr("hentikan server laptop induk"))
    stop.set_defaults(run=_stop)
    status = actions.add_parser("status", help=tr("keadaan server dan cara meja bergabung"))
    status.add_argument("--json", action="store_true", help=tr("keluaran JSON untuk skrip"))
    status.set_defaults(run=_status)
    copy_in = actions.add_parser(
        "copy-in", help=tr("salin koperasi dari berkas SQLite ke server laptop induk yang kosong")
    )
    copy_in.add_argument("file", type=Path, help=tr("berkas koperasi (.sqlite)"))
    copy_in.set_defaults(run=_copy_in)
    copy_out = actions.add_parser(
        "copy-out",
        help=tr("salin seluruh koperasi dari server laptop induk ke satu berkas SQLite baru"),
    )
    copy_out.add_argument("file", type=Path, help=tr("berkas SQLite baru"))
    copy_out.set_defaults(run=_copy_out)
    for action in (start, stop, status, copy_in, copy_out):
        action.add_argument(
            "--folder",
            type=Path,
            default=None,
            help=tr("folder server (bawaan: {path})", path=host_folder()),
        )


def _service(args: argparse.Namespace) -> HostService:
    return HostService(args.folder)


def _addresses(_args: argparse.Namespace) -> int:
    for found in HostService.addresses():
        print(f"{found.address}\t{found.subnet}\t{found.interface}")
    return 0


def _start(args: argparse.Namespace) -> int:
    service = _service(args)
    kwargs = {} if args.port is None else {"port": args.port}
    state = service.start(args.address, subnet=args.subnet, **kwargs)
    _print(state)
    return 0


def _stop(args: argparse.Namespace) -> int:
    state = _service(args).stop()
    print(state.lines()[0])
    return 0


def _status(args: argparse.Namespace) -> int:
    state = _service(args).state()
    if args.json:
        values = {
            "folder": str(state.folder),
            "created": state.created,
            "running": state.running,
            "stopped_on_purpose": state.stopped_on_purpose,
            "address": state.address,
            "port": state.port,
            "subnet": state.subnet,
            "desk_role": state.desk_role,
            "desk_password": state.desk_password,
            "desk_url": state.desk_url,
        }
        print(json.dumps(values, ensure_ascii=False, indent=2))
    else:
        _print(state)
    return 0 if state.running else 1


def _copy_in(args: argparse.Namespace) -> int:
    state = _running(args)
    return _report(copy_between(args.file, state.host_url, Progress(_counter())))


def _copy_out(args: argparse.Namespace) -> int:
    state = _running(args)
    return _report(copy_between(state.host_url, args.file, Progress(_counter())))


def _running(args: argparse.Namespace) -> HostState:
    state = _service(args).state()
    if not state.running:
        raise DomainError(
            tr("Server laptop induk tidak berjalan. Jalankan dulu: python main.py host start")
        )
    return state


def _counter() -> Callable[[int, int], None]:
    shown = [-1]

    def report(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{done:,}/{total:,} ({percent}%)".replace(",", "."), end="", file=sys.stderr)
            if done == total:
                print(file=sys.stderr)

    return report


def _report(result: CopyResult) -> int:
    print("\n".join(result.lines()))
    return 0 if result.audit_intact else 1


def _print(state: HostState) -> None:
    print("\n".join(state.lines()))
