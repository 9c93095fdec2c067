""""Mark Oaten on the anti-terror bill": a speaker's name, then what about.

The words before "on" count as a name when they are a speaker's name as the directory knows
it (never a role or a country guessed from an ordinary phrase; an office typed in other words
counts when the directory knows it in the articles' words, "Turkey's top diplomat" for
Turkey's foreign minister, see `role_paraphrases`), a full name with one word
misspelt ("keanu reaves on his mom"), or one word misspelt that no article uses
("navratalova on …"): one slip in a word the articles use ("sanctions") may turn an ordinary
phrase into a name, the other words written right, or a word nobody writes, may not. A topic
typed bare after a speaker's full name, with no "on" ("michael owen happy at real madrid"),
asks the same.
"""
from __future__ import annotations

from retrieval.answering.candidates import is_quantifier
from retrieval.answering.question import name_led, name_then_topic
from retrieval.answering.role_paraphrases import rewrites
from retrieval.answering.speakers import SpeakerDirectory, normalize_name
from retrieval.answering.topics import is_bare_topic
from retrieval.bm25_index import BM25Index
from retrieval.tokenizer import terms


def named_then_topic(text: str, directory: SpeakerDirectory,
                     index: BM25Index) -> tuple[str, str] | None:
    """(the name as typed, the topic) when the question is a name then what about, else
    None."""
    split = name_then_topic(text)
    if split is not None and not is_quantifier(split[0]):
        resolution = directory.resolve(split[0])
        if resolution.entry is not None and (
                resolution.corrected is None or _one_word_off(split[0], resolution.corrected)
                or _unknown_word(split[0], index)):
            return split
        if any(_exactly_known(other, directory) for other in rewrites(split[0])):
            return split  # "turkey's top diplomat on ...": Turkey's foreign minister
    if not is_bare_topic(text):
        return None
    for name, rest in name_led(text):
        entry = directory.known(name)
        if entry is not None and set(normalize_name(name).split()) <= set(
                normalize_name(entry.speaker.name).split()):
            return name, rest
    return None


def _exactly_known(typed: str, directory: SpeakerDirectory) -> bool:
    """Whether an alias of a speaker is the phrase as typed (no spelling put right)."""
    resolution = directory.resolve(typed)
    return resolution.entry is not None and resolution.corrected is None


def _one_word_off(typed: str, known: str) -> bool:
    """Whether a name of two words or more is written as the known one but for one word."""
    mine, theirs = normalize_name(typed).split(), known.split()
    return len(mine) >= 2 and len(mine) == len(theirs) and sum(
        a != b for a, b in zip(mine, theirs, strict=True)) == 1


def _unknown_word(typed: str, index: BM25Index) -> bool:
    """Whether the phrase is one word of five letters or more that no article uses."""
    words = typed.split()
    return len(words) == 1 and len(words[0]) >= 5 and not any(
        t in index for t in terms(words[0]))
