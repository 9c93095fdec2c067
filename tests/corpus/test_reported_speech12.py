"""Rules from the fourteenth round on unseen articles (issue 12, attr14), found from the
misses of the development gold sets. Each rule with real prose from the BBC folder (the
article named beside it) and with prose where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute


@pytest.mark.parametrize("paragraph, expected", [
    # business/043, business/353: the passive "reported/quoted as saying", subject before
    ("Women will be employed in Saudi Arabia's foreign ministry for the first time this "
     "year, Foreign Minister Prince Saud Al-Faisal has been reported as saying.",
     ("Saud Al-Faisal", "person", "reported")),
    ("The EU's Humanitarian Aid Commissioner, Louis Michel, was quoted as saying that it was "
     "key to bring aid \"in those vital hours and days immediately after the disaster\".",
     ("Louis Michel", "person", "reported")),
    # tech/029: after the quotation it passes on, direct (never the last speaker's)
    ("\"Of course they're going to unleash the WMDs,\" Mr Kapor is reported as saying.",
     ("Kapor", "person", "direct")),
    # business/043, business/455: the active "quoted X as saying" after its quotation is direct
    ("\"Our educational reforms have created a new generation of highly-educated Saudi "
     "women,\" Arab News quoted Prince Saud as saying.", ("Saud", "person", "direct")),
    ("\"We're going to have to get the lowest cost structure we can,\" the newspaper quoted "
     "Qantas chief executive Geoff Dixon as saying.", ("Geoff Dixon", "person", "direct")),
    # ... and reported when the content is a clause
    ("The paper quoted Mr Chernin as saying the deal was off.",
     ("Chernin", "person", "reported")),
    # no statement: a report that is no speech act of the one reported
    ("The match was reported as a draw by the local paper.", (None, None, None)),
])
def test_quoted_or_reported_as_saying(paragraph: str,
                                      expected: tuple[str | None, ...]) -> None:
    assert attribute(paragraph)[1] == expected
