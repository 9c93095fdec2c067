"""The REPL: `Repl.handle` line by line, then the real program on a pseudo-terminal and a pipe."""
from __future__ import annotations

import os
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from bot.repl import HELP, Repl
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
    assert fresh.handle(line) == HELP
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

    def __init__(self, tmp_path: Path, term: str = "dumb", history_setting: str = "") -> None:
        """`history_setting`: repl.history_file as written in the config (default: an absolute
        path in tmp_path); the config lives in tmp_path/conf, the working folder is tmp_path."""
        self.home = tmp_path / "home"
        self.home.mkdir()
        (tmp_path / "conf").mkdir()
        self.config = tmp_path / "conf" / "parley.toml"
        self.history = tmp_path / "hist" / "parley_history"
        history_setting = history_setting or str(self.history)
        self.config.write_text(f'[corpus]\npaths = ["{SHIPPED_CORPUS}"]\n'
                               f'[repl]\nhistory_file = "{history_setting}"\ncolor = false\n',
                               encoding="utf-8")
        master, slave = os.openpty()
        env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
        env.update({"HOME": str(self.home), "TERM": term, "PYTHONIOENCODING": "utf-8",
                    "COLUMNS": "120", "LINES": "40"})
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _TAKE_TERMINAL_THEN_RUN, "--config", str(self.config)],
            stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path, env=env,
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
