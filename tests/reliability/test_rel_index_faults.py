"""The saved index under unlucky conditions, as `parley` subprocesses: a full disk while
saving, a save killed with SIGKILL, file names made of escape sequences, a FIFO among the
articles. Each is one clear line and an answer, never a traceback or a hang."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

GOOD = ("Talks resume in Geneva\n\n\"We are ready to sign,\" Kallas said on Tuesday.\n\n"
        "The foreign minister said the ceasefire would hold.\n")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX resource limits and signals")


def _config(tmp_path: Path, cache: Path) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[corpus]\ncache_dir = "{cache.as_posix()}"\n', encoding="utf-8")
    return cfg


def _big_corpus(tmp_path: Path) -> Path:
    """Some 600 KB of text: its saved arrays are larger than the file size limit below."""
    d = tmp_path / "c"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    paragraphs = [f"Delegation {i} said the talks in round {i} were slow but serious."
                  for i in range(9000)]
    (d / "long.txt").write_text("Long report\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return d


def _limit_file_size() -> None:
    # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG, as a full disk
    # fails with ENOSPC: the same path through the code.
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


@posix_only
def test_a_save_that_runs_out_of_space_says_so_and_answers(tmp_path: Path):
    corpus, cache = _big_corpus(tmp_path), tmp_path / "cache"
    r = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--config",
                        str(_config(tmp_path, cache)), "--corpus", str(corpus),
                        "what did Kallas say"], capture_output=True, text=True, timeout=300,
                       cwd=PROJECT_ROOT, preexec_fn=_limit_file_size,
                       env={**os.environ, "NO_COLOR": "1"})
    assert r.returncode == 0, r.stderr
    assert "ready to sign" in r.stdout and "Traceback" not in r.stderr
    line = next(x for x in r.stderr.splitlines() if "Could not save the index" in x)
    assert f"in {cache}: file too large (" in line and ".npy)" in line, line
    assert "requested and" not in r.stderr  # numpy's message is not the user's
    assert "it will be built again next time" in r.stderr
    assert not [p for p in cache.iterdir() if ".tmp-" in p.name]  # nothing half-written


@posix_only
def test_temporaries_of_a_save_killed_mid_way_are_removed_by_the_next_save(tmp_path: Path):
    corpus, cache = _big_corpus(tmp_path), tmp_path / "cache"
    slow_save = (
        "import sys, time\n"
        "from retrieval.store import entry\n"
        "real = entry.save_index\n"
        "def slow(index, folder):\n"
        "    (folder / 'started').write_text('')\n"
        "    time.sleep(60)\n"
        "    return real(index, folder)\n"
        "entry.save_index = slow\n"
        "from bot.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
    cmd = ["index", "--config", str(_config(tmp_path, cache)), "--corpus", str(corpus)]
    proc = subprocess.Popen([sys.executable, "-c", slow_save, *cmd], cwd=PROJECT_ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(cache.glob(".index-*.tmp-*/started")) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = [p for p in cache.iterdir() if ".tmp-" in p.name]
    assert left, "the killed save left no temporary folder to clean"
    for p in left:  # as if it happened a while ago
        os.utime(p, (time.time() - 3600, time.time() - 3600))
    r = subprocess.run([sys.executable, "-m", "bot.cli", *cmd, "--force"], cwd=PROJECT_ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert not [p for p in cache.iterdir() if ".tmp-" in p.name]
    assert len(list(cache.glob("index-*"))) == 1


@pytest.mark.skipif(os.name == "nt", reason="needs a file system that takes any name")
def test_file_names_are_escaped_in_every_message(run_parley, tmp_path: Path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "evil\x1b[31mred\nskipped good.txt").write_bytes(b"")
    (d / "rtl\u202etxt.exe.txt").write_bytes(b"")
    r = run_parley("ask", "what did Kallas say", "--corpus", d)
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stderr and "\u202e" not in r.stderr
    assert "evil\\x1b[31mred\\nskipped good.txt: empty file" in r.stderr
    assert "rtl\\u202etxt.exe.txt: empty file" in r.stderr
    assert sum("skipped" in line for line in r.stderr.splitlines()) == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_among_the_articles_is_named_and_never_waited_on(run_parley, tmp_path: Path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    r = run_parley("ask", "what did Kallas say", "--corpus", d, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "pipe.txt: a FIFO (named pipe), not an article file" in r.stderr
    assert "dangling.txt: broken symbolic link" in r.stderr
    assert "ready to sign" in r.stdout
