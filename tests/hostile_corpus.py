"""A raw directory with every kind of hostile input, and what each input must become.

Why one generator: the accounting invariant (each input in exactly one of articles, an
article's aliases or quarantine; nothing read outside raw/) is only worth something if it is
checked against everything a raw directory can hold at once: broken encodings, copies of bad
files, names that are not UTF-8, links out of the directory, devices, pipes, sockets, HTML
pages, terminal escapes, pathological lengths. `build(root)` writes them under `root/raw`
(with a directory `root/outside` that links point at) and returns the expected outcome of each
input by its stored name (`bantin.ingest.names`). The ingest tests (tests/ingest/test_hostile.py)
use the `ingest` expectation of each case; the end-to-end test (tests/flows/test_hostile_run.py)
runs `bantin run` on the whole of it and uses `final`.

`long=True` adds the pathological lengths (a 5 MB line, a 1 MB word), which only the end-to-end
test can afford. Permission cases (a file and a directory nobody may read) depend on whether the
reading process can bypass permissions (root with CAP_DAC_OVERRIDE): `enforced` says which.
"""
from __future__ import annotations

import codecs
import os
import shutil
import socket
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers 'sloppy-windows-1252')
from locations import FIXTURES, SEEDS

from bantin.ingest.legacy_vn import encode_cp1258, encode_tcvn3, encode_vni
from bantin.ingest.names import escape_name

SEED_TEXT = unicodedata.normalize("NFC", SEEDS[1].read_text(encoding="utf-8"))
PORTALS = sorted((FIXTURES / "portals").glob("p0*.txt"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
ENGLISH = ("The provincial people's committee said on Monday that the new bridge over the river "
           "will be opened to traffic in the spring, and that the work has been finished ahead "
           "of schedule by the contractors who were hired for it.\n")
HTML = (b"<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin</title>"
        b"<style>body{font:12px}</style></head>\n<body><h1>Tin t\xe1\xbb\xa9c</h1><p>N\xe1\xbb\x99i dung.</p>"
        b"</body></html>\n")
SECRET = b"SECRET-OUTSIDE-RAW-7f3a9c"  # in root/outside: must never appear under the output
HUGE = 100 * 1024 * 1024  # sparse: too large for any --max-bytes the tests use
ESCAPES = "\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b[31;1m"  # clear screen, home, window title, red
ANY = "any"  # final outcome not fixed (a pathological length: article or too_slow, by machine speed)


@dataclass(frozen=True)
class Final:
    """What a run must make of an input: `outcome` article, alias or quarantine (or ANY), the
    quarantine `reason`, the stored name of the article it is an `alias_of`, `duplicate_of`."""

    outcome: str
    reason: str | None = None
    alias_of: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Case:
    name: bytes  # relative path on disk
    build: Callable[[Path, Path], None]  # (path, outside directory)
    ingest: tuple  # ("doc", encoding, repairs) or ("q", reason): what scan + load give
    final: Final


@dataclass
class Corpus:
    raw: Path
    outside: Path
    cases: dict[str, Case]  # stored name -> case
    ignored: set[str] = field(default_factory=set)
    skipped: set[str] = field(default_factory=set)  # directories a run cannot or must not enter


def _bytes(data: bytes) -> Callable[[Path, Path], None]:
    return lambda p, _: p.write_bytes(data)


def _copy(src: Path) -> Callable[[Path, Path], None]:
    return lambda p, _: shutil.copyfile(src, p)


def _link(target: str | Callable[[Path], str]) -> Callable[[Path, Path], None]:
    return lambda p, out: os.symlink(target(out) if callable(target) else target, p)


def _sparse(p: Path, _: Path) -> None:
    with open(p, "wb") as fh:
        fh.truncate(HUGE)


def _invalid_utf8(p: Path, _: Path) -> None:
    data = SEED_TEXT.encode()
    p.write_bytes(data[:3000] + b"\xff" + data[3000:])


def _socket(p: Path, _: Path) -> None:
    with socket.socket(socket.AF_UNIX) as s:
        if len(os.fsencode(p)) < 100:
            s.bind(str(p))
            return
        cwd = os.getcwd()  # a socket path has a limit of ~108 bytes: bind it relative
        os.chdir(p.parent)
        try:
            s.bind(p.name)
        finally:
            os.chdir(cwd)


def _device(p: Path, _: Path) -> None:
    os.mknod(p, stat.S_IFCHR | 0o644, os.makedev(1, 3))  # the same device as /dev/null


def _unreadable(p: Path, _: Path) -> None:
    shutil.copyfile(PORTALS[1], p)
    p.chmod(0)


def _with_replacement_char(p: Path, _: Path) -> None:
    """A seed with U+FFFD in its longest line: fails the row check on `articles.body`."""
    lines = SEEDS[4].read_text(encoding="utf-8").split("\n")
    i = max(range(len(lines)), key=lambda k: len(lines[k]))
    lines[i] = lines[i][:40] + "\ufffd" + lines[i][40:]
    p.write_text("\n".join(lines), encoding="utf-8")


def _escapes(p: Path, _: Path) -> None:
    """A portal page whose title and body carry terminal escapes, an OSC 8 link and U+202E."""
    lines = PORTALS[0].read_text(encoding="utf-8").split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith("Lào Cai: Tân binh"))
    lines[i] = ESCAPES + lines[i][:9] + "\u202e" + lines[i][9:] + "\x1b[0m"
    j = max(range(len(lines)), key=lambda k: len(lines[k]))
    lines[j] = lines[j][:30] + "\x1b]8;;http://evil.example/\x1b\\liên kết\x1b]8;;\x1b\\ " + lines[j][30:]
    p.write_text("\n".join(lines), encoding="utf-8")


def _crlf(p: Path, _: Path) -> None:
    p.write_bytes(SEEDS[2].read_bytes().replace(b"\n", b"\r\n"))


def _long_line(p: Path, _: Path) -> None:
    line = SEED_TEXT.replace("\n", " ")
    p.write_text((line * (5_000_000 // len(line) + 1))[:5_000_000], encoding="utf-8")


def _long_word(p: Path, _: Path) -> None:
    p.write_text("Tin ngắn\n" + "a" * 1_000_000 + "\n" + SEED_TEXT, encoding="utf-8")


def case_names(long: bool = False) -> list[str]:
    """The stored names of the cases (for parametrizing tests)."""
    return [escape_name(c[0]) for c in _cases(long, True)]


def _cases(long: bool, enforced: bool) -> list[tuple[bytes, Callable, tuple, Final]]:
    s0, s1, s2 = (p.name for p in SEEDS[:3])
    doc = ("doc", "utf-8", ())
    q = lambda reason, dup=None: Final("quarantine", reason, duplicate_of=dup)  # noqa: E731
    cases = [
        *[(p.name.encode(), _copy(p), doc, Final("article")) for p in SEEDS],
        (b"empty.txt", _bytes(b""), ("q", "empty"), q("empty")),
        (b"empty2.txt", _bytes(b""), ("q", "empty"), q("empty", "empty.txt")),
        (b"whitespace.txt", _bytes(" \n\t\r\n \u00a0\u200b\ufeff\n".encode()), ("q", "whitespace_only"),
         q("whitespace_only")),
        (b"image.txt", _bytes(PNG), ("q", "binary"), q("binary")),
        (b"image2.txt", _bytes(PNG), ("q", "binary"), q("binary", "image.txt")),
        (b"nul.txt", _bytes(SEED_TEXT[:500].encode() + b"\x00\x00" + SEED_TEXT[500:].encode()), ("q", "binary"),
         q("binary")),
        (b"utf16.txt", _bytes(codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le")), ("doc", "utf-16-le", ("bom", "utf16")),
         Final("alias", alias_of=s1)),
        (b"mojibake.txt", _bytes(SEED_TEXT.encode().decode("sloppy-windows-1252").encode()),
         ("doc", "utf-8", ("mojibake",)), Final("alias", alias_of=s1)),
        (b"cp1258.txt", _bytes(encode_cp1258(SEED_TEXT)), ("doc", "cp1258", ("cp1258",)), Final("alias", alias_of=s1)),
        (b"vni.txt", _bytes(encode_vni(SEED_TEXT)), ("doc", "vni", ("vni",)), Final("alias", alias_of=s1)),
        (b"tcvn3.txt", _bytes(encode_tcvn3(SEED_TEXT)), ("doc", "tcvn3", ("tcvn3",)), Final("article")),
        (b"invalid_utf8.txt", _invalid_utf8, ("q", "undecodable"), q("undecodable")),
        (b"huge.txt", _sparse, ("q", "too_large"), q("too_large")),
        ("Tin tức Quảng Bình số 1.txt".encode(), _bytes(SEED_TEXT.encode()), doc, Final("alias", alias_of=s1)),
        (b"link.txt", _link(s0), doc, Final("alias", alias_of=s0)),
        (b"loop.txt", _link("loop.txt"), ("q", "symlink_loop"), q("symlink_loop")),
        (b"dangling.txt", _link("gone.txt"), ("q", "dangling_symlink"), q("dangling_symlink")),
        (b"folder.txt", lambda p, _: p.mkdir(), ("q", "not_a_file"), q("not_a_file")),
        (b"pipe.txt", lambda p, _: os.mkfifo(p), ("q", "not_a_file"), q("not_a_file")),
        (b"socket.txt", _socket, ("q", "not_a_file"), q("not_a_file")),
        (b"english.txt", _bytes(ENGLISH.encode()), doc, Final("article")),
        (b"rowfail.txt", _with_replacement_char, doc, q("row_expectation_failed")),
        (b"rowfail2.txt", _with_replacement_char, doc, q("row_expectation_failed", "rowfail.txt")),
        (b"twin_crlf.txt", _crlf, doc, Final("alias", alias_of=s2)),
        (b"twin_crlf_copy1.txt", _crlf, doc, Final("alias", alias_of=s2)),
        (b"twin_crlf_copy2.txt", _crlf, doc, Final("alias", alias_of=s2)),
        (b"x\xe9.txt", _copy(PORTALS[2]), doc, Final("article")),  # a Latin-1 byte in the name
        (b"x\\xe9.txt", _copy(PORTALS[3]), doc, Final("article")),  # literally backslash, x, e, 9
        (b"\x1b[31mred\xe2\x80\xae.txt", _copy(PORTALS[4]), doc, Final("article")),  # ESC and U+202E
        (b"escapes.txt", _escapes, doc, Final("article")),
        (b"page.txt", _bytes(HTML), ("q", "html"), q("html")),
        (b"secret_link.txt", _link(lambda out: str(out / "secret.txt")), ("q", "outside_raw"), q("outside_raw")),
        (b"passwd.txt", _link("/etc/passwd"), ("q", "outside_raw"), q("outside_raw")),
        (b"zero.txt", _link("/dev/zero"), ("q", "outside_raw"), q("outside_raw")),
        (b"outside_dir.txt", _link(str), ("q", "outside_raw"), q("outside_raw")),
        (b"unreadable.txt", _unreadable, ("q", "unreadable") if enforced else doc,
         q("unreadable") if enforced else Final("article")),
    ]
    if os.geteuid() == 0:  # creating a device node needs root
        cases.append((b"device.txt", _device, ("q", "not_a_file"), q("not_a_file")))
    if long:
        cases += [(b"long_line.txt", _long_line, doc, Final(ANY)), (b"long_word.txt", _long_word, doc, Final(ANY))]
    return cases


IGNORED = {"notes.md": b"# notes", "photo.jpg": PNG, "sub/data.csv": b"a,b\n1,2\n"}


def permissions_enforced(tmp: Path) -> bool:
    """Whether this process is refused a file it may not read (False for root with DAC override)."""
    probe = tmp / ".perm-probe"
    probe.write_bytes(b"x")
    probe.chmod(0)
    try:
        probe.read_bytes()
        return False
    except PermissionError:
        return True
    finally:
        probe.chmod(0o600)
        probe.unlink()


def build(root: Path, *, long: bool = False, enforced: bool | None = None, only: set[str] | None = None) -> Corpus:
    """Write the corpus under root/raw (and root/outside); `enforced`: whether the run that
    reads it will be refused unreadable files (default: whether this process is)."""
    raw, outside = root / "raw", root / "outside"
    raw.mkdir(parents=True, exist_ok=True)
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_bytes(SECRET + b"\n")
    enforced = permissions_enforced(root) if enforced is None else enforced
    corpus = Corpus(raw, outside, {})
    for name, builder, ingest, final in _cases(long, enforced):
        stored = escape_name(name)
        if only is not None and stored not in only:
            continue
        builder(Path(os.fsdecode(os.path.join(os.fsencode(raw), name))), outside)
        corpus.cases[stored] = Case(name, builder, ingest, final)
    if only is None:
        for rel, data in IGNORED.items():
            (raw / rel).parent.mkdir(parents=True, exist_ok=True)
            (raw / rel).write_bytes(data)
        corpus.ignored = set(IGNORED)
        os.symlink(outside, raw / "elsewhere")  # a directory outside raw/: never entered
        locked = raw / "locked"
        locked.mkdir()
        shutil.copyfile(PORTALS[5], locked / "inner.txt")
        locked.chmod(0)
        corpus.skipped = {"elsewhere/"} | ({"locked/"} if enforced else set())
        if not enforced:
            corpus.cases["locked/inner.txt"] = Case(b"locked/inner.txt", _copy(PORTALS[5]), ("doc", "utf-8", ()),
                                                    Final("article"))
    return corpus


def unlock(corpus: Corpus) -> None:
    """Give back the permissions `build` took away, so the directory can be removed."""
    for p in (corpus.raw / "locked", corpus.raw / "unreadable.txt"):
        if p.exists():
            p.chmod(0o700)
