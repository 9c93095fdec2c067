"""Whether a typed person's name is one no article writes ("phil taylor", "jamie oliver").

When no speaker fits a name, Parley shows the passages closest to the question, since the
name may be someone the attribution missed or a description it did not link. But a name of
two or more words, each a proper word of the articles (capitalised inside the sentences
that use it: "Phil", "Taylor") or a word no article uses, that no article writes together,
is nobody in them (a word that is a slip of one the articles have may be that word, so
then nothing is decided): the passages closest to "what did phil taylor say after winning the
world darts championship" are about other Taylors and other championships, an answer to
another question. A phrase with any other word ("the", "fishermen", "swift", which the
articles mostly write in lower case) is a description or may be one, and is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from corpus.folding import fold
from retrieval.answering.variants import is_proper
from retrieval.bm25_index import BM25Index
from retrieval.tokenizer import terms

LOOKED_AT = 5  # passages read to tell a proper word
MIN_WORDS = 2  # one word ("Stelios") is a first name or a surname, found otherwise


def name_words(typed: str) -> list[str] | None:
    """The words of a typed name, possessive 's off; None unless each is one plain word
    with a search term (no article, preposition or number)."""
    words = re.sub(r"['\u2019]s?$", "", fold(typed).strip(" ?.!,\"'")).split()
    if len(words) < MIN_WORDS:
        return None
    for word in words:
        found = terms(word)
        if not word.isalpha() or len(found) != 1:
            return None
    return words


def written(words: list[str], index: BM25Index, text_of: Callable[[int], str]) -> bool:
    """Whether some passage writes the words together, in order: read in the passages
    that hold every one of them (found through the index, so few are read)."""
    found = [t for w in words for t in terms(w)]
    if not all(t in index for t in found):
        return False
    rarest = max(found, key=index.idf)
    docs = [p for p, _ in index.top([rarest], index.size)]
    for term in found:  # only the passages holding every word are read
        if docs and term != rarest:
            docs = [p for p, _ in index.top([term], len(docs), allowed=docs)]
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)")
    return any(pattern.search(fold(text_of(p))) for p in docs)


def unwritten_name(typed: str, index: BM25Index, text_of: Callable[[int], str],
                   has_near: Callable[[str], bool]) -> bool:
    """Whether the typed phrase is a name (each word a proper word of the articles, or one
    they never use that is no slip of one they do) that no article writes: then nobody
    called that is in them."""
    words = name_words(typed)
    if words is None:
        return False
    for word in words:
        term = terms(word)[0]
        if term not in index and has_near(term):
            return False  # perhaps a slip ("tayler"): the name may be written otherwise
        if term in index and not is_proper(
                term, (text_of(p) for p, _ in index.top([term], LOOKED_AT))):
            return False
    return not written(words, index, text_of)
