"""The meeting day on several computers, for real (issue 13, "Done means"):
``.venv/bin/python scripts/desks_walk.py OUTDIR [--members N] [--no-netns] [--no-host-cut]``.

1. A cooperative of N members and its RAT (with the election of the Pengawas) prepared in a
   SQLite file, as the secretary has it before the day.
2. The host laptop started by the README's commands (``host start --address``, ``host
   copy-in``), in a throwaway server folder (``--folder``; as root the server runs as Debian's
   ``postgres`` user). When run as root the desks sit in their own network namespace
   (``ip netns`` + a veth pair), so they reach the host from another address, as over a LAN.
3. Five processes join it, each the REAL Kuorum main window on ``postgresql://kuorum_meja:…``
   (scripts/desk_actor.py): desk 1, 2 and 3, the chair and the projector. The chair opens the
   door; the desks scan members in (some at two desks at the same moment, some leave again);
   every desk's quorum panel must reach the same count by the live feed; the host is stopped
   and started mid-walk (the desks' red banner); the chair checks quorum, opens the meeting,
   decides by consensus, a named vote and an election at the console, the projector shows
   them, and the chair closes the meeting.
4. Afterwards through the command line: ``minutes export``, ``keys new`` and ``sign`` for the
   chair and the secretary (the second signature locks), ``host copy-out``, then ``audit
   verify`` and ``verify PDF --db COPY`` on the copy; present on every desk = the copy's
   attendance = the berita acara's own figure. Any failure ends the walk with exit code 1.
5. Screenshots of every window into OUTDIR, two desks side by side composed into one PNG,
   the berita acara's pages as PNGs. ``host stop`` and the namespace removed at the end, also
   on failure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import select
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assembly.domain.cooperative import Cooperative, TimeZone  # noqa: E402
from assembly.domain.meeting import MeetingType, Officer, OfficerRole  # noqa: E402
from assembly.domain.members import Member  # noqa: E402
from assembly.services.bundle import Services  # noqa: E402

PYTHON = sys.executable
PASS = "sandi-rahasia-2027"
NETNS = "kuorum-meja"
HOST_SIDE, DESK_SIDE = "10.77.0.1", "10.77.0.2"
FIRST = ["Sri", "Bambang", "Siti", "Joko", "Dewi", "Agus", "Rina", "Hendra", "Yuliana", "Teguh"]
LAST = [
    "Wahyuni",
    "Sutrisno",
    "Aminah",
    "Purnomo",
    "Lestari",
    "Salim",
    "Marlina",
    "Gunawan",
    "Sari",
    "Prasetyo",
    "Hidayah",
    "Riyadi",
]
ROLES = ("desk1", "desk2", "desk3", "chair", "projector")


class WalkFailed(Exception):
    """Something the walk checks did not hold."""


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def check(held: bool, what: str) -> None:
    if not held:
        raise WalkFailed(what)
    say("OK " + what)


# --- the day before: the cooperative in its SQLite file ---------------------------------------


def prepare(path: Path, members: int, backups: Path) -> int:
    """The cooperative, its register and its RAT today (a draft); the meeting's id."""
    services = Services.open(path)
    try:
        services.cooperative.save_cooperative(
            Cooperative(
                name="Koperasi Produsen Tani Makmur",
                city="Klaten",
                legal_entity_number="518/BH/XIV.2/2004",
                code="KPTM",
                time_zone=TimeZone.WIB,
            )
        )
        profile = services.cooperative.ad_profile().profile
        services.cooperative.save_ad_profile(profile, confirmed=True)
        for n in range(1, members + 1):
            name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"
            services.register.save(Member(f"{n:03d}", name, joined_on=dt.date(2020, 1, 15)))
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
        meeting = services.meetings.new_meeting(MeetingType.RAT, today, election_due=True)
        meeting = replace(
            meeting,
            venue="Balai Desa Karanganom",
            officers=(
                Officer(OfficerRole.CHAIR, "Bambang Sutrisno", None),
                Officer(OfficerRole.SECRETARY, "Siti Aminah", None),
            ),
        )
        saved = services.meetings.create(meeting).value
        backups.mkdir(parents=True, exist_ok=True)
        services.backups.choose_folder(backups)
        return int(saved.id or 0)
    finally:
        services.close()


# --- the command line ------------------------------------------------------------------------


def kuorum(*args: str, ok: tuple[int, ...] = (0,), env: dict[str, str] | None = None) -> str:
    """``python main.py ARGS`` on the host laptop; its output. Fails loudly on another code."""
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )
    ms = (time.perf_counter() - started) * 1000
    shown = " ".join(a if "postgresql://" not in a else "postgresql://…" for a in args[:3])
    say(f"$ kuorum {shown} … -> exit {done.returncode} ({ms:.0f} ms)")
    if done.returncode not in ok:
        raise WalkFailed(f"{shown}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout


# --- the network namespace of the desks -----------------------------------------------------


def make_namespace() -> bool:
    """The desks' own network namespace joined to this one by a veth pair; False when it
    cannot be made (not root, no ``ip``): then the desks use this computer's address."""
    if os.geteuid() != 0 or shutil.which("ip") is None:
        return False
    drop_namespace()
    steps = [
        ["ip", "netns", "add", NETNS],
        ["ip", "link", "add", "kmeja0", "type", "veth", "peer", "name", "kmeja1"],
        ["ip", "link", "set", "kmeja1", "netns", NETNS],
        ["ip", "addr", "add", f"{HOST_SIDE}/24", "dev", "kmeja0"],
        ["ip", "link", "set", "kmeja0", "up"],
        ["ip", "netns", "exec", NETNS, "ip", "addr", "add", f"{DESK_SIDE}/24", "dev", "kmeja1"],
        ["ip", "netns", "exec", NETNS, "ip", "link", "set", "kmeja1", "up"],
        ["ip", "netns", "exec", NETNS, "ip", "link", "set", "lo", "up"],
    ]
    for step in steps:
        if subprocess.run(step, capture_output=True).returncode != 0:
            drop_namespace()
            return False
    return True


def drop_namespace() -> None:
    subprocess.run(["ip", "link", "del", "kmeja0"], capture_output=True)
    subprocess.run(["ip", "netns", "del", NETNS], capture_output=True)


# --- the actors --------------------------------------------------------------------------------


class Actor:
    """One desk process: commands written to its stdin, its one-line answers read back."""

    def __init__(self, role: str, url: str, out: Path, meeting: int, netns: bool) -> None:
        self.role = role
        prefix = ["ip", "netns", "exec", NETNS] if netns else []
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
        self.log = open(out / f"{role}.log", "w", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                *prefix,
                PYTHON,
                str(ROOT / "scripts" / "desk_actor.py"),
                "--role",
                role,
                "--db",
                url,
                "--out",
                str(out),
                "--meeting",
                str(meeting),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            env=env,
            cwd=ROOT,
        )

    def send(self, do: str, **values: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"do": do, **values}) + "\n")
        self.process.stdin.flush()

    def answer(self, timeout_s: float = 120) -> dict[str, Any]:
        assert self.process.stdout is not None
        ready, _w, _x = select.select([self.process.stdout], [], [], timeout_s)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            raise WalkFailed(f"{self.role}: no answer (exit {self.process.poll()}); see its log")
        reply: dict[str, Any] = json.loads(line)
        if "error" in reply:
            raise WalkFailed(f"{self.role}: {reply['error']}\n{reply.get('trace', '')}")
        return reply

    def do(self, do: str, **values: Any) -> dict[str, Any]:
        self.send(do, **values)
        return self.answer()

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.do("quit")
                self.process.wait(timeout=30)
            except (WalkFailed, OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()
        self.log.close()


def at_once(
    actors: dict[str, Actor], commands: dict[str, tuple[str, dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    """Send each actor its command at the same moment, then read every answer."""
    for role, (do, values) in commands.items():
        actors[role].send(do, **values)
    return {role: actors[role].answer() for role in commands}


# --- pictures -----------------------------------------------------------------------------------


def side_by_side(left: Path, right: Path, target: Path, titles: tuple[str, str]) -> None:
    """Two screenshots of the same moment beside each other, each under its caption."""
    from PIL import Image, ImageDraw

    images = [Image.open(left).convert("RGB"), Image.open(right).convert("RGB")]
    gap, caption = 16, 34
    width = sum(i.width for i in images) + gap
    height = max(i.height for i in images) + caption
    canvas = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(canvas)
    x = 0
    for image, title in zip(images, titles, strict=True):
        draw.text((x + 10, 8), title, fill="black", font_size=20)
        canvas.paste(image, (x, caption))
        x += image.width + gap
    canvas.save(target)


def pdf_numbers(pdf: Path) -> dict[str, Any]:
    """The berita acara's own figures (its ``angka.json`` attachment)."""
    from pypdf import PdfReader

    files = PdfReader(pdf).attachments
    return dict(json.loads(io.BytesIO(files["angka.json"][0]).read().decode("utf-8")))


def reconcile(
    figures: dict[str, Any],
    status: dict[str, Any],
    document: dict[str, Any],
    copy: Path,
    meeting: int,
) -> None:
    """Present on every desk's quorum panel = present in the copy = the berita acara's last
    quorum figure; everyone who came (the two who left too) = the copy's attendance rows =
    the berita acara's total."""
    import sqlite3

    desks = set(figures["present_on_desks"].values())
    figures_of = {row["kunci"]: row["nilai"] for row in document["angka"]}
    last_check = max(k for k in figures_of if k.startswith("kuorum.") and k.endswith(".hadir"))
    check(len(desks) == 1, f"the three desks show the same present count {desks}")
    (present,) = desks
    check(
        status["present"]["total"] == present,
        f"copy-out's present {status['present']['total']} = desks' {present}",
    )
    check(
        figures_of[last_check] == present,
        f"berita acara {last_check} {figures_of[last_check]} = desks' {present}",
    )
    with sqlite3.connect(copy) as db:
        came = db.execute(
            "SELECT count(*) FROM attendance WHERE meeting_id = ?", (meeting,)
        ).fetchone()[0]
    check(
        figures_of["hadir.jumlah"] == came,
        f"berita acara hadir.jumlah {figures_of['hadir.jumlah']} = the copy's {came} "
        "attendance rows (who left included)",
    )
    figures["reconciled"] = {"present": present, "came": came}


# --- the walk ------------------------------------------------------------------------------------


def walk(out: Path, members: int, netns: bool, host_cut: bool) -> dict[str, Any]:
    work = out / "kerja"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    os.chmod(work, 0o755)
    figures: dict[str, Any] = {"members": members}
    started = time.perf_counter()

    source = work / "koperasi.sqlite"
    meeting = prepare(source, members, work / "cadangan")
    say(f"cooperative prepared: {members} members, meeting {meeting}, {source}")

    address = HOST_SIDE if netns else "127.0.0.1"
    folder = work / "laptop-induk"
    kuorum(
        "host",
        "start",
        "--address",
        address,
        "--folder",
        str(folder),
        "--port",
        str(free_port(prefer=54329)),
    )
    try:
        meeting_day(out, work, meeting, folder, figures, netns, host_cut)
    finally:
        kuorum("host", "stop", "--folder", str(folder), ok=(0, 1, 2))
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


def meeting_day(
    out: Path,
    work: Path,
    meeting: int,
    folder: Path,
    figures: dict[str, Any],
    netns: bool,
    host_cut: bool,
) -> None:
    """The day on the running host: the desks, the chair, the projector, then the berita
    acara, the copy and its checks."""
    actors: dict[str, Actor] = {}
    try:
        state = json.loads(kuorum("host", "status", "--json", "--folder", str(folder)))
        url = state["desk_url"]
        say(f"host running at {state['address']}:{state['port']}, desks join {state['desk_role']}")
        kuorum("host", "copy-in", str(work / "koperasi.sqlite"), "--folder", str(folder))

        t = time.perf_counter()
        actors["chair"] = Actor("chair", url, out, meeting, netns)
        ready = actors["chair"].answer()
        say(
            f"chair joined in {ready['join_ms']} ms (process start to window: "
            f"{(time.perf_counter() - t) * 1000:.0f} ms)"
        )
        check(
            actors["chair"].do("open_door")["state"] == "check_in",
            "chair opened the door (check-in open)",
        )
        for role in ("desk1", "desk2", "desk3", "projector"):
            actors[role] = Actor(role, url, out, meeting, netns)
        for role in ("desk1", "desk2", "desk3", "projector"):
            say(f"{role} joined in {actors[role].answer()['join_ms']} ms")
        hello = actors["desk1"].do("hello")
        figures["desk_pid"] = hello["pid"]
        for role in ("desk1", "desk2", "desk3"):
            check(actors[role].do("desk")["present"] == 0, f"{role} desk shows 0 present")

        # Round 1: three desks at once.
        blocks = {"desk1": range(1, 9), "desk2": range(16, 24), "desk3": range(31, 39)}
        answers = at_once(
            actors,
            {
                role: ("check_in", {"numbers": [f"{n:03d}" for n in numbers]})
                for role, numbers in blocks.items()
            },
        )
        scans = [s for a in answers.values() for s in a["seen"]]
        check(all(s["headline"] for s in scans), f"{len(scans)} scans each answered at its desk")
        expected = 24

        # The moment of the side-by-side picture: desk 2 checks in one member, desk 1 shows it.
        answer2 = actors["desk2"].do("check_in", numbers=["024"], shot="after-checkin-024")
        expected += 1
        seen1 = actors["desk1"].do("await_present", count=expected, shot="sees-024")
        check(
            seen1["held"],
            f"desk1's quorum panel shows desk2's check-in ({expected} present) "
            f"after {seen1['ms']} ms",
        )
        figures["change_to_desk1_ms"] = seen1["ms"]
        side_by_side(
            Path(answer2["file"]),
            Path(seen1["file"]),
            out / "two-desks.png",
            ("Meja 2: anggota 024 baru dipindai", "Meja 1: saat yang sama"),
        )

        # The same members scanned at two desks at the same moment.
        twice = ["009", "025", "039"]
        answers = at_once(
            actors,
            {
                "desk1": ("check_in", {"numbers": twice}),
                "desk2": ("check_in", {"numbers": twice[::-1]}),
                "desk3": ("check_in", {"numbers": twice[1:] + twice[:1]}),
            },
        )
        heads = [s["headline"] for a in answers.values() for s in a["seen"]]
        already = [h for h in heads if "sudah" in h.lower()]
        say("double scans answered: " + "; ".join(sorted(set(heads))))
        check(
            len(already) == 2 * len(twice),
            f"{len(twice)} members scanned at three desks at once: each in once, "
            f"{len(already)} 'sudah hadir'",
        )
        expected += len(twice)

        # Round 2, and two members leave the hall.
        blocks = {"desk1": range(10, 16), "desk2": range(26, 31), "desk3": range(40, 46)}
        at_once(
            actors,
            {
                role: ("check_in", {"numbers": [f"{n:03d}" for n in numbers]})
                for role, numbers in blocks.items()
            },
        )
        expected += sum(len(b) for b in blocks.values())
        for role, number in (("desk3", "044"), ("desk1", "013")):
            left = actors[role].do("check_out", number=number)
            say(f"{role} check-out {number}: {left['headline']} / {left['detail']}")
        expected -= 2
        answers = at_once(
            actors,
            {
                role: ("await_present", {"count": expected, "shot": "present-all"})
                for role in ("desk1", "desk2", "desk3")
            },
        )
        for role, a in answers.items():
            check(a["held"], f"{role} quorum panel shows {expected} present ({a['ms']} ms)")
        figures["present_before_opening"] = expected

        if host_cut:  # the host laptop stops; every desk says so; it comes back
            kuorum("host", "stop", "--folder", str(folder))
            lost = at_once(
                actors,
                {
                    role: ("await_banner", {"shown": True, "shot": "host-lost"})
                    for role in ("desk1", "desk2")
                },
            )
            for role, a in lost.items():
                check(
                    a["held"],
                    f"{role} banner after the host stopped ({a['ms']} ms): {a['banner']!r}",
                )
            kuorum("host", "start", "--folder", str(folder))
            back = at_once(
                actors, {role: ("await_banner", {"shown": False}) for role in ("desk1", "desk2")}
            )
            for role, a in back.items():
                check(a["held"], f"{role} banner gone after the host came back ({a['ms']} ms)")
            side_by_side(
                Path(lost["desk1"]["file"]),
                Path(lost["desk2"]["file"]),
                out / "host-lost.png",
                ("Meja 1", "Meja 2"),
            )
            after = actors["desk3"].do("check_in", numbers=["046"])
            check(
                "046" in json.dumps(after) and after["present"] == expected + 1,
                "desk3 checks in after the host came back",
            )
            expected += 1

        # The chair: quorum, opening, the decisions.
        opened = actors["chair"].do("open_meeting", shot="meeting-opened")
        check(opened["state"] == "opened", f"meeting opened with {opened['present']} present")
        actors["projector"].do("open_projector")  # the console lists opened meetings only
        actors["projector"].do("shot", name="projector-opened")
        actors["chair"].do("consensus_until", kind=None, count=1)
        vote = actors["chair"].do(
            "open_vote", title="Pengesahan laporan pertanggungjawaban pengurus"
        )
        check(vote["ballot"] is not None, f"named vote opened on '{vote['item']}'")
        shown = actors["projector"].do(
            "await_projector", contains="0 dari", shot="projector-vote-open"
        )
        say(f"projector: {shown['texts'][:200]}")
        voters = [f"{n:03d}" for n in range(1, 31) if n != 13]
        choices = {n: (2 if i % 5 == 0 else 1) for i, n in enumerate(voters)}
        actors["chair"].do("cast", votes=dict(list(choices.items())[:20]), shot="vote-running")
        running = actors["projector"].do(
            "await_projector", contains="20 dari", shot="projector-vote-running"
        )
        check(running["held"], f"projector shows 20 votes in ({running['ms']} ms)")
        actors["chair"].do("cast", votes=dict(list(choices.items())[20:]))
        closed = actors["chair"].do("close_ballot", shot="vote-result")
        check(closed["open"] is None, "the vote closed at the console")
        result = actors["projector"].do(
            "await_projector", contains="disetujui:", shot="projector-vote-result"
        )
        say(f"projector after closing: {result['texts'][:300]}")
        check(result["held"], f"projector shows the result ({result['ms']} ms)")
        figures["projector_result_ms"] = result["ms"]

        actors["chair"].do("consensus_until", kind="pemilihan")
        election = actors["chair"].do("open_election", seats=2, candidates=["003", "017", "032"])
        check(
            election["ballot"] is not None,
            f"election opened on '{election['item']}' {election['problem']}",
        )
        picks = {f"{n:03d}": ([1, 2] if n % 3 else [3]) for n in range(1, 26) if n != 13}
        booth = actors["chair"].do("booth", votes=picks, shot="booth")
        check(
            booth["voted"] == len(picks),
            f"{booth['voted']} of {booth['eligible']} present voted in the secret booth",
        )
        present = {}
        for role in ("desk1", "desk2", "desk3"):
            present[role] = actors[role].do("desk")["present"]
        figures["present_on_desks"] = present
        actors["chair"].do("close_ballot", shot="election-result")
        elected = actors["projector"].do(
            "await_projector", contains="terpilih", shot="projector-election-result"
        )
        say(f"projector election: {elected['texts'][:300]}")
        check(elected["held"], f"projector shows who is elected ({elected['ms']} ms)")

        rest = actors["chair"].do("consensus_until", kind=None)
        say(f"decided by consensus at the end: {len(rest['decided'])} items")
        closing = actors["chair"].do("close_meeting", shot="meeting-closed")
        check(closing["state"] == "closed", "the chair closed the meeting")

        actors["chair"].do("shot", name="end-console", page="DecisionsPage")
    finally:
        for actor in actors.values():
            actor.stop()
        if not actors or any(a.process.returncode for a in actors.values()):
            say("actor exit codes: " + str({r: a.process.returncode for r, a in actors.items()}))

    pdf = work / "berita-acara.pdf"
    kuorum("minutes", "export", "--db", url, "--meeting", str(meeting), "--out", str(pdf))
    key_env = {"KUORUM_PASSPHRASE": PASS}
    for role, name in (("ketua", "Bambang Sutrisno"), ("sekretaris", "Siti Aminah")):
        key = work / f"{role}.p12"
        kuorum("keys", "new", "--name", name, "--out", str(key), env=key_env)
        kuorum(
            "sign",
            str(pdf),
            "--key",
            str(key),
            "--role",
            role,
            "--meeting",
            str(meeting),
            "--db",
            url,
            env=key_env,
        )
    copy = work / "rat-salinan.sqlite"
    copied = kuorum("host", "copy-out", str(copy), "--folder", str(folder))
    say("copy-out: " + " / ".join(copied.strip().splitlines()))
    audit = kuorum("audit", "verify", "--db", str(copy), "--anchor", str(pdf))
    say("audit verify: " + " / ".join(audit.strip().splitlines()[:6]))
    verified = kuorum("verify", str(pdf), "--db", str(copy))
    say("verify: " + " / ".join(verified.strip().splitlines()[:8]))
    numbers = kuorum("verify", str(pdf), "--numbers")
    say("verify --numbers: " + " / ".join(numbers.strip().splitlines()[-3:]))
    kuorum("minutes", "check", "--db", str(copy), "--meeting", str(meeting))
    status = json.loads(kuorum("status", "--db", str(copy), "--meeting", str(meeting), "--json"))
    reconcile(figures, status, pdf_numbers(pdf), copy, meeting)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(out / "berita-acara")], check=True
    )


def free_port(prefer: int | None = None) -> int:
    """``prefer`` when nobody listens on it now, else any free port (the machine may run
    other hosts, e.g. in tests)."""
    import socket

    for port in ([prefer] if prefer else []) + [0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise WalkFailed("no free port")


def short_walk(out: Path, members: int = 40) -> dict[str, Any]:
    """The reduced walk of tests/robustness/test_desks_walk.py, on loopback: the host, three
    desks and the chair; 30 members in (three of them scanned at three desks at once), every
    desk showing 30, the meeting opened, one named vote, ``host copy-out`` and ``audit
    verify`` on the copy, whose present count is the desks'."""
    work = out / "kerja"
    work.mkdir(parents=True)
    os.chmod(work, 0o755)
    meeting = prepare(work / "koperasi.sqlite", members, work / "cadangan")
    folder = work / "laptop-induk"
    kuorum(
        "host",
        "start",
        "--address",
        "127.0.0.1",
        "--folder",
        str(folder),
        "--port",
        str(free_port()),
    )
    actors: dict[str, Actor] = {}
    figures: dict[str, Any] = {}
    try:
        url = json.loads(kuorum("host", "status", "--json", "--folder", str(folder)))["desk_url"]
        kuorum("host", "copy-in", str(work / "koperasi.sqlite"), "--folder", str(folder))
        desks = ("desk1", "desk2", "desk3")
        for role in ("chair", *desks):
            actors[role] = Actor(role, url, out, meeting, netns=False)
        for actor in actors.values():
            actor.answer()
        check(actors["chair"].do("open_door")["state"] == "check_in", "door open")
        for role in desks:
            actors[role].do("desk")
        at_once(
            actors,
            {
                role: (
                    "check_in",
                    {
                        "numbers": [
                            f"{n:03d}"
                            for n in range(1 + 10 * i, 11 + 10 * i)
                            if n not in (4, 15, 26)
                        ]
                    },
                )
                for i, role in enumerate(desks)
            },
        )
        twice = at_once(
            actors, {role: ("check_in", {"numbers": ["004", "015", "026"]}) for role in desks}
        )
        heads = [s["headline"] for a in twice.values() for s in a["seen"]]
        figures["already"] = sum("sudah hadir" in h for h in heads)
        shown = at_once(actors, {role: ("await_present", {"count": 30}) for role in desks})
        figures["desks"] = {role: a["present"] for role, a in shown.items()}
        opened = actors["chair"].do("open_meeting")
        figures["state"] = opened["state"]
        actors["chair"].do("consensus_until", kind=None, count=1)
        vote = actors["chair"].do("open_vote", title="Pengesahan laporan pengurus")
        actors["chair"].do("cast", votes={f"{n:03d}": 1 + n % 2 for n in range(1, 11)})
        figures["vote_open_after_close"] = actors["chair"].do("close_ballot")["open"]
        figures["ballot"] = vote["ballot"]
        for actor in actors.values():
            actor.stop()
        copy = work / "salinan.sqlite"
        kuorum("host", "copy-out", str(copy), "--folder", str(folder))
        figures["audit"] = kuorum("audit", "verify", "--db", str(copy))
        figures["status"] = json.loads(
            kuorum("status", "--db", str(copy), "--meeting", str(meeting), "--json")
        )
    finally:
        for actor in actors.values():
            actor.stop()
        kuorum("host", "stop", "--folder", str(folder), ok=(0, 1, 2))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--no-netns", action="store_true", help="desks on this computer's loopback")
    parser.add_argument("--no-host-cut", action="store_true", help="do not stop the host mid-walk")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    netns = not args.no_netns and make_namespace()
    say("desks in their own network namespace" if netns else "desks on loopback")
    try:
        figures = walk(args.out.resolve(), args.members, netns, not args.no_host_cut)
    except WalkFailed as exc:
        say(f"FAILED: {exc}")
        return 1
    finally:
        if netns:
            drop_namespace()
    say("figures: " + json.dumps(figures, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
