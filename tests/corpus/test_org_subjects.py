"""The organisation the narration last had as its subject is what an "it" with nobody else
to stand for is (corpus/attribution/org_subjects.py): its two reaches, each with real prose
and with prose where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import speakers


@pytest.mark.parametrize("paragraphs, expected", [
    # politics/179: the next sentence's opening "it", a verb after the name
    (["Hunt supporters have vowed to fight on.",
      "At the Court of Appeal on Wednesday, the Countryside Alliance failed in its attempt "
      "to have the Hunting Act ruled invalid. But it says the ban is unenforceable because "
      "the law is unclear and impossible to police."], "Countryside Alliance"),
    # business/220: nobody speaking since, a paragraph later
    (["Standard Life is the latest shareholder in Deutsche Boerse to express concern at "
      "the German stock market operator's plans.",
      "It said Deutsche Boerse had to show why its planned offer was good for shareholder "
      "value."], "Standard Life"),
    # a thing named since ends the first reach
    (["The Home Office has drawn up new powers. The Prevention of Terrorism Bill was "
      "published on Tuesday.",
      'It proposes "control orders" for suspects.'], None),
    # an "it" of a later clause is that clause's own subject's
    (["General Motors has cut its forecast.",
      "Even sports car maker Porsche may join the race, although it insists it is still "
      "considering the plan."], None),
])
def test_it_is_the_organisation_the_narration_had_as_its_subject(
        paragraphs: list[str], expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected
