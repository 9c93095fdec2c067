"""`parley discord`: token handling, the loopback override, lazy import, and the real CLI run
as a subprocess against the loopback stand-in (with the real engine on the shipped corpus)."""
from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import discord
import pytest
from parley_discord_loopback import DiscordStandIn

from bot import cli_discord
from bot.discord_bot import runner
from bot.settings import DiscordSettings, Settings

ROOT = Path(__file__).resolve().parents[3]
TOKEN = "cli-loopback-token.NOT-REAL.xyz789"


# ------------------------------------------------------------------ token


def test_token_from_environment_wins():
    assert runner.read_token(Settings(), {"DISCORD_TOKEN": "  abc \n"}) == "abc"


def test_token_from_file_relative_to_config(tmp_path):
    (tmp_path / "tok").write_text("filetoken\n")
    s = Settings(discord=DiscordSettings(token_file="tok"), source=tmp_path / "config.toml")
    assert runner.read_token(s, {}) == "filetoken"


def test_missing_token_says_how_to_provide_one(tmp_path):
    with pytest.raises(runner.TokenError) as exc:
        runner.read_token(Settings(), {})
    assert "DISCORD_TOKEN" in str(exc.value) and "token_file" in str(exc.value)
    s = Settings(discord=DiscordSettings(token_file=str(tmp_path / "nope")))
    with pytest.raises(runner.TokenError, match="Cannot read"):
        runner.read_token(s, {})
    (tmp_path / "empty").write_text("\n")
    s = Settings(discord=DiscordSettings(token_file=str(tmp_path / "empty")))
    with pytest.raises(runner.TokenError, match="empty"):
        runner.read_token(s, {})


def test_cli_without_token_exits_2_with_one_line(monkeypatch, capsys):
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    parser = argparse.ArgumentParser()
    cli_discord.register(parser.add_subparsers())
    args = parser.parse_args(["discord", "--sync"])
    assert args.sync is True
    assert args.func(args, Settings()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DISCORD_TOKEN" in err


def test_cli_module_does_not_import_discord():
    code = ("import sys, bot.cli_discord, bot.cli; "
            "bot.cli.build_parser(); "
            "sys.exit(1 if 'discord' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60).returncode == 0


# ------------------------------------------------------------------ loopback override


@pytest.mark.parametrize("bad", ["https://discord.com", "http://example.org:80",
                                 "http://localhost:8080", "http://10.0.0.1:80",
                                 "ftp://127.0.0.1:21", "garbage", "http://[::ffff:8.8.8.8]:80"])
def test_loopback_override_refuses_anything_else(bad, monkeypatch):
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    before = discord.http.Route.BASE
    with pytest.raises(ValueError):
        runner.point_at_loopback(bad)
    assert before == discord.http.Route.BASE


def test_loopback_override_sets_rest_and_gateway(monkeypatch):
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    runner.point_at_loopback("http://127.0.0.1:9999")
    assert discord.http.Route.BASE == "http://127.0.0.1:9999/api/v10"
    assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:9999/gateway"


def test_bad_loopback_env_exits_2(capsys):
    env = {"DISCORD_TOKEN": "x", runner.LOOPBACK_ENV: "https://discord.com"}
    assert runner.run(Settings(), environ=env, engine=object()) == 2
    assert "loopback" in capsys.readouterr().err


# ------------------------------------------------------------------ the real CLI, end to end


@pytest.mark.integration
async def test_parley_discord_subprocess_answers_like_parley_ask(tmp_path):
    """`python -m bot.cli discord --sync` with the real engine, against the stand-in."""
    from bot.loading import engine_for
    from bot.settings import load_settings

    stub = DiscordStandIn(token=TOKEN, heartbeat_ms=1000)
    await stub.start()
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env.update({"DISCORD_TOKEN": TOKEN, runner.LOOPBACK_ENV: stub.url, "PYTHONUNBUFFERED": "1",
                "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"})
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        env.pop(proxy, None)
    log = tmp_path / "bot.log"
    with log.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "discord", "--sync", cwd=ROOT, env=env,
            stdout=out, stderr=subprocess.STDOUT)
        try:
            await stub.wait_for(lambda: stub.identifies or proc.returncode is not None, 60,
                                "the CLI bot to identify")
            assert proc.returncode is None, log.read_text()
            await stub.wait_for(lambda: stub.commands, 20, "command sync")
            question = "What did Erdogan say?"
            iid = await stub.slash("ask", question=question)
            cb = await stub.wait_for(lambda: stub.callback_for(iid), 30, "the answer")
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGINT)
                try:
                    await asyncio.wait_for(proc.wait(), 20)
                except TimeoutError:
                    proc.kill()
                    await proc.wait()
            await stub.stop()
    text = log.read_text()
    assert TOKEN not in text
    assert "answered a question via /ask" in text and question not in text

    # the same engine.ask call `parley ask` makes: same passages, same order, same speakers
    settings = load_settings(ROOT / "config.toml")
    expected = engine_for(settings).ask(question, top_k=min(settings.top_k, 5))
    from bot.discord_bot import embeds as E

    sent = cb["data"]["embeds"]
    local = E.answer_pages(expected, settings.discord.results_per_page)[0]
    assert cb["data"]["content"] == local.content
    assert len(sent) == len(local.embeds) > 0
    for got, want in zip(sent, local.embeds, strict=True):
        want = want.to_dict()
        assert got["author"] == want["author"] and got["footer"] == want["footer"]
        assert got["description"] == want["description"]
    assert "**Erdogan**" in sent[0]["description"]
