"""An article's `Date:` header as a date, when it can be read without guessing.

The header is free text (corpus/loader.py keeps it as written). Only unambiguous forms are
read: ISO dates and times ("2022-03-29", "2022-03-29T10:00:00Z"), e-mail dates ("Tue, 29 Mar
2022 10:00:00 +0000"), and a day, month name and year in either order ("29 March 2022",
"March 29, 2022", "Tuesday 29 March 2022"). "03/04/2022" could be either month, so it is not
read: an article with such a date is ordered with the undated ones, and said to be.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%B %Y", "%b %Y")


@lru_cache(maxsize=4096)
def parse_date(text: str | None) -> date | None:
    """The date a `Date:` header gives, or None when there is none or it is ambiguous."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if re.match(r"^[A-Za-z]{3},", raw):
        try:
            return parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
    plain = _WEEKDAY.sub("", raw)
    plain = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", plain)  # "29th March"
    plain = " ".join(plain.replace(",", " ").replace(".", " ").split())
    for fmt in _FORMATS:
        try:
            return datetime.strptime(plain, fmt).date()
        except ValueError:
            continue
    return None
