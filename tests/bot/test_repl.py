"""The REPL: `Repl.handle` line by line, then the real program on a pseudo-terminal and a pipe."""
from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from bot.repl import Repl, help_text
from bot.repl_input import NameIndex, completions
from bot.text_render import Style
from retrieval.answering.engine import open_parley

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CORPUS = PROJECT_ROOT / "corpus" / "articles"

# Two speakers, one unattributed paragraph: enough for every REPL command.
SUMMIT_ARTICLE = """Ministers meet in Vienna over grain exports
"The corridor must stay open all winter," Austrian Chancellor Karl Nehammer said.
Foreign minister Dmytro Kuleba said Ukraine would not give up any territory.
Trains carrying wheat crossed the border on Sunday."""


@pytest.fixture(scope="module")
def repl(tmp_path_factory) -> Repl:
    folder = tmp_path_factory.mktemp("summit")
    (folder / "summit.txt").write_text(SUMMIT_ARTICLE, encoding="utf-8")
    return Repl(open_parley([folder])[0], Style(False))


@pytest.fixture
def fresh(repl) -> Repl:
    repl.done = False
    return repl


# --- Repl.handle -----------------------------------------------------------------------------

@pytest.mark.parametrize("line", [":help", ":h", ":?", "  :HELP  "])
def test_help_command_returns_help_text(fresh, line):
    assert fresh.handle(line) == help_text(Style(False))
    assert not fresh.done


def test_speakers_command_lists_both_speakers_with_counts(fresh):
    out = fresh.handle(":speakers")
    assert "Karl Nehammer" in out and "Dmytro Kuleba" in out
    assert "1 statement (1 quoted, 0 reported)" in out
    assert "1 statement (0 quoted, 1 reported)" in out


def test_quotes_command_with_name_prints_that_speakers_statements(fresh):
    out = fresh.handle(":quotes Kuleba")
    assert out.startswith("Dmytro Kuleba")
    assert "would not give up any territory" in out
    assert "corridor" not in out  # that was Nehammer


def test_quotes_command_without_name_prints_usage(fresh):
    assert fresh.handle(":quotes").startswith("Usage: :quotes NAME")
    assert fresh.handle(":quotes   ").startswith("Usage: :quotes NAME")


def test_quotes_command_for_unknown_name_says_so(fresh):
    out = fresh.handle(":quotes Napoleon")
    assert "Napoleon" in out and "Karl" not in out


def test_unknown_command_names_it_and_points_to_help(fresh):
    out = fresh.handle(":frobnicate now")
    assert out == "Unknown command :frobnicate. Type :help for the list."
    assert not fresh.done


def test_question_is_answered_with_speaker_and_passage(fresh):
    out = fresh.handle("What did Nehammer say about the corridor?")
    assert out.startswith("[1] Karl Nehammer")
    assert "*corridor*" in out  # matched word emphasised without colour
    assert "Ministers meet in Vienna over grain exports, paragraph 1" in out


def test_question_matching_nothing_gives_a_message(fresh):
    out = fresh.handle("zebra xylophone")
    assert "Nothing in the articles matches" in out


@pytest.mark.parametrize("line", ["", "   ", "\t\n"])
def test_empty_line_gives_no_output(fresh, line):
    assert fresh.handle(line) == ""
    assert not fresh.done


def test_sources_command_lists_the_article(fresh):
    assert "Ministers meet in Vienna" in fresh.handle(":source")


@pytest.mark.parametrize("line", [":quit", ":q", ":exit", ":QUIT"])
def test_quit_command_sets_done(fresh, line):
    assert fresh.handle(line) == "Bye."
    assert fresh.done


@pytest.mark.parametrize("line", ["help", "HELP", "/help", "/h"])
def test_bare_help_and_slash_commands_mean_the_command_not_a_search(fresh, line):
    assert fresh.handle(line) == help_text(Style(False))


@pytest.mark.parametrize("line", ["quit", "exit", "/quit"])
def test_bare_quit_and_exit_leave(fresh, line):
    assert fresh.handle(line) == "Bye."
    assert fresh.done


def test_a_question_merely_containing_help_is_still_asked(fresh):
    assert fresh.handle("help for the corridor").startswith("[1] Karl Nehammer")


@pytest.mark.parametrize("line", [':check Nehammer "the corridor must stay open"',
                                  ":check Nehammer \u201cthe corridor must stay open\u201d",
                                  "/check Nehammer 'the corridor must stay open"])
def test_check_command_gives_the_verdict_for_the_quoted_words(fresh, line):
    out = fresh.handle(line)
    assert out.startswith("Yes: Karl Nehammer") and "[1] Karl Nehammer" in out


@pytest.mark.parametrize("line", [":check", ":check Nehammer", ':check "the corridor"',
                                  ':check Nehammer ""'])
def test_check_command_without_a_speaker_and_quoted_words_prints_usage(fresh, line):
    assert fresh.handle(line).startswith('Usage: :check NAME "WORDS"')


# --- the real REPL on a pseudo-terminal --------------------------------------------------------

# The child makes the pty its controlling terminal itself (after setsid), so Ctrl-C typed on it
# reaches the process as a terminal would deliver it. Done in the child's own Python rather
# than a `preexec_fn`, which can deadlock between fork and exec when the parent has threads.
_TAKE_TERMINAL_THEN_RUN = (
    "import fcntl, runpy, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "sys.argv = ['parley', *sys.argv[1:]]; runpy.run_module('bot.cli', run_name='__main__')"
)


class PtySession:
    """`parley` with stdin/stdout/stderr on a pseudo-terminal, read with select and timeouts."""

    def __init__(self, tmp_path: Path, term: str = "dumb", history_setting: str = "",
                 columns: int = 120, rows: int = 40, color: bool = False,
                 env: dict[str, str] | None = None) -> None:
        """`history_setting`: repl.history_file as written in the config (default: an absolute
        path in tmp_path); the config lives in tmp_path/conf, the working folder is tmp_path.
        The terminal is `columns` x `rows` (its window size; COLUMNS and LINES unset, as in
        a shell); `env` adds to the environment."""
        self.home = tmp_path / "home"
        self.home.mkdir()
        (tmp_path / "conf").mkdir()
        self.config = tmp_path / "conf" / "parley.toml"
        self.history = tmp_path / "hist" / "parley_history"
        history_setting = history_setting or str(self.history)
        self.config.write_text(f'[corpus]\npaths = ["{SHIPPED_CORPUS}"]\n'
                               f'[repl]\nhistory_file = "{history_setting}"\n'
                               f'color = {"true" if color else "false"}\n', encoding="utf-8")
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.columns = columns
        full_env = {k: v for k, v in os.environ.items()
                    if k not in {"DISCORD_TOKEN", "COLUMNS", "LINES", "NO_COLOR", "PAGER"}}
        full_env.update({"HOME": str(self.home), "TERM": term, "PYTHONIOENCODING": "utf-8",
                         "PAGER": "cat", **(env or {})})
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _TAKE_TERMINAL_THEN_RUN, "--config", str(self.config)],
            stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path, env=full_env,
            start_new_session=True)
        os.close(slave)
        self.master = master
        self.output = ""
        self.consumed = 0  # how much of `output` the test has read up to

    def read_until(self, text: str, timeout: float = 20) -> str:
        """Read until `text` appears after what was already consumed; return the output up to
        and including it. Output that came in the same read but after `text` (the next prompt,
        say) stays unconsumed for the next call."""
        start = self.consumed
        deadline = time.monotonic() + timeout
        while text not in self.output[start:]:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {text!r}; got {self.output[start:]!r}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"process ended before {text!r}; got "
                                         f"{self.output[start:]!r}")
                text_in = chunk.decode("utf-8", "replace")
                if "\x1b[6n" in text_in:  # answer cursor position requests like a terminal
                    self.send("\x1b[1;1R")
                self.output += text_in
        self.consumed = self.output.index(text, start) + len(text)
        return self.output[start:self.consumed]

    def prompt(self, timeout: float = 20) -> str:
        """Read up to the next `parley>` prompt and wait until the line editor has the
        terminal in raw mode (keys typed earlier would meet the cooked-mode line discipline)."""
        out = self.read_until("parley>", timeout)
        deadline = time.monotonic() + timeout
        while termios.tcgetattr(self.master)[3] & termios.ICANON:
            if time.monotonic() > deadline:
                raise AssertionError("the terminal never left canonical mode")
            time.sleep(0.01)
        return out

    def send(self, data: str) -> None:
        os.write(self.master, data.encode("utf-8"))

    def wait(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:
                    chunk = b""
                self.output += chunk.decode("utf-8", "replace")
        return self.proc.wait(timeout=1)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


@pytest.fixture(params=["dumb", "xterm-256color"])
def pty_session(tmp_path, request):
    session = PtySession(tmp_path, request.param)
    yield session
    session.close()


@pytest.mark.integration
def test_pty_repl_banner_question_speakers_then_ctrl_d_exits_0(pty_session):
    s = pty_session
    banner = s.prompt()
    assert "Parley — 1 article, 12 passages. Type a question, or :help." in banner
    s.send("What did Erdogan say?\r")
    answer = s.read_until("[1]") + s.prompt()
    assert "Recep Tayyip Erdogan, Turkish President" in answer
    s.send(":speakers\r")
    speakers = s.read_until("statements") + s.prompt()
    assert "Kaja Kallas" in speakers and "Mevlut" in speakers
    s.send("\x04")
    assert s.wait() == 0
    assert "Traceback" not in s.output
    assert "Bye." in s.output[-50:]


@pytest.mark.integration
def test_pty_repl_ctrl_c_at_prompt_exits_0(pty_session):
    s = pty_session
    s.prompt()
    s.send("\x03")
    assert s.wait() == 0
    assert "Traceback" not in s.output


@pytest.mark.integration
def test_pty_repl_quit_command_exits_0(pty_session):
    s = pty_session
    s.prompt()
    s.send(":quit\r")
    assert s.wait() == 0
    assert "Bye." in s.output


@pytest.mark.integration
def test_pty_repl_writes_question_to_configured_history_file(pty_session):
    s = pty_session
    s.prompt()
    s.send("What did Kallas say?\r")
    assert "gunpoint" in s.read_until("[1]") + s.prompt()
    s.send("\x04")
    assert s.wait() == 0
    assert s.history.is_file()
    assert "+What did Kallas say?" in s.history.read_text(encoding="utf-8")
    assert list(s.home.iterdir()) == []  # nothing written to the default ~/.parley_history


# --- piped stdin ------------------------------------------------------------------------------

@pytest.mark.integration
def test_piped_stdin_answers_and_quits(run_parley):
    proc = run_parley(input="What did Kallas say?\n:quit\n")
    assert proc.returncode == 0, proc.stderr
    assert "Kaja Kallas" in proc.stdout and "gunpoint" in proc.stdout
    assert proc.stdout.rstrip().endswith("Bye.")
    assert "Traceback" not in proc.stderr


@pytest.mark.integration
def test_piped_stdin_end_of_input_exits_0(run_parley):
    proc = run_parley(input=":speakers\n")
    assert proc.returncode == 0, proc.stderr
    assert "Kaja Kallas" in proc.stdout
    assert proc.stdout.rstrip().endswith("Bye.")
    assert "Traceback" not in proc.stderr


@pytest.mark.integration
def test_pty_repl_relative_history_file_is_relative_to_the_config_folder(tmp_path):
    s = PtySession(tmp_path, history_setting="history/parley")
    try:
        s.prompt()
        s.send("What did Kallas say?\r")
        s.read_until("[1]")
        s.prompt()
        s.send("\x04")
        assert s.wait() == 0
    finally:
        s.close()
    assert "+What did Kallas say?" in (tmp_path / "conf" / "history" / "parley").read_text()


@pytest.mark.integration
def test_pty_repl_with_a_folder_as_history_file_answers_and_says_history_is_off(tmp_path):
    (tmp_path / "histdir").mkdir()
    s = PtySession(tmp_path, history_setting=str(tmp_path / "histdir"))
    try:
        banner = s.prompt()
        s.send("What did Kallas say?\r")
        answer = s.read_until("[1]") + s.prompt()
        s.send("\x04")
        assert s.wait() == 0
    finally:
        s.close()
    assert "history not saved" in banner and "a folder, not a file" in banner
    assert "gunpoint" in answer and "Traceback" not in s.output


# --- :more, :top, completion (no terminal) -------------------------------------------------------

MANY = "Moscow Ukraine Russia Kyiv peace"  # matches most of the shipped article's passages


@pytest.fixture(scope="module")
def shipped() -> Repl:
    return Repl(open_parley([SHIPPED_CORPUS])[0], Style(False))


def _ranks(out: str) -> list[int]:
    return [int(n) for n in re.findall(r"^\[(\d+)\]", out, flags=re.MULTILINE)]


def test_more_shows_the_next_results_of_the_last_question_then_says_none_are_left(shipped):
    shipped.top_k = 3
    assert _ranks(shipped.handle(MANY)) == [1, 2, 3]
    assert _ranks(shipped.handle(":more")) == [4, 5, 6]
    following = shipped.handle(":more")
    while _ranks(following):
        following = shipped.handle(":more")
    assert following == f"No more results for “{MANY}”."


def test_more_results_are_the_ones_a_bigger_answer_ranks_next(shipped):
    shipped.top_k = 2
    shipped.handle(MANY)
    more = shipped.handle(":more")
    bigger = Repl(shipped.engine, Style(False), top_k=4).handle(MANY)
    assert more in bigger and _ranks(more) == [3, 4]


def test_more_before_any_question_says_to_ask_first():
    repl = Repl(open_parley([SHIPPED_CORPUS])[0], Style(False))
    assert repl.handle(":more").startswith("Ask a question first")


@pytest.mark.parametrize(("line", "says", "top_k"), [
    (":top 5", "5 results for each question from now on.", 5),
    (":top 1", "1 result for each question from now on.", 1),
    (":top", "3 results for each question; :top N changes it (1-50).", 3),
    (":top 0", ":top takes a whole number from 1 to 50, not '0'.", 3),
    (":top 51", ":top takes a whole number from 1 to 50, not '51'.", 3),
    (":top many", ":top takes a whole number from 1 to 50, not 'many'.", 3),
])
def test_top_sets_the_number_of_results_or_says_what_it_takes(shipped, line, says, top_k):
    shipped.top_k = 3
    assert shipped.handle(line) == says
    assert shipped.top_k == top_k
    assert len(_ranks(shipped.handle(MANY))) == top_k


NAMES = NameIndex(lambda: [("Mevlut Çavuşoğlu", "Turkey's foreign minister"),
                           ("Recep Tayyip Erdogan", "Turkish President"),
                           ("Kaja Kallas", "Estonia's Prime Minister"), ("Kremlin", None)])
COMMAND_WORDS = (":more", ":top", ":speakers", ":quotes", ":source", ":help", ":quit")


@pytest.mark.parametrize(("typed", "offered"), [
    (":sp", [(":speakers", 3)]),
    (":q", [(":quotes", 2), (":quit", 2)]),
    (":", [(c, 1) for c in COMMAND_WORDS]),
    ("What did Erdo", [("Recep Tayyip Erdogan", 4)]),
    ("What did tayyip er", [("Recep Tayyip Erdogan", 9)]),
    (":quotes cavus", [("Mevlut Çavuşoğlu", 5)]),        # diacritics and case folded
    ("What did K", [("Kaja Kallas", 1), ("Kremlin", 1)]),  # first or any later word
    ("What did ", []),                                    # nothing typed to complete
    ("zebra", []),
])
def test_tab_completes_commands_and_speaker_names(typed, offered):
    assert [(text, back) for text, back, _ in completions(typed, COMMAND_WORDS, NAMES)] == offered


def test_tab_completion_shows_each_speakers_role_beside_the_name():
    assert [meta for *_, meta in completions("Kal", COMMAND_WORDS, NAMES)] == [
        "Estonia's Prime Minister"]


# --- the terminal: width, colour, Tab, :more, Ctrl-C, the pager -----------------------------------

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*([@-~])|\x1b[@-Z\\-_]")


def _screen_lines(output: str) -> list[str]:
    """What the terminal shows, line by line, split at CR, LF and the line editor's cursor
    moves (a redraw of the input line is not a longer line); colours and modes removed."""
    plain = _ESCAPES.sub(lambda m: "" if m.group(1) in {"m", "h", "l", None} else "\n", output)
    return re.split(r"[\r\n]", plain)


def _reply(output: str) -> str:
    """The reply in a stretch of output: from the first result up to the next prompt (or the
    line editor's first request to the terminal)."""
    start = output.index("[1]")
    ends = [i for i in (output.find("\x1b[6n", start), output.find("parley>", start)) if i >= 0]
    return output[start:min(ends, default=len(output))]


@pytest.mark.integration
@pytest.mark.parametrize("term", ["dumb", "xterm-256color"])
@pytest.mark.parametrize("columns", [50, 160])
def test_pty_repl_no_line_is_longer_than_the_terminal(tmp_path, term, columns):
    s = PtySession(tmp_path, term, columns=columns, env={"NO_COLOR": "1"})
    try:
        s.prompt()
        for line in ["What did Erdogan say?", ":top 4", MANY, ":more", ":help", ":speakers",
                     ":quotes Cavusoglu", ":source", ":top 0", "Who is quoted most?"]:
            s.send(line + "\r")
            s.prompt()
        s.send("\x04")
        assert s.wait() == 0
    finally:
        s.close()
    assert "Traceback" not in s.output and "[4]" in s.output and "Çavuşoğlu" in s.output
    too_long = [line for line in _screen_lines(s.output) if cell_len(line) > columns]
    assert too_long == []
    if columns == 160:  # text is at most 100 columns, however wide the terminal (the line
        # editor pads its own line with spaces to the edge)
        assert max(cell_len(line.rstrip()) for line in _screen_lines(s.output)) <= 100


@pytest.mark.integration
@pytest.mark.parametrize(("env", "escapes"), [({"NO_COLOR": "1"}, False), ({}, True)])
def test_pty_repl_no_color_env_leaves_replies_without_escape_codes(tmp_path, env, escapes):
    s = PtySession(tmp_path, "xterm-256color", color=True, env=env)
    try:
        s.prompt()
        s.send("What did Kallas say?\r")
        reply = _reply(s.read_until("[1]") + s.prompt())
        s.send("\x04")
        assert s.wait() == 0
    finally:
        s.close()
    assert "gunpoint" in reply
    assert ("\x1b" in reply) is escapes
    assert ("*Kallas*" in reply) is not escapes  # the mark that stands in for bold


@pytest.mark.integration
@pytest.mark.parametrize(("typed", "expect"), [
    (":spe", "4 statements (0 quoted, 4 reported)"),
    (":quotes Kall", "Whatever agreement there is"),
    ("What did Erdo", "[1] Recep Tayyip Erdogan"),
])
def test_pty_repl_tab_completes_commands_and_speaker_names(pty_session, typed, expect):
    s = pty_session
    s.prompt()
    for keys in (typed, "\t", "\r"):  # completion runs in the background: a pause, as a user
        s.send(keys)
        time.sleep(0.3)
    assert expect in s.read_until(expect)
    s.prompt()
    s.send("\x04")
    assert s.wait() == 0 and "Traceback" not in s.output


@pytest.mark.integration
def test_pty_repl_more_and_top_page_through_the_results(pty_session):
    s = pty_session
    s.prompt()
    s.send(":top 2\r")
    assert "2 results for each question" in s.read_until("from now on") + s.prompt()
    s.send(MANY + "\r")
    first = s.read_until("[2]") + s.prompt()
    s.send(":more\r")
    more = s.read_until("[4]") + s.prompt()
    s.send("\x04")
    assert s.wait() == 0
    assert "[3]" not in first and "[1]" not in more and "[3]" in more


@pytest.mark.integration
def test_pty_repl_ctrl_c_on_a_typed_line_clears_it_and_ctrl_d_then_leaves(pty_session):
    s = pty_session
    s.prompt()
    s.send("What did Kal")
    time.sleep(0.2)
    s.send("\x03")
    s.prompt()
    assert s.proc.poll() is None  # still running, at a fresh prompt
    s.send("What did Erdogan say?\r")
    answer = s.read_until("[1]") + s.prompt()
    assert "Recep Tayyip Erdogan" in answer and "Kallas" not in answer
    s.send("\x04")
    assert s.wait() == 0
    assert "Bye." in s.output[-50:] and "Traceback" not in s.output
    assert "What did Kal" not in s.history.read_text(encoding="utf-8")


@pytest.mark.integration
def test_pty_repl_reply_taller_than_the_terminal_goes_through_the_pager(tmp_path):
    paged = tmp_path / "paged.txt"
    s = PtySession(tmp_path, rows=12, env={"PAGER": f"cat > {paged}"})
    try:
        s.prompt()
        s.send(":help\r")      # taller than 12 rows
        s.prompt()
        s.send(":top\r")       # one line
        short = s.read_until("changes it") + s.prompt()
        s.send("\x04")
        assert s.wait() == 0
    finally:
        s.close()
    assert ":quotes NAME" in paged.read_text(encoding="utf-8")
    assert ":quotes NAME" not in s.output  # shown by the pager, not printed
    assert "3 results for each question" in short


@pytest.mark.integration
def test_piped_stdin_never_pages(run_parley, tmp_path):
    paged = tmp_path / "paged.txt"
    proc = run_parley(input=":help\n:speakers\n", env={"PAGER": f"cat > {paged}", "LINES": "5"})
    assert proc.returncode == 0 and ":quotes NAME" in proc.stdout
    assert not paged.exists()
