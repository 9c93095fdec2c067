"""A start's exit: the command line leaves the objects it made out of the collector's reach
at exit (the shutdown collections walked them all once more, only to free memory the process
gives back), after the answer is written, and logging's own exit handler still runs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import atexit, gc, logging, sys
logging.basicConfig(filename=sys.argv[1], level=logging.INFO)
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0, file=sys.stderr))
import bot.cli
code = bot.cli.main(["sources", "--quiet", "--corpus", sys.argv[2]])
logging.getLogger("t").info("after the answer")
sys.exit(code)
"""


def test_the_command_line_freezes_the_objects_at_exit_after_answering(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks.txt").write_text("Talks resume\n\nThe talks resumed in Istanbul.\n",
                                      encoding="utf-8")
    log = tmp_path / "log.txt"
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(log), str(corpus)],
                       capture_output=True, text=True, timeout=120,
                       env={"XDG_CACHE_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0 and "Talks resume" in r.stdout
    assert "frozen at exit: True" in r.stderr
    assert "after the answer" in log.read_text(encoding="utf-8")  # logging flushed at exit
