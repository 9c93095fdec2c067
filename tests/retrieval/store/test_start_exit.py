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


PAUSE_SCRIPT = """
import gc, sys
import bot.cli, bot.text_render
import retrieval.store.cache as cache
seen = []
open_index, render = cache.open_index, bot.text_render.render_answer
def opening(*a, **k):
    seen.append(("loading", gc.isenabled()))
    return open_index(*a, **k)
def rendering(*a, **k):
    seen.append(("answering", gc.isenabled(), gc.get_freeze_count() > 0))
    return render(*a, **k)
cache.open_index, bot.text_render.render_answer = opening, rendering
code = bot.cli.main(["ask", "--quiet", "--corpus", sys.argv[1], "What did the talks do?"])
print(seen, gc.isenabled(), file=sys.stderr)
sys.exit(code)
"""


def test_a_one_shot_command_starts_with_the_collector_paused_and_answers_with_it_on(
        tmp_path: Path):
    """The start-up's objects (modules, the engine) all live on: the collector is paused while
    they are made and loaded, they are frozen, and it runs again for the answer."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks.txt").write_text("Talks resume\n\nThe talks resumed in Istanbul.\n",
                                      encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", PAUSE_SCRIPT, str(corpus)],
                       capture_output=True, text=True, timeout=120,
                       env={"XDG_CACHE_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0 and r.stdout.strip()
    assert "[('loading', False), ('answering', True, True)] True" in r.stderr


SERVED_SCRIPT = """
import sys
import bot.cli
code = bot.cli.main([sys.argv[2], "--quiet", "--corpus", sys.argv[1]] + sys.argv[3:])
print(sorted(m for m in ("sqlite3", "retrieval.store.article_cache") if m in sys.modules),
      file=sys.stderr)
sys.exit(code)
"""


def test_a_start_served_from_the_saved_entry_never_imports_the_article_cache(
        tmp_path: Path):
    """sqlite3 and the article cache are for builds: a start that loads the saved entry
    does without them."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks.txt").write_text("Talks resume\n\nThe talks resumed in Istanbul.\n",
                                      encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", SERVED_SCRIPT, str(corpus), *argv],
                           capture_output=True, text=True, timeout=120, env=env)
            for argv in (["index"], ["ask", "Where did the talks resume?"])]
    assert [r.returncode for r in runs] == [0, 0]
    assert "'sqlite3'" in runs[0].stderr  # the build used it
    assert runs[1].stderr.strip().endswith("[]"), runs[1].stderr
