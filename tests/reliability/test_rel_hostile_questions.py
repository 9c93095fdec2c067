"""Hostile and odd questions through every front end: the answering function, `parley ask`
(a subprocess), the REPL (`Repl.handle`) and the Discord handlers (the real engine, spec'd
discord.py mocks). Nothing raises, nothing pings, everything fits Discord's limits, and an
over-long question is cut to MAX_QUESTION_CHARS with a note in every front end."""
from __future__ import annotations

import json
from unittest.mock import create_autospec

import discord
import pytest
from discord.ext import commands
from limits import check_payload, page_payload
from parley_discord_fakes import make_interaction, make_message

from bot.discord_bot import embeds as E
from bot.discord_bot.cog import AskCog
from bot.repl import Repl
from bot.settings import Settings
from bot.text_render import Style
from retrieval.answering.engine import clean_question
from retrieval.answering.question import MAX_QUESTION_CHARS

LONG = "What did Erdogan say about " + "the peace talks and the grain deal " * 3000  # ~105k
HOSTILE = {
    "empty": "",
    "whitespace": " \t\n  \u3000 ",
    "punctuation": "?!.,;:-()[]{}…",
    "emoji": "😀🔥🇺🇦🤝",
    "100k": LONG,
    "100k-one-word": "x" * 100_000,
    "control": "What did\x07 Erdogan\x1b[31m say\x7f?\x08\x0c",
    "nul": "What\x00 did Erdogan\x00 say?",
    "rtl": ("\u202eWhat did Erdogan say\u202c \u05e9\u05dc\u05d5\u05dd "
            "\u0645\u0631\u062d\u0628\u0627"),
    "markdown": "**What** did _Erdogan_ say? ~~x~~ `y` > quote || spoiler || [link](http://x)",
    "code-fence": "```py\nimport os; os.system('rm -rf /')\n```\nWhat did Erdogan say?",
    "everyone": "@everyone @here what did Erdogan say?",
    "role-user": "<@&1> <@1> <@!1> <#1> <@&123456789012345678> <@123456789012345678> Erdogan?",
    "invite": "discord.gg/abcdef https://discord.gg/xyz https://discord.com/invite/q Kallas?",
    "mixed-scripts": "Что сказал Киев? Çavuşoğlu dedi ki",
    "lone-surrogate": "\ud800 Erdogan \udcff",
    "zero-width": "E\u200br\u200bdogan\ufeff",
    "newlines": "What\n\n\ndid\r\nErdogan\u2028say\u2029?",
}
IDS = list(HOSTILE)


@pytest.fixture(scope="module")
def repl(real_engine):
    return Repl(real_engine, Style(False))


@pytest.mark.parametrize("name", IDS)
def test_answering_function_survives(real_engine, name):
    answer = real_engine.ask(HOSTILE[name])
    assert answer.results or answer.message  # always something to say
    assert len(answer.question) <= MAX_QUESTION_CHARS
    assert "\x00" not in answer.question and "\x1b" not in answer.question
    assert answer.truncated_question == (len(" ".join(HOSTILE[name].split()))
                                         > MAX_QUESTION_CHARS)


def test_long_question_is_cut_to_the_limit(real_engine):
    text, cut = clean_question(LONG)
    assert cut and len(text) <= MAX_QUESTION_CHARS and LONG.startswith(text)
    answer = real_engine.ask(LONG)
    assert answer.truncated_question and answer.results


@pytest.mark.parametrize("name", IDS)
def test_repl_survives_and_prints_safely(repl, name):
    out = repl.handle(HOSTILE[name])
    assert isinstance(out, str)
    out.encode("utf-8")  # printable: no lone surrogate
    assert "\x1b" not in out and "\x00" not in out
    if name.startswith("100k"):
        assert "Your question was long" in out


@pytest.mark.parametrize("name", IDS)
def test_discord_reply_builder_keeps_limits_and_mentions(real_engine, name):
    answer = real_engine.ask(HOSTILE[name])
    pages = E.answer_pages(answer, 3)
    if not pages:
        text = E.nothing_found(answer)
        check_payload({"content": text, "allowed_mentions": {"parse": []}})
        if answer.truncated_question:
            assert "Your question was long" in text
        return
    for page in pages:
        data = page_payload(page)
        check_payload(data)
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    if answer.truncated_question:
        assert "Your question was long" in pages[0].content


def test_echoed_mentions_are_escaped(real_engine):
    for name in ("everyone", "role-user"):
        content = E.answer_pages(real_engine.ask(HOSTILE[name]), 3)[0].content
        assert "@\u200beveryone" in content or "<@\u200b" in content
        check_payload({"content": content, "allowed_mentions": {"parse": []}})


# ------------------------------------------------------------------ Discord handlers




def _sent_payload(kwargs: dict) -> dict:
    am = kwargs.get("allowed_mentions")
    embeds = kwargs.get("embeds") or []
    return {"content": kwargs.get("content"), "embeds": [e.to_dict() for e in embeds],
            "allowed_mentions": am.to_dict() if am else None}


@pytest.fixture
def cog(real_engine):
    bot = create_autospec(commands.Bot, instance=True)
    bot.user = create_autospec(discord.ClientUser, instance=True)
    bot.user.id = 555000000000000001
    settings = Settings(discord=Settings().discord.__class__(cooldown_seconds=0))
    c = AskCog(bot, real_engine, settings)
    yield c
    c._executor.shutdown(wait=False)


@pytest.mark.parametrize("name", IDS)
async def test_slash_ask_handler_survives(cog, name):
    inter = make_interaction()
    await cog.ask.callback(cog, inter, HOSTILE[name])
    inter.response.send_message.assert_awaited_once()
    kwargs = inter.response.send_message.await_args.kwargs
    check_payload(_sent_payload(kwargs))
    if name.startswith("100k"):
        assert "Your question was long" in kwargs["content"]


@pytest.mark.parametrize("name", IDS)
async def test_mention_handler_survives(cog, name):
    msg = make_message(f"<@{cog.bot.user.id}> {HOSTILE[name]}")
    await cog.on_message(msg)
    msg.reply.assert_awaited_once()
    call = msg.reply.await_args
    data = _sent_payload(call.kwargs)
    if call.args:
        data["content"] = call.args[0]
    check_payload(data)
    assert "Sorry, something went wrong" not in (data["content"] or "")


# ------------------------------------------------------------------ the CLI, as a subprocess

CLI_CASES = ["", "   ", "?!.,;", "😀🔥", "What\x07 did\x1b[2J Erdogan say?",
             "\u202eWhat did Erdogan say\u202c", "@everyone <@&1> **Erdogan** ```x```",
             "discord.gg/abc Киев Çavuşoğlu"]


@pytest.mark.integration
@pytest.mark.parametrize("json_out", [False, True])
def test_cli_ask_survives_hostile_questions(run_parley, json_out):
    """NUL cannot be passed in argv (the OS refuses it); the REPL test covers it."""
    for q in CLI_CASES:
        args = ["ask", q, "--quiet"] + (["--json"] if json_out else [])
        r = run_parley(*args, timeout=60)
        assert r.returncode == 0, (q, r.stderr)
        assert "Traceback" not in r.stderr and "\x1b" not in r.stdout
        if json_out:
            assert "question" in json.loads(r.stdout)


@pytest.mark.integration
def test_cli_long_question_note_and_undecodable_bytes(run_parley, tmp_path):
    long_q = "What did Erdogan say " + "about the talks " * 6000  # ~96k: fits in argv
    r = run_parley("ask", long_q, "--quiet")
    assert r.returncode == 0 and "Your question was long" in r.stdout
    # bytes that are not UTF-8 in argv, then in the REPL's stdin
    import os
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env.update({"PYTHONIOENCODING": "utf-8", "HOME": str(tmp_path)})
    for argv_tail in ([b"ask", b"\xff\xfe Erdogan", b"--quiet"],
                      [b"ask", b"\xff\xfe Erdogan", b"--json", b"--quiet"]):
        p = subprocess.run([sys.executable.encode(), b"-m", b"bot.cli", *argv_tail],
                           capture_output=True, env=env, cwd=tmp_path, timeout=60)
        assert p.returncode == 0 and b"Traceback" not in p.stderr, p.stderr[-500:]
    p = subprocess.run([sys.executable, "-m", "bot.cli", "--quiet"],
                       input=b"\xff\xfe hi\nWhat\x00 did Erdogan say?\n:quit\n",
                       capture_output=True, env=env, cwd=tmp_path, timeout=60)
    assert p.returncode == 0 and b"Traceback" not in p.stderr, p.stderr[-500:]
    assert b"Erdogan" in p.stdout and b"Bye." in p.stdout
