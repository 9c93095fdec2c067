"""Quote runs: sentences with no cue of their own that carry on a statement, forwards
(a quotation going on, a quoted fragment right after a statement) and backwards ('"A. B,"
he said.')."""
from __future__ import annotations

import bisect
import re

from corpus.attribution.cues import CUE
from corpus.attribution.focus import names_someone
from corpus.attribution.salience import known_people, still_salient
from corpus.attribution.state import ArticleState, Unit
from corpus.lexicon import attribution_words
from corpus.models import SpeechKind
from corpus.phrases import bare
from corpus.quotes import QUOTE_CHARS, overlapping, quote_runs, quote_spans

_PREPOSITIONS = attribution_words("preposition")
_COLON_QUOTE = re.compile(r":\s*[\"“]")


def continues_quote(state: ArticleState, sent: tuple[int, int]) -> bool:
    """Whether a sentence with no cue goes on quoting the last speaker: inside or opening a
    quotation in the same paragraph, or a paragraph of quotation right after them."""
    s, e = sent
    last, paragraph = state.last, state.paragraph
    if last is None or not last.has_speaker():
        return False
    found = overlapping(paragraph.quotes, s, e)
    inside = [q for q in found if not _only_its_close(paragraph.text, q, sent)]
    if not inside:
        return False
    head = paragraph.text[s:e].lstrip()
    if len(inside) < len(found):  # its first mark closed the quotation before it
        head = head[1:].lstrip()
    starts_quote = head[:1] in QUOTE_CHARS
    continued = any(qs < s for qs, _ in inside)
    if last.passage == paragraph.index and (continued or starts_quote):
        return True
    if last.passage != paragraph.index - 1 or not starts_quote:
        return False
    if state.units and state.units[-1].passage == paragraph.index \
            and not still_salient(state, last, s):
        # '... thinks Paolo Pescatore mobile industry specialist. "Wireless is ...': the
        # paragraph's narration has moved on to someone else, so its quotation is no
        # quotation of the last speaker going on
        return False
    # 'The catastrophe was overshadowing ..., Mr X said.' then a paragraph of quotation
    # with no attribution of its own: BBC style, the same speaker goes on.
    # (the statement that ended its paragraph, narration of this one before the
    # quotation or not: "... said the compression was visually lossless." then "The film
    # will all be encrypted ... "People will see ...")
    opens_paragraph = state.units[-1].passage != paragraph.index if state.units else True
    ends_paragraph = bool(state.units) and (state.units[-1] is last or (
        (_ends_its_paragraph(state, last) if opens_paragraph else
         next((u for u in reversed(state.units) if u.passage == last.passage), None) is last)
        and not _ATTRIBUTED_AFTER.search(paragraph.masked, s, e)
        and not any(p is not last.entity for p in known_people(state, paragraph.masked[:s]))))
    return paragraph.after_open_quote or last.kind == "direct" or (
        last.kind == "reported" and ends_paragraph)


def _ends_its_paragraph(state: ArticleState, last: Unit) -> bool:
    """Whether `last` is its paragraph's last unit, or followed there by one sentence of
    narration only, naming nobody the article knows ('Steve Ash ... told the BBC News
    website there are two parts to the process. The most difficult is to ascertain ...'
    before a paragraph opening with his quotation)."""
    after = [u for u in state.units if u.passage == last.passage and u.start >= last.end]
    if not after:
        return True
    if len(after) > 1 or after[0].act is not None or after[0].has_speaker():
        return False
    text = state.paragraphs[last.passage]
    return not known_people(state, text[after[0].start:after[0].end])


# '"...," the Financial Times newspaper quoted an insider ... as saying.': a quotation
# closed inside its sentence, with words after it, has an attribution of its own
_ATTRIBUTED_AFTER = re.compile(r"[,?!.][\"”]\s+[a-z\w]")


def _only_its_close(text: str, quote: tuple[int, int], sent: tuple[int, int]) -> bool:
    """'... the football world. " England's players made a point of ...': the splitter gave
    the sentence the closing mark of the quotation before it, and nothing else of it; the
    rest is narration, which carries nobody's words on."""
    qs, qe = quote
    return qs < sent[0] and not text[sent[0]:min(qe, sent[1])].strip(" " + QUOTE_CHARS)


def carries_fragment(state: ArticleState, sent: tuple[int, int]) -> bool:
    """'Law lords were "simply wrong" to imply ...' right after Straw's statement in the
    same paragraph: his words go on, reported, with no verb of their own (not from a vague
    source, not with a speech verb or a person of its own)."""
    s, e = sent
    last, paragraph = state.last, state.paragraph
    return last is not None and bool(state.units) and state.units[-1] is last \
        and last.passage == paragraph.index and paragraph.index > 0 and last.vague is None \
        and _reported_fragment(paragraph.text, paragraph.quotes, sent) \
        and not CUE.search(paragraph.masked, s, e) \
        and not names_someone(paragraph.masked, s, e) \
        and not _other_person_named(state, sent, last)


_PRONOUN_OPENING = re.compile(r"\s*(?:He|She)\b")
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def _other_person_named(state: ArticleState, sent: tuple[int, int], last: Unit) -> bool:
    """'Meanwhile Labour backbencher Stephen Pound compared the schemes to "a pile of
    pants"': a sentence naming another person by full name carries nobody's words on
    (unless it opens with he or she: 'He also cited the director's film ..., in which Kevin
    Spacey played ..., as proof of his "veritable artistic commitment"')."""
    if _PRONOUN_OPENING.match(state.paragraph.masked, sent[0], sent[1]):
        return False
    for m in _FULL_NAME.finditer(state.paragraph.masked, *sent):
        other = state.people.find(m.group())
        if other is not None and other.kind == "person" and other is not last.entity \
                and len(other.canonical().split()) > 1:
            return True
    return False


_MODAL_PRONOUN = re.compile(r"\s*(?:(?:(?:Then|And|But|Also),?\s+(?:(he|she)|it|they|there))"
                            r"|(He|She)|It|They|There|Nor)\s+(?:would|could|should|might)\b")


def carries_modal(state: ArticleState, sent: tuple[int, int]) -> bool:
    """'He explained that his firm is going to export building materials ... Then, he
    would like to diversify to other areas': a "he/she would" sentence right after that
    person's reported statement in the same paragraph goes on reporting it; so does a
    backshifted "it/they/there would" or "Nor would" ('Ms Milanesi said more models would
    likely be released ... But they would be more likely to compete ...')."""
    s, e = sent
    last, paragraph = state.last, state.paragraph
    m = _MODAL_PRONOUN.match(paragraph.masked, s, e)
    if m is None or last is None or not state.units or state.units[-1] is not last \
            or last.passage != paragraph.index or last.kind != "reported" \
            or last.entity is None or last.entity.kind != "person":
        return False
    pronoun = (m.group(1) or m.group(2) or "").lower()
    if not pronoun:  # "It would become easier ...", "Nor would ...": backshifted, the report
        return not CUE.search(paragraph.masked, s, e)
    gender = "male" if pronoun == "he" else "female"
    return last.entity.gender in (None, gender) and not CUE.search(paragraph.masked, s, e)


def continues_list(state: ArticleState, sent: tuple[int, int]) -> bool:
    """"The ODPM data showed the average house price was £192,713 in England; / £139,544
    in Wales; / ...": the splitter cut a statement's list at its semicolons; a piece with
    no verb of its own right after a statement ending in ";" goes on with it."""
    s, e = sent
    last, paragraph = state.last, state.paragraph
    if last is None or not state.units or state.units[-1] is not last \
            or last.passage != paragraph.index or last.kind is None:
        return False
    return paragraph.text[last.start:last.end].rstrip().endswith(";") \
        and not CUE.search(paragraph.masked, s, e)


def fragment_kind(text: str) -> SpeechKind:
    """A carried fragment is direct when it is a colon and a whole quotation."""
    return "direct" if _COLON_QUOTE.search(text) and text.rstrip()[-1:] in "\"”" else "reported"


def _reported_fragment(text: str, qspans: list[tuple[int, int]], sent: tuple[int, int]) -> bool:
    """A sentence that does not open with a quotation but quotes a short fragment."""
    s, e = sent
    if text[s:e].lstrip()[:1] in QUOTE_CHARS:
        return False
    first = text[s:e].split()[:1]
    if first and bare(first[0].strip(",")) in _PREPOSITIONS:
        return False  # 'Under Mr Brown's "sustainable investment" rule, ...': narration
    inside = [(qs, qe) for qs, qe in overlapping(qspans, s, e) if s <= qs and qe <= e]
    return bool(inside) and all(2 <= len(text[qs:qe].split()) <= 10 for qs, qe in inside)


def ends_open(text: str) -> bool:
    """Whether the paragraph ends inside a quotation never closed."""
    spans = quote_spans(text)
    return bool(spans) and spans[-1][1] == len(text) and text.rstrip()[-1:] not in "”\""


def carry_back(units: list[Unit], paragraphs: list[str]) -> None:
    """A quote run whose attribution comes at its end ('"A. B. C," he said.'): the
    sentences of the run before the attribution are the speaker's too."""
    by_passage: dict[int, list[Unit]] = {}
    for u in units:
        by_passage.setdefault(u.passage, []).append(u)
    for p, group in by_passage.items():
        text = paragraphs[p]
        # A paragraph's units follow each other without overlapping: found by bisection,
        # so that a long paragraph does not cost its runs times its units.
        starts = [u.start for u in group]
        for rs, rend in quote_runs(quote_spans(text)):
            if text[max(rs, rend - 3):rend - 1].strip()[-1:] not in (",", "?", "!"):
                continue  # the run does not end in '," he said'
            first = bisect.bisect_right(starts, rs)
            owner = next((k for k in range(first, bisect.bisect_left(starts, rend))
                          if group[k].kind == "direct" and rend <= group[k].end + 1), None)
            if owner is None:
                continue
            for u in group[bisect.bisect_left(starts, rs - 1):owner]:
                if (u.kind is None or u.carried) and u.end > rs and u.start < rend:
                    u.take_speaker(group[owner])
                    u.kind = "direct"
