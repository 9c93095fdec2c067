"""Corpus faults: every bad file is named with a clear reason, the rest is indexed. Through the
loader, the engine, `parley ask` (subprocess) and the Discord bot's owner-only /reload (the real
discord.py client against the loopback stand-in)."""
from __future__ import annotations

import asyncio
import os
import sys
import threading
from dataclasses import replace

import discord
import pytest
from parley_discord_loopback import DiscordStandIn

from bot.discord_bot import runner
from bot.discord_bot.cog import RELOAD_NOT_OWNER
from bot.loading import engine_for
from bot.settings import DiscordSettings, Settings
from corpus.build import CorpusError, build_corpus
from corpus.loader import decode, read_articles

GOOD = ("Talks resume in Geneva\n\nThe foreign minister said the ceasefire would hold, "
        "according to officials.\n\n\"We are ready to sign,\" Kallas said on Tuesday.\n")
OTHER = ("Grain corridor reopens\n\n\"Ships are moving again,\" Zelensky said. The grain "
         "deal was extended.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def problems_by_name(problems) -> dict[str, str]:
    return {p.path.rsplit("/", 1)[-1]: p.reason for p in problems}


def test_each_bad_file_is_named_and_the_rest_indexed(tmp_path, write_article):
    d = tmp_path / "articles"
    write_article(d, "good.txt", GOOD)
    write_article(d, "other.md", OTHER)
    write_article(d, "empty.txt", b"")
    write_article(d, "blank.txt", b"  \n\n\t \n")
    write_article(d, "image.txt", PNG)
    write_article(d, "undefined-bytes.txt", b"Title\n\nText \x81\x8d\x8f\x90\x9d here.\n")
    write_article(d, "headline-only.txt", "Just a headline\n\n\n")
    write_article(d, "z-copy.txt", GOOD)  # byte-identical
    write_article(d, "windows.txt", "Caf\u00e9 talks \u201cend\u201d\n\nRen\u00e9 said so.\n",
                  encoding="cp1252")
    write_article(d, "utf16.txt", "Kyiv talks\n\nThe minister said yes.\n", encoding="utf-16")
    missing = tmp_path / "does-not-exist"
    corpus = build_corpus([d, missing])
    problems = problems_by_name(corpus.problems)
    assert problems == {
        "blank.txt": "empty file",
        "z-copy.txt": f"duplicate of {d / 'good.txt'}; indexed once",
        "does-not-exist": "no such file or folder",
        "empty.txt": "empty file",
        "headline-only.txt": "only a headline, no article text",
        "image.txt": "not text (binary, or an unknown encoding)",
        "undefined-bytes.txt": "not text (binary, or an unknown encoding)",
    }
    assert sorted(a.id for a in corpus.articles) == ["good", "other", "utf16", "windows"]
    assert next(a for a in corpus.articles if a.id == "windows").title == \
        "Caf\u00e9 talks \u201cend\u201d"
    assert all(str(p).startswith(p.path) for p in corpus.problems)  # message names the file


def test_duplicates_indexed_once_even_across_folders(tmp_path, write_article):
    write_article(tmp_path / "a", "x.txt", GOOD)
    write_article(tmp_path / "b", "x.txt", GOOD)
    raws, problems = read_articles([tmp_path / "a", tmp_path / "b"])
    assert len(raws) == 1 and len(problems) == 1 and "indexed once" in problems[0].reason


@pytest.mark.parametrize("data,expected", [
    (b"plain ascii", "plain ascii"),
    ("caf\u00e9".encode("utf-8"), "caf\u00e9"),
    (b"\xef\xbb\xbfbom", "bom"),
    ("\u0444".encode("utf-16"), "\u0444"),
    ("caf\u00e9 \u201cq\u201d".encode("cp1252"), "caf\u00e9 \u201cq\u201d"),
    (b"a\x00b", None),
    (PNG, None),
    (b"bad \x81 byte", None),
    (bytes([1, 2, 3, 4, 5, 6]) * 20, None),
])
def test_decode_behaviour_is_as_documented(data, expected):
    assert decode(data) == expected
    assert "Windows-1252" in decode.__doc__ and "UTF-8" in decode.__doc__


def test_nothing_loadable_is_one_error_naming_each_file(tmp_path, write_article):
    write_article(tmp_path, "empty.txt", b"")
    with pytest.raises(CorpusError) as exc:
        build_corpus([tmp_path / "empty.txt", tmp_path / "nope"])
    assert "empty.txt: empty file" in str(exc.value)
    assert "nope: no such file or folder" in str(exc.value)


@pytest.mark.integration
def test_cli_names_bad_files_and_answers_from_the_rest(run_parley, tmp_path, write_article):
    d = tmp_path / "c"
    write_article(d, "good.txt", GOOD)
    write_article(d, "image.txt", PNG)
    write_article(d, "headline.txt", "Only this\n")
    r = run_parley("ask", "what did Kallas say", "--corpus", d, "--corpus", tmp_path / "gone")
    assert r.returncode == 0, r.stderr
    assert "image.txt: not text" in r.stderr and "headline.txt: only a headline" in r.stderr
    assert "gone: no such file or folder" in r.stderr
    assert "Kallas" in r.stdout and "Traceback" not in r.stderr
    r = run_parley("ask", "x", "--corpus", tmp_path / "gone")
    assert r.returncode == 1 and "gone: no such file or folder" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin",
                    reason="needs a file system that takes any bytes in a file name")
def test_file_name_not_utf8_is_indexed_saved_and_loaded_again(run_parley, tmp_path):
    """A name Python can only hold with surrogate escapes (here Latin-1 'caf\xe9.txt'):
    hashing it, saving it in the cache and printing it must not raise."""
    d = tmp_path / "c"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.fsencode(d) + b"/caf\xe9.txt", "wb") as f:
        f.write(OTHER.encode("utf-8"))
    runs = [run_parley("ask", "what did Zelensky say", "--corpus", d) for _ in range(2)]
    for r in runs:
        assert r.returncode == 0, r.stderr
        assert "Ships are moving again" in r.stdout and "Traceback" not in r.stderr
    # built and saved by the first run, loaded from the saved index by the second
    assert "Built the index" in runs[0].stderr and "Built the index" not in runs[1].stderr
    assert "unusable" not in runs[1].stderr
    r = run_parley("sources", "--corpus", d)
    assert r.returncode == 0 and "caf" in r.stdout and "Traceback" not in r.stderr


# ------------------------------------------------------------------ /reload on Discord

TOKEN = "reload-token.NOT-A-REAL-SECRET.r3l0ad"
WAIT = 10.0


@pytest.fixture
async def bot_on(monkeypatch, tmp_path, write_article):
    """A real-engine bot over a temp corpus folder, with the owner-only /reload."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    folder = tmp_path / "articles"
    write_article(folder, "geneva.txt", GOOD)
    settings = Settings(corpus_paths=(folder,), top_k=3,
                        discord=replace(DiscordSettings(), cooldown_seconds=0))
    gate = {"event": None, "calls": 0}

    def rebuild(force: bool, cancel) -> object:
        gate["calls"] += 1
        if gate["event"] is not None:
            assert gate["event"].wait(WAIT)
        return engine_for(settings, rebuild=force, cancel=cancel)

    stub = DiscordStandIn(token=TOKEN, heartbeat_ms=500)
    await stub.start()
    runner.point_at_loopback(stub.url)
    engine = engine_for(settings)
    bot = runner.create_bot(settings, engine, sync=True, rebuild=rebuild)
    task = asyncio.create_task(runner.serve(settings, TOKEN, engine=engine, bot=bot))
    await asyncio.wait({task, asyncio.ensure_future(bot.wait_until_ready())}, timeout=WAIT,
                       return_when=asyncio.FIRST_COMPLETED)
    assert bot.is_ready()
    yield stub, bot, folder, gate
    if gate["event"] is not None:
        gate["event"].set()
    await asyncio.wait_for(bot.close(), WAIT)
    task.cancel()
    await asyncio.wait({task}, timeout=WAIT)
    await stub.stop()
    assert not stub.unexpected, stub.unexpected


async def _followup(stub, iid):
    ids = await stub.wait_for(lambda: stub._interactions[iid].get("_followups"), 20, "followup")
    return stub.messages[ids[0]]


async def _ask(stub, question):
    iid = await stub.slash("ask", question=question)
    cb = await stub.wait_for(lambda: stub.callback_for(iid), WAIT, "answer")
    data = cb["data"]
    return (data.get("content") or "") + " ".join(e.get("description", "")
                                                 for e in data.get("embeds") or [])


@pytest.mark.integration
async def test_reload_is_owner_only_and_picks_up_changed_files(bot_on, write_article):
    stub, bot, folder, gate = bot_on
    assert "reload" in stub.commands
    assert str(stub.commands["reload"]["default_member_permissions"]) == "8"  # admins see it
    # someone who is not the application's owner
    iid = await stub.slash("reload", user=stub.other)
    cb = await stub.wait_for(lambda: stub.callback_for(iid), WAIT, "refusal")
    assert cb["data"]["content"] == RELOAD_NOT_OWNER and cb["data"]["flags"] & 64
    assert gate["calls"] == 0
    assert "Nothing in the articles" in await _ask(stub, "grain corridor ships")

    # files change: one added, one broken; the owner reloads
    write_article(folder, "grain.txt", OTHER)
    write_article(folder, "broken.txt", PNG)
    iid = await stub.slash("reload")  # stub.asker owns the application (oauth2/applications/@me)
    cb = await stub.wait_for(lambda: stub.callback_for(iid), WAIT, "defer")
    assert cb["type"] == 5 and cb["data"]["flags"] & 64  # thinking, only the owner sees it
    msg = await _followup(stub, iid)
    assert msg["content"].startswith("Reloaded: 2 articles")
    assert "broken.txt: not text" in msg["content"]
    assert msg["_allowed_mentions"] == {"parse": []}
    assert "**grain**" in await _ask(stub, "grain corridor ships")


@pytest.mark.integration
async def test_old_engine_answers_until_the_new_one_is_ready(bot_on, write_article):
    stub, bot, folder, gate = bot_on
    gate["event"] = threading.Event()
    write_article(folder, "grain.txt", OTHER)
    iid = await stub.slash("reload")
    await stub.wait_for(lambda: gate["calls"] == 1, WAIT, "the rebuild to start")
    # the rebuild is blocked on its thread: the old engine still answers, promptly
    assert "Nothing in the articles" in await _ask(stub, "grain corridor ships")
    assert "**ceasefire**" in await _ask(stub, "ceasefire")
    gate["event"].set()
    assert (await _followup(stub, iid))["content"].startswith("Reloaded: 2 articles")
    assert "**grain**" in await _ask(stub, "grain corridor ships")


@pytest.mark.integration
async def test_failed_reload_keeps_the_old_engine_and_says_why(bot_on):
    stub, bot, folder, gate = bot_on
    for f in folder.iterdir():
        f.unlink()
    (folder / "empty.txt").write_bytes(b"")
    iid = await stub.slash("reload")
    msg = await _followup(stub, iid)
    assert msg["content"].startswith("Reload failed")
    assert "empty.txt: empty file" in msg["content"]
    assert "previous articles" in msg["content"]
    assert "**ceasefire**" in await _ask(stub, "ceasefire")  # the old engine, still serving
    # a second reload while one is running is refused, not queued
    gate["event"] = threading.Event()
    first = await stub.slash("reload")
    await stub.wait_for(lambda: gate["calls"] == 2, WAIT, "the rebuild to start")
    second = await stub.slash("reload")
    cb = await stub.wait_for(lambda: stub.callback_for(second), WAIT, "busy notice")
    assert "already running" in cb["data"]["content"]
    gate["event"].set()
    await _followup(stub, first)
