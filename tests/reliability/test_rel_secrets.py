"""Secrets and privacy: the token never reaches a log record (checked at DEBUG, every logger,
tracebacks included), a user-visible message, a request body, or `--json` output; INFO logs
carry no question or answer text."""
from __future__ import annotations

import json
import logging

import pytest
from parley_discord_fakes import FakeEngine
from parley_discord_harness import TOKEN, running_bot, settings_for  # noqa: F401  (`start`)

from bot.discord_bot import errors, redaction

SECRET_QUESTION = "zanzibar-secret-question ceasefire"


class Everything(logging.Handler):
    """Formats every record, with its traceback, as a real log file would."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.lines: list[tuple[int, str]] = []

    def emit(self, record):
        self.lines.append((record.levelno, self.format(record)))


@pytest.fixture
def everything():
    handler = Everything()
    root = logging.getLogger()
    old = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(old)


class LeakyEngine(FakeEngine):
    """An engine whose error message carries the token (as a careless library might)."""

    def ask(self, question, top_k=None, speaker=None):
        if "leak" in question:
            raise RuntimeError(f"connection failed with Authorization: Bot {TOKEN}")
        return super().ask(question, top_k, speaker)


@pytest.mark.integration
async def test_token_never_logged_shown_or_sent(start, everything):
    h = await start(settings_for(cooldown_seconds=0), engine=LeakyEngine())
    stub = h.stub
    cb = await h.callback(await stub.slash("ask", question="leak it please"))
    assert cb["data"]["content"] == errors.GENERIC_ERROR  # no traceback, no detail for users
    mid = await stub.say(f"<@{stub.app_id}> leak again")
    reply = await h.reply(mid)
    assert "Traceback" not in reply["content"] and TOKEN not in reply["content"]
    cb = await h.callback(await stub.slash("ask", question=SECRET_QUESTION))
    assert cb["data"]["embeds"]
    # the error was logged, with its traceback, and the token was redacted from it
    logged = "\n".join(line for _, line in everything.lines)
    assert "Traceback" in logged and redaction.REDACTED in logged
    assert TOKEN not in logged
    assert any(level == logging.DEBUG for level, _ in everything.lines)  # DEBUG was captured
    # nothing the bot sent to "Discord" carries it, except the Authorization header
    for r in stub.requests:
        assert TOKEN not in json.dumps(r.json), r.path
    # INFO and above: never the question, never the answer text
    for level, line in everything.lines:
        if level >= logging.INFO:
            assert "zanzibar" not in line and "leak it" not in line
            assert "ceasefire proposal" not in line


def test_redaction_covers_message_args_and_traceback(everything):
    log = logging.getLogger("parley.test.secrets")
    with redaction.redact_token("s3cr3t-t0ken"):
        log.info("plain s3cr3t-t0ken")
        log.info("args %s %r", "s3cr3t-t0ken", {"Authorization": "Bot s3cr3t-t0ken"})
        try:
            raise ValueError("boom s3cr3t-t0ken")
        except ValueError:
            log.exception("failed")
    log.info("after s3cr3t-t0ken")  # no bot running: nothing to redact
    text = "\n".join(line for _, line in everything.lines)
    assert text.count(redaction.REDACTED) >= 4  # message, two args, exception (+ source line)
    assert text.count("s3cr3t-t0ken") == 1 and "after s3cr3t-t0ken" in text


@pytest.mark.integration
def test_token_not_in_cli_json_or_errors(run_parley, tmp_path):
    token = "env-token.NOT-REAL.json"
    env = {"DISCORD_TOKEN": token}
    for args in (["ask", "What did Erdogan say?", "--json"], ["speakers", "--json"],
                 ["ask", "x", "--corpus", str(tmp_path / "none")]):
        r = run_parley(*args, env=env)
        assert token not in r.stdout and token not in r.stderr
    # a token file the bot cannot use: the error names the file, never its content
    tok = tmp_path / "token.txt"
    tok.write_bytes(b"\xff\xfe" + token.encode() + b"\x00")
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[discord]\ntoken_file = "{tok}"\n')
    r = run_parley("discord", "--config", cfg, env={"DISCORD_TOKEN": ""})
    assert r.returncode == 2 and token not in r.stderr and "Traceback" not in r.stderr
