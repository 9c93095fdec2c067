"""`Corpus` <-> JSON, exactly (frozen dataclasses, tuples, frozensets, None), no pickle.

Each dataclass is written as a list of its field values in field order; the decoder is
compiled from the dataclasses' type hints, so a field added to a record is handled (and
`schema_fingerprint()` changes, which makes saved caches stale). `Corpus.passages` is written
as a flag when it is, as `Corpus.of` makes it, every article's passages in order.
"""
from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from corpus.models import Corpus

SCHEMA = "parley-corpus/1"


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_encode(v) for v in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in the corpus cache")


def _identity(v: Any) -> Any:
    return v


@cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        # Generated code, one expression per field: decoding is the hot part of a cached start.
        hints = typing.get_type_hints(tp)
        env: dict[str, Any] = {"cls": tp, "new": object.__new__, "setattr": object.__setattr__}
        names, parts = [], []
        for i, f in enumerate(x for x in dataclasses.fields(tp) if x.init):
            names.append(f.name)
            parts.append(_inline(hints[f.name], f"v[{i}]", env, i))
        if _plain(tp):
            # Plain frozen dataclass (no __post_init__, no slots, every field in __init__):
            # set the instance dict in one go; equal to cls(...) but several times faster.
            items = ", ".join(f"{n!r}: {e}" for n, e in zip(names, parts))
            src = (f"def dec_dc(v):\n    o = new(cls)\n    setattr(o, '__dict__', {{{items}}})\n"
                   "    return o\n")
        else:
            src = f"def dec_dc(v):\n    return cls({', '.join(parts)})\n"
        exec(compile(src, f"<decoder {tp.__name__}>", "exec"), env)  # noqa: S102 - own code
        return env["dec_dc"]
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            d = _decoder(inner[0])
            return _identity if d is _identity else (lambda v: None if v is None else d(v))
        if all(_decoder(a) is _identity for a in inner):
            return _identity
        raise TypeError(f"unsupported union {tp}")
    if origin is tuple:
        d = _decoder(args[0]) if args else _identity
        if d is _identity:
            return tuple
        return lambda v: tuple(map(d, v))
    if origin is frozenset:
        d = _decoder(args[0]) if args else _identity
        return frozenset if d is _identity else (lambda v: frozenset(map(d, v)))
    if origin is typing.Literal or tp in (str, int, bool, Any):
        return _identity
    if tp is float:
        return float
    raise TypeError(f"unsupported type {tp}")


def _plain(tp: type) -> bool:
    return (not hasattr(tp, "__post_init__") and not hasattr(tp, "__slots__")
            and all(f.init for f in dataclasses.fields(tp))
            and tp.__new__ is object.__new__)


def _inline(tp: Any, expr: str, env: dict[str, Any], i: int) -> str:
    """Source decoding `expr` as type `tp` (helpers put in `env`)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and _decoder(inner[0]) is not _identity:
            return f"(None if {expr} is None else {_inline(inner[0], expr, env, i)})"
    if origin is tuple and args and _decoder(args[0]) is not _identity:
        env[f"e{i}"] = _decoder(args[0])
        return f"tuple(map(e{i}, {expr}))"
    d = _decoder(tp)
    if d is _identity:
        return expr
    env[f"d{i}"] = d
    return f"d{i}({expr})"


def schema_fingerprint() -> str:
    """Hash of every record's field names and types (reached from Corpus)."""
    seen: dict[str, str] = {}

    def walk(tp: Any) -> None:
        if dataclasses.is_dataclass(tp):
            name = f"{tp.__module__}.{tp.__qualname__}"
            if name in seen:
                return
            hints = typing.get_type_hints(tp)
            seen[name] = ";".join(f"{f.name}:{hints[f.name]}" for f in dataclasses.fields(tp))
            for f in dataclasses.fields(tp):
                walk(hints[f.name])
        for a in typing.get_args(tp):
            walk(a)
    walk(Corpus)
    return hashlib.sha256((SCHEMA + repr(sorted(seen.items()))).encode()).hexdigest()[:16]


def corpus_to_json(corpus: Corpus) -> str:
    derived = tuple(p for a in corpus.articles for p in a.passages)
    same = len(derived) == len(corpus.passages) and all(
        x is y or x == y for x, y in zip(derived, corpus.passages))
    body: dict[str, Any] = {"schema": SCHEMA, "fingerprint": schema_fingerprint()}
    for f in dataclasses.fields(Corpus):
        if f.name != "passages":
            body[f.name] = _encode(getattr(corpus, f.name))
    if same:
        body["passages"] = "derived"
    else:  # an unusual Corpus: keep its passages as (article, passage) references
        where = {id(p): [i, j] for i, a in enumerate(corpus.articles)
                 for j, p in enumerate(a.passages)}
        refs = [where.get(id(p)) for p in corpus.passages]
        body["passages"] = refs if all(r is not None for r in refs) else \
            {"inline": _encode(corpus.passages)}
    return json.dumps(body, separators=(",", ":"))  # ASCII: carries non-UTF-8 file names too


def corpus_from_json(text: str) -> Corpus:
    # Hundreds of thousands of new objects, none in a cycle: the cyclic collector would run
    # dozens of times for nothing (it more than doubles the time), so pause it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _corpus_from_json(text)
    finally:
        if enabled:
            gc.enable()


def _corpus_from_json(text: str) -> Corpus:
    body = json.loads(text)
    if body.get("schema") != SCHEMA or body.get("fingerprint") != schema_fingerprint():
        raise ValueError("corpus records were saved by a different version")
    hints = typing.get_type_hints(Corpus)
    values = {f.name: _decoder(hints[f.name])(body[f.name])
              for f in dataclasses.fields(Corpus) if f.name != "passages"}
    articles = values["articles"]
    ps = body["passages"]
    if ps == "derived":
        passages = tuple(p for a in articles for p in a.passages)
    elif isinstance(ps, dict):
        passages = _decoder(hints["passages"])(ps["inline"])
    else:
        passages = tuple(articles[i].passages[j] for i, j in ps)
    return Corpus(**values, passages=passages)
