"""Config faults through `parley discord` (and `parley ask`): unknown keys warn with a
did-you-mean, wrong types and out-of-range values stop with the key and file named, a missing
file is an error, and a token anywhere in the config is refused without being echoed. Nothing
here reaches the network: every case stops before connecting (and the loopback override points
at a closed 127.0.0.1 port in case it did not)."""
from __future__ import annotations

import socket

import pytest

from bot.settings import ConfigError, load_settings

pytestmark = pytest.mark.integration
FAKE_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0MzI.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"


def closed_port() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def discord_run(run_parley, tmp_path):
    def run(config_text: str | None, *, token: str = "", extra=()):
        args = ["discord"]
        if config_text is not None:
            cfg = tmp_path / "config.toml"
            cfg.write_text(config_text)
            args += ["--config", str(cfg)]
        env = {"DISCORD_TOKEN": token, "PARLEY_DISCORD_LOOPBACK": closed_port()}
        return run_parley(*args, *extra, env=env, timeout=60)
    return run


def test_unknown_keys_warn_with_did_you_mean_then_run(discord_run):
    r = discord_run("[discord]\ncooldown_rat = 3\nmesage_content = false\n[serch]\ntop_k = 2\n")
    assert "unknown key 'discord.cooldown_rat' ignored (did you mean 'cooldown_rate'?)" in r.stderr
    assert "(did you mean 'message_content'?)" in r.stderr
    assert "unknown section [serch] ignored (did you mean 'search'?)" in r.stderr
    assert r.returncode == 2 and "DISCORD_TOKEN" in r.stderr  # went on, stopped for the token


@pytest.mark.parametrize("text,key", [
    ("[discord]\ncooldown_rate = \"three\"\n", "discord.cooldown_rate"),
    ("[discord]\nmessage_content = 1\n", "discord.message_content"),
    ("[discord]\nresults_per_page = 9\n", "discord.results_per_page"),
    ("[discord]\ncooldown_seconds = -1\n", "discord.cooldown_seconds"),
    ("[discord]\nshards = 0\n", "discord.shards"),
    ("[discord]\nguild_id = true\n", "discord.guild_id"),
    ("[discord]\ncommand_prefix = \"      \"\n", "discord.command_prefix"),
    ("discord = 3\n", "discord"),
])
def test_wrong_type_or_range_stops_naming_key_and_file(discord_run, text, key):
    r = discord_run(text, token="x")
    assert r.returncode == 1, r.stderr
    assert "config error" in r.stderr and f"'{key}'" in r.stderr and "config.toml" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_config_file_is_an_error(run_parley, tmp_path):
    r = run_parley("discord", "--config", tmp_path / "nope.toml",
                   env={"DISCORD_TOKEN": "x", "PARLEY_DISCORD_LOOPBACK": closed_port()})
    assert r.returncode == 1 and "nope.toml: config file not found" in r.stderr


@pytest.mark.parametrize("text", [
    f'[discord]\ntoken = "{FAKE_TOKEN}"\n',
    f'token = "{FAKE_TOKEN}"\n',
    f'[discord]\ntoken_file = "{FAKE_TOKEN}"\n',  # pasted where the file name goes
    f'[discord]\ntokn = "{FAKE_TOKEN}"\n',  # under a misspelt key
    f'[bot]\nauth = "Bot {FAKE_TOKEN}"\n',  # in a section Parley does not know
])
def test_token_in_config_is_refused_and_never_echoed(discord_run, text):
    r = discord_run(text, token="")  # no DISCORD_TOKEN: token_file would be read
    assert r.returncode == 1, r.stderr
    assert "DISCORD_TOKEN" in r.stderr and "token_file" in r.stderr
    assert FAKE_TOKEN not in r.stderr + r.stdout
    assert FAKE_TOKEN[:20] not in r.stderr + r.stdout


def test_token_shaped_value_refused_by_load_settings(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[corpus]\npaths = ["articles", "{FAKE_TOKEN}"]\n')
    with pytest.raises(ConfigError) as exc:
        load_settings(cfg)
    assert "corpus.paths" in str(exc.value) and FAKE_TOKEN not in str(exc.value)


def test_corpus_that_does_not_exist_stops_the_bot_before_connecting(discord_run, tmp_path):
    r = discord_run(None, token="x", extra=["--corpus", str(tmp_path / "gone")])
    assert r.returncode == 1
    assert "gone: no such file or folder" in r.stderr and "Traceback" not in r.stderr
