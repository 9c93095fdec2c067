"""Settings from `config.toml`: every value checked, every error naming the key and the file.

Secrets never live here: the Discord token comes from the environment (DISCORD_TOKEN) or from
a file named by `discord.token_file`; a token written into the config is refused.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from bot.paths import path_problem
from corpus.shipped import SHIPPED_CORPUS
from retrieval.options import DEFAULT_TOP_K, MAX_TOP_K, BM25Params, IndexOptions

CHECKOUT_DIR = Path(__file__).resolve().parent.parent  # holds config.toml in a checkout
DEFAULT_CONFIG_NAME = "config.toml"


class ConfigError(Exception):
    """A bad config file or value; the message names the file and the key."""


@dataclass(frozen=True)
class ReplSettings:
    history_file: str = "~/.parley_history"
    color: bool = True


@dataclass(frozen=True)
class DiscordSettings:
    guild_id: int | None = None
    token_file: str | None = None
    command_prefix: str = "!"
    message_content: bool = False
    cooldown_rate: int = 3
    cooldown_seconds: float = 30.0
    results_per_page: int = 3
    view_timeout_seconds: float = 180.0
    shards: int | None = None
    answer_in_thread: bool = False


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True)
class LoggingSettings:
    """The Discord bot's log: its level, and an optional rotating log file."""

    level: str = "INFO"
    file: str | None = None
    file_max_bytes: int = 10_000_000
    file_backups: int = 5


@dataclass(frozen=True)
class Settings:
    corpus_paths: tuple[Path, ...] = (SHIPPED_CORPUS,)
    top_k: int = DEFAULT_TOP_K
    cache_dir: Path | None = None
    bm25: BM25Params = field(default_factory=BM25Params)
    repl: ReplSettings = field(default_factory=ReplSettings)
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)
    source: Path | None = None  # the config file these came from
    warnings: tuple[str, ...] = ()

    @property
    def index_options(self) -> IndexOptions:
        """The plain values the core's index takes from these settings."""
        return IndexOptions(bm25=self.bm25, cache_dir=self.cache_dir)


# key -> (type, check, description of allowed values)
_Rule = tuple[type | tuple[type, ...], Any, str]
_RULES: dict[str, dict[str, _Rule]] = {
    "corpus": {
        "paths": (list, lambda v: len(v) > 0 and all(isinstance(p, str) and p for p in v),
                  "a non-empty list of file or folder paths"),
        "cache_dir": (str, lambda v: bool(v), "a folder path"),
    },
    "search": {
        "top_k": (int, lambda v: 1 <= v <= MAX_TOP_K, f"a whole number from 1 to {MAX_TOP_K}"),
    },
    "bm25": {
        "k1": ((int, float), lambda v: 0 <= v <= 10, "a number from 0 to 10"),
        "b": ((int, float), lambda v: 0 <= v <= 1, "a number from 0 to 1"),
        "epsilon": ((int, float), lambda v: 0 <= v <= 1, "a number from 0 to 1"),
    },
    "repl": {
        "history_file": (str, lambda v: True, "a file path, or \"\" for no history"),
        "color": (bool, lambda v: True, "true or false"),
    },
    "discord": {
        "guild_id": (int, lambda v: v > 0, "a Discord server id (a positive whole number)"),
        "token_file": (str, lambda v: bool(v), "a file path"),
        "command_prefix": (str, lambda v: 0 < len(v) <= 5 and not v.isspace(), "1 to 5 characters"),
        "message_content": (bool, lambda v: True, "true or false"),
        "cooldown_rate": (int, lambda v: 1 <= v <= 100, "a whole number from 1 to 100"),
        "cooldown_seconds": ((int, float), lambda v: 0 <= v <= 3600, "seconds from 0 to 3600"),
        "results_per_page": (int, lambda v: 1 <= v <= 5, "a whole number from 1 to 5"),
        "view_timeout_seconds": ((int, float), lambda v: 5 <= v <= 3600, "seconds from 5 to 3600"),
        "shards": (int, lambda v: 1 <= v <= 1000, "a whole number from 1 to 1000"),
        "answer_in_thread": (bool, lambda v: True, "true or false"),
    },
    "logging": {
        "level": (str, lambda v: v.upper() in LOG_LEVELS, "one of " + ", ".join(LOG_LEVELS)),
        "file": (str, lambda v: bool(v), "a file path"),
        "file_max_bytes": (int, lambda v: 10_000 <= v <= 10**10,
                           "a whole number of bytes from 10000 to 10000000000"),
        "file_backups": (int, lambda v: 0 <= v <= 100, "a whole number from 0 to 100"),
    },
}
# Settings that are paths: each is checked to be one that can name a file at all.
_PATH_KEYS = {"corpus.paths", "corpus.cache_dir", "repl.history_file", "discord.token_file",
              "logging.file"}
# Paths Parley can do without: one that cannot work is a warning, and the feature is off.
_OPTIONAL_FILES = {"repl.history_file"}
_SECRET_KEYS = {"token", "discord_token", "bot_token", "secret", "password"}
# The shape of a Discord bot token (base64 user id . timestamp . HMAC): refused wherever it is
# pasted -- in token_file, say -- and never echoed back.
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}")
_SECRET_HELP = ("never put the Discord token in the config file. Set DISCORD_TOKEN in the "
                "environment, or name a file holding it with discord.token_file.")


def _looks_like_token(value: Any) -> bool:
    return isinstance(value, str) and bool(_TOKEN_SHAPE.search(value))


def _token_shaped(value: Any, name: str = "") -> list[str]:
    """Dotted names of every value (at any depth, known key or not) shaped like a token."""
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _token_shaped(v, f"{name}.{k}" if name else k)]
    if isinstance(value, list):
        return [n for v in value for n in _token_shaped(v, name)]
    return [name] if _looks_like_token(value) else []


def _type_ok(value: Any, expected: type | tuple[type, ...]) -> bool:
    if isinstance(value, bool) and expected is not bool and bool not in (
        expected if isinstance(expected, tuple) else (expected,)
    ):
        return False  # toml `true` is not a number
    return isinstance(value, expected)


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _unknown_section(path: Path, name: str, body: object) -> str:
    """The warning for a top-level name no section has: a setting written above its section
    header ("top_k = 5" before any [search]) is told where it belongs."""
    if not isinstance(body, dict):
        homes = [section for section, rules in _RULES.items() if name in rules]
        if homes:
            return (f"{path}: '{name}' outside any section ignored; it belongs under "
                    f"[{homes[0]}]")
        return f"{path}: unknown setting '{name}' outside any section ignored"
    return f"{path}: unknown section [{name}] ignored{_suggest(name, list(_RULES))}"


def _check(raw: dict[str, Any], path: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Validate the parsed TOML; return the known values per section, and warnings."""
    warnings: list[str] = []
    good: dict[str, dict[str, Any]] = {}
    for name in _token_shaped(raw):
        raise ConfigError(f"{path}: the value of '{name}' looks like a Discord bot token; "
                          f"{_SECRET_HELP}")
    for section, body in raw.items():
        if section in _SECRET_KEYS:
            raise ConfigError(f"{path}: '{section}' looks like a secret; {_SECRET_HELP}")
        if section not in _RULES:
            warnings.append(_unknown_section(path, section, body))
            continue
        if not isinstance(body, dict):
            raise ConfigError(f"{path}: '{section}' must be a [{section}] table")
        good[section] = {}
        for key, value in body.items():
            name = f"{section}.{key}"
            if key in _SECRET_KEYS:
                raise ConfigError(f"{path}: '{name}' looks like a secret; {_SECRET_HELP}")
            if key not in _RULES[section]:
                warnings.append(f"{path}: unknown key '{name}' ignored"
                                f"{_suggest(key, list(_RULES[section]))}")
                continue
            expected, ok, allowed = _RULES[section][key]
            if not _type_ok(value, expected) or not ok(value):
                raise ConfigError(f"{path}: '{name}' must be {allowed}, not {value!r}")
            for text in (value if isinstance(value, list) else [value]):
                problem = path_problem(text) if name in _PATH_KEYS and text else None
                if problem and name in _OPTIONAL_FILES:
                    warnings.append(f"{path}: '{name}' {problem}; going on without it")
                    value = ""
                elif problem:
                    raise ConfigError(f"{path}: '{name}' {problem}")
            good[section][key] = value
    return good, warnings


def _resolve(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def find_default_config() -> Path | None:
    """`config.toml` in the working directory, else the one beside the package (a checkout)."""
    for candidate in (Path.cwd() / DEFAULT_CONFIG_NAME, CHECKOUT_DIR / DEFAULT_CONFIG_NAME):
        if candidate.is_file():
            return candidate
    return None


def load_settings(path: Path | None = None, *, explicit: bool = False) -> Settings:
    """Read settings from `path` (or the default config); built-in defaults when there is none.

    `explicit` means the user named the file, so a missing file is an error.
    """
    if path is None:
        path = find_default_config()
        if path is None:
            return Settings()
    path = Path(path)
    if not path.is_file():
        if explicit:
            raise ConfigError(f"{path}: config file not found")
        return Settings()
    try:
        values, warnings = _check(tomllib.loads(path.read_text(encoding="utf-8")), path)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except RecursionError:  # in the TOML parser, or in walking what it returned
        raise ConfigError(f"{path}: nested too deeply to be a Parley config") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    base = path.resolve().parent

    def section(name: str, cls: type) -> Any:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.get(name, {}).items() if k in known})

    repl = values.get("repl", {})
    if repl.get("history_file") and not repl["history_file"].startswith("~"):
        repl["history_file"] = str(_resolve(base, repl["history_file"]))
    corpus = values.get("corpus", {})
    paths = tuple(_resolve(base, p) for p in corpus.get("paths", [])) or (SHIPPED_CORPUS,)
    cache = _resolve(base, corpus["cache_dir"]) if "cache_dir" in corpus else None
    logs = values.get("logging", {})
    if logs.get("file"):
        logs["file"] = str(_resolve(base, logs["file"]))
    if logs.get("level"):
        logs["level"] = logs["level"].upper()
    return Settings(
        corpus_paths=paths,
        top_k=values.get("search", {}).get("top_k", DEFAULT_TOP_K),
        cache_dir=cache,
        bm25=section("bm25", BM25Params),
        repl=section("repl", ReplSettings),
        discord=section("discord", DiscordSettings),
        logging=section("logging", LoggingSettings),
        source=path,
        warnings=tuple(warnings),
    )
