"""Scoring answers against question sets (`parley eval questions FILE`): the right passage,
the right speaker, and false claims, with plain rank-bm25 on the bare paragraphs beside it.

The sets are JSON lists in the format of `../shared/eval/README.md` (`dev_answers.json`,
`dev_questions.json`, and the held-out `tests/retrieval/answering/data/heldout_answers.json`).

May import: the standard library, rank-bm25, `corpus`, `retrieval` and `retrieval.answering`
(it asks questions as a user would). Nothing imports it but the `eval` command and its tests.
"""
