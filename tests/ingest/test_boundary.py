"""raw/ is a boundary (bantin/ingest/boundary.py): nothing outside it is read, no device, pipe or
socket is opened, and no copy out of it is larger than the limit."""
from __future__ import annotations

import os
import socket
import stat

import pytest

from bantin.ingest.boundary import NotRegularFile, copy_bounded, inside, open_regular


def test_inside_compares_resolved_paths():
    assert inside("/data/raw", "/data/raw/a/b.txt") and inside("/data/raw", "/data/raw")
    assert not inside("/data/raw", "/data/raw2/x.txt") and not inside("/data/raw", "/etc/passwd")


def test_open_regular_refuses_links_pipes_and_sockets(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(tmp_path / "s.txt"))
        for name in ("link.txt", "pipe.txt", "s.txt"):
            with pytest.raises(NotRegularFile):
                open_regular(tmp_path / name)
    with open_regular(tmp_path / "a.txt") as fh:
        assert fh.read() == b"x"


def test_copy_bounded_copies_only_small_regular_files_inside_raw(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "ok.txt").write_bytes(b"12345")
    (raw / "big.txt").write_bytes(b"x" * 11)
    (tmp_path / "secret.txt").write_bytes(b"secret")
    os.symlink(tmp_path / "secret.txt", raw / "secret.txt")
    os.symlink("/dev/zero", raw / "zero.txt")
    os.mkfifo(raw / "pipe.txt")
    done = {n: copy_bounded(str(raw / n), out / n, root=raw, max_bytes=10)
            for n in ("ok.txt", "big.txt", "secret.txt", "zero.txt", "pipe.txt")}
    assert done == {"ok.txt": True, "big.txt": False, "secret.txt": False, "zero.txt": False, "pipe.txt": False}
    assert sorted(p.name for p in out.iterdir()) == ["ok.txt"] and (out / "ok.txt").read_bytes() == b"12345"


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_device_inside_raw_is_never_opened(tmp_path):
    os.mknod(tmp_path / "zero.txt", stat.S_IFCHR | 0o644, os.makedev(1, 5))  # /dev/zero
    assert not copy_bounded(str(tmp_path / "zero.txt"), tmp_path / "out" / "z", root=tmp_path, max_bytes=1 << 30)
    assert not (tmp_path / "out").exists()
