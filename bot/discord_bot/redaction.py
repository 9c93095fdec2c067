"""Keeping the bot token out of the logs.

While a bot runs (`redact_token`), every log record created anywhere in the process has the
token replaced by REDACTED, in its message, its arguments and its traceback text, before any
handler sees it: a library that puts the token in an error message cannot leak it either.
"""
from __future__ import annotations

import contextlib
import logging
from typing import Any

REDACTED = "[token redacted]"

_SECRETS: list[str] = []  # tokens of the bots running in this process
_FACTORY_INSTALLED = False


def _scrub(value: Any) -> Any:
    if isinstance(value, (int, float, bool, type(None))):
        return value
    text = value if isinstance(value, str) else None
    for secret in _SECRETS:
        if text is None:
            try:
                text = str(value)
            except Exception:
                return value
        if secret in text:
            text = text.replace(secret, REDACTED)
            value = text
    return value


def _scrub_record(record: logging.LogRecord) -> None:
    record.msg = _scrub(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_scrub(a) for a in record.args)
    elif isinstance(record.args, dict):
        record.args = {k: _scrub(v) for k, v in record.args.items()}
    if record.exc_info and record.exc_info[1] is not None:
        text = logging.Formatter().formatException(record.exc_info)
        if any(secret in text for secret in _SECRETS):
            for secret in _SECRETS:
                text = text.replace(secret, REDACTED)
            record.exc_text, record.exc_info = text, None


def _install_redacting_factory() -> None:
    """Wrap the log record factory, once per process."""
    global _FACTORY_INSTALLED
    if _FACTORY_INSTALLED:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if not _SECRETS:
            return record
        with contextlib.suppress(Exception):  # logging itself must never fail
            _scrub_record(record)
        return record

    logging.setLogRecordFactory(factory)
    _FACTORY_INSTALLED = True


class redact_token:
    """While active, the token is redacted from every log record (see above)."""

    def __init__(self, token: str):
        self.token = token

    def __enter__(self) -> redact_token:
        if self.token:
            _install_redacting_factory()
            _SECRETS.append(self.token)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.token in _SECRETS:
            _SECRETS.remove(self.token)
