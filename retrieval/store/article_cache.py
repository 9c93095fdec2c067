"""Articles already attributed, kept by what was read: adding, changing or removing files
attributes only those files again (attribution is nine tenths of a build), while the
corpus-wide steps (the BM25 statistics, the speaker digest) are redone over every passage, so
the result is exactly a full rebuild's.

One SQLite file per code fingerprint in the cache folder: rows keyed by a hash of the
`RawArticle` (its id, path, headline, paragraphs, metadata and alias entries: everything
attribution reads), each with a checksum of its JSON; and, per corpus, which key each file
had at its last build, to say what was new, changed, removed and reused. A damaged file or
row is only a miss: the article is attributed again."""
from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy as np

from corpus.loader import KnownRaw, RawArticle
from corpus.models import Article, Corpus
from retrieval import tokenizer
from retrieval.inverted_build import ArticleTerms, ArticleWordIds
from retrieval.store.article_json import article_from_parts, article_parts, merge_entries_of
from retrieval.store.article_pack import (
    CachedArticle,
    HeldRow,
    Row,
    SpilledArticle,
    pack_article,
    raw_key,
    utf8,
)
from retrieval.store.article_rows import (  # Changes: `parley index` and tests import it here
    PREFIX,
    Changes,
    commit_rows,
    sum_bytes,
)
from retrieval.store.article_terms import (
    terms_bytes,
    terms_fit,
    terms_numbers,
    terms_vocabulary,
)
from retrieval.store.block_runs import Packed
from retrieval.store.cached_rows import CachedRows, Found
from retrieval.store.kept_blocks import KeptBlocks
from retrieval.store.keys import code_fingerprint
from retrieval.store.known_files import FilesTable
from retrieval.store.records_block import Block, article_block, block_bytes
from retrieval.store.spill import Held, Spill, Stored, held_bytes
from retrieval.store.string_facts import DigestFacts, save_facts
from retrieval.store.word_ids import RENAMED, STRINGS, TERMS, Words

if TYPE_CHECKING:  # imported when used: a start from a saved entry never merges
    from corpus.build import KnownArticle
    from corpus.held_articles import Remake
    from corpus.merge_rewrite import Renames
    from corpus.merging import ArticleFacts, MergeMemory
    from corpus.parallel import Packing


@dataclass
class ArticleCache:
    """A build's `corpus.build.Attributor`: articles made before (`known`), articles just
    made (`keep`); `commit` saves them and says what changed."""

    db: Path | None
    corpus: str | None = None  # its identity: the rows its last build used are read at once
    hits: int = 0
    reuse: bool = True  # False: no lookups, every article attributed again (a forced rebuild)
    # key -> its row (its JSON parts as UTF-8), each part in the spill file (`spill`) when
    # there is one: what a build keeps of its new articles is then on disk, not in memory
    _new: dict[str, HeldRow] = field(default_factory=dict)
    # (id, path) of each article of this build -> its passages' terms as stored
    # (`article_terms`): made into lists of terms only as the index reads them
    _docs: dict[tuple[str, str], Held] = field(default_factory=dict)
    # each article's records block, as stored, renamed and numbered (`kept_blocks`)
    _kept: KeptBlocks = field(default_factory=KeptBlocks)
    _paths: dict[str, str] = field(default_factory=dict)  # path -> key, this build
    # id(article) -> its merge facts, for the articles of this build (alive while it runs)
    _facts: dict[int, tuple[Article, ArticleFacts]] = field(default_factory=dict)
    # id(article) -> (article, its row) of the articles a worker sent packed, until kept
    _packed: dict[int, tuple[Article, HeldRow]] = field(default_factory=dict)
    # (id, path) -> the word numbers of the article's distinct terms, its stored map's bytes
    _maps: dict[tuple[str, str], bytes] = field(default_factory=dict)
    # row key -> the word numbers this build worked out (stored at `commit`)
    _new_maps: dict[str, np.ndarray] = field(default_factory=dict)
    _memory: MergeMemory | None = None  # what this build merged (`merged`)
    _spill: Spill | None = None
    _spill_failed: bool = False  # no spill file could be made or written: kept in memory

    def __post_init__(self) -> None:
        # the rows read back, and the two vocabularies with them (`cached_rows`)
        self._read = CachedRows(self.db, self.corpus, unreadable=not self.reuse)
        # the files the corpus's last build loaded, by their bytes (`known_files`)
        self._files = FilesTable(self.corpus, self._read.connection, usable=self.reuse)

    def known_files(self) -> FilesTable:
        """The files this corpus's last build loaded (`corpus.loader.KnownFiles`)."""
        return self._files

    def known(self, raw: RawArticle) -> Article | None:
        """The article attributed before from exactly this raw article, if the cache has it."""
        key = raw_key(raw)
        self._paths[raw.path] = key
        row = self._row(key)
        if row is None:
            return None
        try:
            article, facts = article_from_parts(cast(str, row[1]), cast(str, row[2]))
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        if not self._remember(article, facts, cast(bytes, row[3]), cast(bytes, row[4])):
            return None
        self._take_maps(key, (article.id, article.path), row)
        self.hits += 1
        return article

    def held(self, raw: RawArticle | KnownRaw) -> KnownArticle | None:
        """`known` without making the article (`corpus.build.KnownArticle`): its head read
        for the merge's entries, the rest made again only if something reads the article.
        A file not parsed again (`KnownRaw`) is looked up by the key it had."""
        from corpus.build import KnownArticle

        key = raw.key if isinstance(raw, KnownRaw) else raw_key(raw)
        self._paths[raw.path] = key
        row = self._row(key)
        if row is None:
            return None
        head, passages, terms = cast(str, row[1]), cast(str, row[2]), cast(bytes, row[3])
        try:
            aid, path, count, entries = merge_entries_of(head)
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        if not terms_fit(terms, count):
            return None
        at = (aid, path)
        self._docs[at] = terms
        self._kept.blocks[at] = cast(bytes, row[4])
        self._take_maps(key, at, row)
        self.hits += 1
        return KnownArticle(CachedArticle(head, passages), aid, path, count, entries)

    def keep(self, raw: RawArticle, article: Article) -> Article | None:
        """Remember an article just attributed (written at `commit`), with its terms. When
        its row went to the spill file, returns the same article made from the row, its
        passages read back only when they are read (the build holds that one instead of
        every passage and sentence object)."""
        from corpus.merging import people_facts

        key = self._paths[raw.path] = raw_key(raw)
        packed = self._packed.pop(id(article), None)
        if packed is not None and packed[0] is article:  # its row was made on a worker
            self._new[key] = packed[1]
            return None
        facts = people_facts(article)
        self._facts[id(article)] = (article, facts)
        with contextlib.suppress(ValueError):  # a record JSON cannot hold: made each time
            head, passages = article_parts(article, facts)
            kept = self._hold(terms_bytes([tokenizer.terms(p.text) for p in article.passages])[1])
            block = self._hold(block_bytes(article_block(article)))
            rows = self._hold(utf8(passages))
            self._new[key] = (self._hold(utf8(head)), rows, kept, block)
            self._docs[(article.id, article.path)] = kept
            light = article_from_parts(head, rows)[0] if isinstance(rows, Stored) else article
            if light is not article:
                del self._facts[id(article)]
                self._facts[id(light)] = (light, facts)
            self._kept.blocks[(article.id, article.path)] = block
            return light
        return None

    def _hold(self, data: bytes) -> Held:
        """`data` in the spill file beside the cache (made when first needed), else as it
        is (no cache file, or the disk refused it)."""
        if self.db is None or self._spill_failed:
            return data
        try:
            if self._spill is None:
                self._spill = Spill(self.db.parent)
            return self._spill.put(data)
        except OSError:
            self._spill_failed = True
            return data

    def packing(self) -> Packing:
        """Workers send each new article back as its cache row, made there."""
        from corpus.parallel import Packing

        return Packing(pack_article, self._unpack)

    def _unpack(self, raw: RawArticle, sent: object) -> Article:
        if isinstance(sent, Article):  # a record JSON cannot hold: sent as it is
            return sent
        row = cast(Row, sent)
        passages = self._hold(utf8(row[1]))
        article, facts = article_from_parts(
            row[0], passages if isinstance(passages, Stored) else row[1])
        held = (self._hold(utf8(row[0])), passages, self._hold(row[2]), self._hold(row[3]))
        self._remember(article, facts, row[2], held[3], held[2])
        self._packed[id(article)] = (article, held)
        return article

    def _remember(self, article: Article, facts: ArticleFacts, terms: bytes, block: Held,
                  held_terms: Held | None = None) -> bool:
        """Keep an article's facts, its passages' terms (`held_terms` when they are in the
        spill file) and its records block for this build; False when the terms are not
        those of its passages."""
        if not terms_fit(terms, len(article.passages)):
            return False
        self._docs[(article.id, article.path)] = terms if held_terms is None else held_terms
        self._facts[id(article)] = (article, facts)
        self._kept.blocks[(article.id, article.path)] = block
        return True

    def facts(self, article: Article) -> ArticleFacts | None:
        """The merge facts of an article this cache gave or was given in this build, once:
        forgotten as they are handed over, so the articles as they were before the merge are
        not held through the save."""
        known = self._facts.pop(id(article), None)
        return known[1] if known is not None and known[0] is article else None

    @property
    def words(self) -> Words:
        """The index terms' vocabulary this build numbers terms in (`word_ids`): the one
        stored, or a fresh one (no cache file yet, a forced rebuild, a damaged one)."""
        if self._read.words is None:
            self._read.words = Words.fresh()
        return self._read.words

    def documents(self, corpus: Corpus) -> Iterator[ArticleWordIds]:
        """Each article's passages' index terms, in corpus order, their distinct terms as
        numbers in `words`: kept with the article, so an unchanged file is not tokenized
        again, nor its passages made to be read, nor (with its word map) its terms made
        as strings. Articles whose terms had no map get one, stored at `commit`."""
        from corpus.held_articles import article_keys

        words = self.words
        for i, (aid, path, n) in enumerate(article_keys(corpus.articles)):
            kept = self._docs.get((aid, path))
            data = held_bytes(kept) if kept is not None else None
            numbers = terms_numbers(data, n) if data is not None else None
            if data is None or numbers is None:
                terms = ArticleTerms.of(
                    [tokenizer.terms(p.text) for p in corpus.articles[i].passages])
                yield ArticleWordIds(words.number(terms.vocabulary), terms.lengths, terms.ids)
                continue
            stored = self._maps.get((aid, path))
            found = None if stored is None or len(stored) != 4 * numbers[0] else \
                np.frombuffer(stored, dtype="<i4")
            if found is None:
                found = words.number(terms_vocabulary(data, n) or [])
                key = self._paths.get(path)
                if key is not None:
                    self._new_maps[key] = found
            yield ArticleWordIds(found, numbers[1], numbers[2])

    def compact(self, article: Article) -> Remake | None:
        """What makes the article again from its row in the spill file (`corpus.build`
        holds that instead of the article); None when its row is not there."""
        key = self._paths.get(article.path)
        row = self._new.get(key) if key is not None else None
        if row is None or not isinstance(row[0], Stored) or not isinstance(row[1], Stored):
            return None
        return SpilledArticle(row[0], row[1])

    def renamed(self, article_id: str, path: str, renames: Renames) -> None:
        """The merge renames people of that article: its block is rewritten as it is read."""
        self._kept.renamed[(article_id, path)] = renames

    def merge_memory(self, paths: Sequence[str]) -> tuple[list[str | None], MergeMemory | None]:
        """Each path's row key, and what this corpus's last build merged (none when the
        cache was not read: a first or forced build)."""
        from retrieval.store.merge_memory import load_memory

        earlier = None
        con = self._read.con
        if con is not None and self.corpus is not None and not self._read.unreadable:
            earlier = load_memory(con, self.corpus)
        return [self._paths.get(p) for p in paths], earlier

    def merged(self, memory: MergeMemory | None) -> None:
        """What this build merged: saved for the corpus at `commit`."""
        self._memory = memory

    def block(self, key: tuple[str, str]) -> Block | None:
        """The records block of the article of this (id, path) this cache gave or was given
        in this build (as the merge rewrote it, when it did); None for a damaged block."""
        return self._kept.block(key)

    @property
    def strings(self) -> Words:
        """The records blocks' strings' vocabulary (`word_ids`), as `words` is the terms'."""
        if self._read.strings is None:
            self._read.strings = Words.fresh(STRINGS)
        return self._read.strings

    @property
    def digest_facts(self) -> DigestFacts:
        """What the digest works out of single strings, kept from the last build
        (`string_facts`): read with the first row, else none yet."""
        if self._read.facts is None:
            self._read.facts = DigestFacts()
        return self._read.facts

    def save_digest_facts(self) -> None:
        """After the records save: keep the digest's facts for the next build."""
        if self.db is not None and self._read.facts is not None:
            save_facts(self.db, self._read.facts)

    def numbered_block(self, key: tuple[str, str]) -> Block | None:
        """`block`, its strings as their numbers in `strings` (`Block.words`) when known
        (`kept_blocks.KeptBlocks.numbered_block`)."""
        return self._kept.numbered_block(key, self.strings)

    def packed_block(self, key: tuple[str, str]) -> Block | Packed | None:
        """`numbered_block`, packed when it can be (`kept_blocks.KeptBlocks.packed_block`):
        what the streamed records save reads a run of blocks at a time."""
        return self._kept.packed_block(key, self.strings)

    def block_sizes(self, key: tuple[str, str]) -> tuple[int, int, int] | None:
        """(passages, sentences, bytes of text) of the block `block` gives, from its header
        (the merge's renaming changes none of them); None when there is none."""
        return self._kept.sizes(key)

    def _row(self, key: str) -> Found | None:
        """The row of `key` when it is there and its checksum holds."""
        return self._read.row(key)

    def _take_maps(self, key: str, at: tuple[str, str], row: Found) -> None:
        """The row's word maps and renamed block, those that can be used."""
        words = self._read.words
        found = words.usable(key, row[5:9]) if words is not None else None
        if found is not None:  # else its words are numbered again as the index reads them
            self._maps[at] = found
        self._kept.take(key, at, self._read.strings, row[9:])

    def commit(self, corpus: str) -> Changes | None:
        """Write the new rows and this corpus's files; forget rows no corpus uses. None when
        there is no cache file to write."""
        self._read.close()  # a query left unfinished holds a read lock
        self._docs.clear()  # this build's: released before the build's garbage is collected
        self._maps.clear()
        self._facts.clear()
        self._packed.clear()
        if self.db is None:
            return None
        self._kept.number(self.strings, self._paths)
        self._kept.rename(self.strings, self._paths)
        for _ in range(2):
            try:
                return commit_rows(self.db, corpus, self._paths, self._rows, self.hits,
                                   self._save_words, self._files.rows)
            except sqlite3.DatabaseError:  # not a database any more: start it afresh
                self.db.unlink(missing_ok=True)
            except (sqlite3.Error, OSError):
                return None
        return None

    def _save_words(self, con: sqlite3.Connection) -> None:
        """In the commit: the words this build numbered and the maps it made."""
        if self._read.words is not None:
            self._read.words.save(con, TERMS, self._new_maps)
        kept = self._kept
        if self.strings.save(con, STRINGS, kept.new_numbers):
            from retrieval.store.renamed_rows import renamed_sum
            self.strings.save_maps(con, RENAMED, {k: w for k, (_, _, w)
                                                  in kept.new_renamed.items()})
            con.executemany("INSERT OR REPLACE INTO renamed_blocks VALUES (?, ?, ?, ?)",
                            [(k, t, b, renamed_sum(k, t, b))
                             for k, (t, b, _) in kept.new_renamed.items()])
            con.execute("DELETE FROM renamed_blocks WHERE key NOT IN (SELECT key FROM articles)")
        if self.corpus is not None:
            from retrieval.store.merge_memory import save_memory
            save_memory(con, self.corpus, self._memory)

    def _rows(self) -> Iterator[tuple[str, str, bytes, bytes, bytes, bytes]]:
        """The new rows with their checksums, read back one at a time for the commit (the
        JSON parts as the UTF-8 SQLite stores: `commit_rows` casts them to text there)."""
        for key, (head, passages, terms, block) in self._new.items():
            row = (held_bytes(head), held_bytes(passages), held_bytes(terms),
                   held_bytes(block))
            yield (key, sum_bytes(*row), *row)


def open_cache(root: Path | None, *, reuse: bool = True, corpus: str | None = None
               ) -> ArticleCache:
    """The article cache in `root` (None: none, every article attributed). `reuse=False`
    attributes every article again and rewrites their rows (a forced rebuild). `corpus`:
    its identity, whose last build's rows are then read in one query."""
    db = None if root is None else root / f"{PREFIX}{code_fingerprint()[:24]}.sqlite"
    return ArticleCache(db, corpus, reuse=reuse)
