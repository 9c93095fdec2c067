"""`load_settings`: the shipped config, and every way a config file can be wrong."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import (
    _RULES,
    SHIPPED_CORPUS,
    BM25Params,
    ConfigError,
    DiscordSettings,
    ReplSettings,
    Settings,
    load_settings,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CONFIG = PROJECT_ROOT / "config.toml"


def write_config(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# A value of the wrong type, and (where the type allows a range) an out-of-range one, for
# every key in _RULES. The test below checks this table covers _RULES exactly.
BAD_VALUES: dict[str, list[str]] = {
    "corpus.paths": ['"articles"', "[]", '[""]', "[1]"],
    "corpus.cache_dir": ['""', "3"],
    "search.top_k": ['"many"', "0", "51", "2.5", "true"],
    "bm25.k1": ['"high"', "-0.1", "10.5", "true"],
    "bm25.b": ['"half"', "-0.1", "1.5", "false"],
    "bm25.epsilon": ['"x"', "-1", "2", "true"],
    "repl.history_file": ["1", "false"],
    "repl.color": ['"yes"', "1"],
    "discord.guild_id": ['"123"', "0", "-5", "1.5", "true"],
    "discord.token_file": ['""', "7"],
    "discord.command_prefix": ['""', '"toolong"', '"  "', "1"],
    "discord.message_content": ['"true"', "0"],
    "discord.cooldown_rate": ['"3"', "0", "101", "1.5", "true"],
    "discord.cooldown_seconds": ['"30"', "-1", "3601", "true"],
    "discord.results_per_page": ['"3"', "0", "6", "true"],
    "discord.view_timeout_seconds": ['"180"', "4", "3601", "true"],
    "discord.shards": ['"2"', "0", "1001", "true"],
    "discord.answer_in_thread": ['"yes"', "1"],
    "logging.level": ['"LOUD"', "10", "true"],
    "logging.file": ['""', "3"],
    "logging.file_max_bytes": ['"1MB"', "9999", "true", "1.5"],
    "logging.file_backups": ['"5"', "-1", "101", "true"],
}
CASES = [(key, value) for key, values in BAD_VALUES.items() for value in values]


def test_bad_value_table_covers_every_rule():
    assert set(BAD_VALUES) == {f"{s}.{k}" for s, keys in _RULES.items() for k in keys}


def test_shipped_config_loads_and_matches_the_defaults():
    settings = load_settings(SHIPPED_CONFIG, explicit=True)
    assert settings.warnings == ()
    assert settings.source == SHIPPED_CONFIG
    assert settings.corpus_paths == (SHIPPED_CORPUS,)
    assert settings.top_k == Settings().top_k == 3
    assert settings.cache_dir is None
    assert settings.bm25 == BM25Params()
    assert settings.repl == ReplSettings()
    assert settings.discord == DiscordSettings()


def test_shipped_config_corpus_path_resolves_to_existing_articles():
    (path,) = load_settings(SHIPPED_CONFIG).corpus_paths
    assert path.resolve() == SHIPPED_CORPUS.resolve()
    assert (path / "istanbul-talks.txt").is_file()


def test_missing_file_explicit_raises_naming_the_file(tmp_path):
    missing = tmp_path / "absent.toml"
    with pytest.raises(ConfigError, match="absent.toml") as info:
        load_settings(missing, explicit=True)
    assert str(missing) in str(info.value)


def test_missing_file_not_explicit_gives_defaults(tmp_path):
    assert load_settings(tmp_path / "absent.toml") == Settings()


def test_invalid_toml_names_the_file(tmp_path):
    path = write_config(tmp_path, "[search\ntop_k = 3\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, explicit=True)
    assert str(path) in str(info.value)
    assert "TOML" in str(info.value)


def test_non_utf8_config_names_the_file(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes('[repl]\nhistory_file = "caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="UTF-8") as info:
        load_settings(path, explicit=True)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(("key", "value"), CASES, ids=[f"{k}={v}" for k, v in CASES])
def test_bad_value_names_section_key_and_file(tmp_path, key, value):
    section, name = key.split(".")
    path = write_config(tmp_path, f"[{section}]\n{name} = {value}\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, explicit=True)
    message = str(info.value)
    assert f"'{key}'" in message
    assert str(path) in message


@pytest.mark.parametrize(("key", "value"), [
    ("search.top_k", "1"), ("search.top_k", "50"), ("bm25.k1", "0"), ("bm25.k1", "2"),
    ("bm25.b", "1"), ("discord.guild_id", "123456789012345678"), ("discord.shards", "1000"),
    ("discord.cooldown_seconds", "0"), ("discord.view_timeout_seconds", "5.5"),
    ("repl.history_file", '""'), ("discord.command_prefix", '"?!"'),
    ("discord.answer_in_thread", "true"), ("logging.level", '"DEBUG"'),
    ("logging.file_max_bytes", "10000"), ("logging.file_backups", "0"),
])
def test_good_edge_values_are_accepted(tmp_path, key, value):
    import tomllib
    section, name = key.split(".")
    settings = load_settings(write_config(tmp_path, f"[{section}]\n{name} = {value}\n"))
    expected = tomllib.loads(f"v = {value}")["v"]
    got = settings.top_k if key == "search.top_k" else getattr(getattr(settings, section), name)
    assert got == expected


@pytest.mark.parametrize("key", ["search.top_k", "bm25.k1", "discord.cooldown_seconds"])
def test_true_is_not_accepted_as_a_number(tmp_path, key):
    section, name = key.split(".")
    path = write_config(tmp_path, f"[{section}]\n{name} = true\n")
    with pytest.raises(ConfigError, match=f"'{key}'"):
        load_settings(path)


def test_unknown_key_warns_with_did_you_mean(tmp_path):
    path = write_config(tmp_path, "[search]\ntop_kk = 5\n")
    settings = load_settings(path)
    (warning,) = settings.warnings
    assert "search.top_kk" in warning
    assert "did you mean 'top_k'" in warning
    assert str(path) in warning
    assert settings.top_k == 3  # the unknown key is ignored


def test_unknown_section_warns_with_did_you_mean(tmp_path):
    settings = load_settings(write_config(tmp_path, "[serach]\ntop_k = 5\n"))
    (warning,) = settings.warnings
    assert "[serach]" in warning and "did you mean 'search'" in warning


@pytest.mark.parametrize(("text", "says"), [
    ('top_k = "many"\n', "'top_k' outside any section ignored; it belongs under [search]"),
    ("k1 = 1.2\n[search]\ntop_k = 4\n",
     "'k1' outside any section ignored; it belongs under [bm25]"),
    ("colour = 1\n", "unknown setting 'colour' outside any section ignored"),
])
def test_a_setting_above_every_section_is_told_where_it_belongs(tmp_path, text, says):
    settings = load_settings(write_config(tmp_path, text))
    (warning,) = settings.warnings
    assert says in warning and "section [" not in warning


def test_section_that_is_not_a_table_is_an_error(tmp_path):
    path = write_config(tmp_path, "search = 3\n")
    with pytest.raises(ConfigError, match=r"\[search\]"):
        load_settings(path)


TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.SECRET.value-do-not-echo"


@pytest.mark.parametrize("text", [
    f'[discord]\ntoken = "{TOKEN}"\n',
    f'token = "{TOKEN}"\n',
    f'[discord]\nbot_token = "{TOKEN}"\n',
], ids=["discord.token", "top-level token", "discord.bot_token"])
def test_token_in_config_is_refused_without_echoing_it(tmp_path, text):
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    message = str(info.value)
    assert "DISCORD_TOKEN" in message
    assert str(path) in message
    assert TOKEN not in message
    assert "SECRET" not in message


def test_relative_paths_resolve_against_the_config_folder(tmp_path, monkeypatch):
    folder = tmp_path / "conf"
    folder.mkdir()
    write_config(folder, '[corpus]\npaths = ["news", "../more/a.txt"]\n'
                         'cache_dir = "cache"\n')
    monkeypatch.chdir(tmp_path)  # not the config's folder
    settings = load_settings(Path("conf") / "config.toml")
    base = folder.resolve()
    assert settings.corpus_paths == (base / "news", base / "../more/a.txt")
    assert settings.cache_dir == base / "cache"


def test_absolute_and_home_paths_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = write_config(tmp_path, f'[corpus]\npaths = ["{tmp_path / "abs"}", "~/news"]\n')
    assert load_settings(path).corpus_paths == (tmp_path / "abs", tmp_path / "home" / "news")


def test_values_from_every_section_reach_the_settings(tmp_path):
    path = write_config(tmp_path, "[search]\ntop_k = 7\n[bm25]\nk1 = 1.2\nb = 0.5\n"
                                  '[repl]\nhistory_file = ""\ncolor = false\n'
                                  "[discord]\nguild_id = 42\nresults_per_page = 5\n")
    s = load_settings(path)
    assert s.top_k == 7
    assert s.bm25 == BM25Params(k1=1.2, b=0.5, epsilon=0.25)
    assert s.repl == ReplSettings(history_file="", color=False)
    assert s.discord.guild_id == 42 and s.discord.results_per_page == 5
    assert s.warnings == ()


def test_default_config_found_in_working_directory(tmp_path, monkeypatch):
    write_config(tmp_path, "[search]\ntop_k = 9\n")
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.top_k == 9
    assert settings.source == tmp_path / "config.toml"



@pytest.mark.parametrize(("written", "level"), [('"debug"', "DEBUG"), ('"Warning"', "WARNING")])
def test_log_level_is_taken_in_any_case(tmp_path, written, level):
    settings = load_settings(write_config(tmp_path, f"[logging]\nlevel = {written}\n"))
    assert settings.logging.level == level


def test_log_file_is_relative_to_the_config_file(tmp_path):
    settings = load_settings(write_config(tmp_path, '[logging]\nfile = "logs/bot.log"\n'))
    assert settings.logging.file == str(tmp_path / "logs" / "bot.log")
