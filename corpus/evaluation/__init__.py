"""Evaluation of the attributor against gold: who said each sentence, and how.

Gold annotations live in `tests/corpus/gold/*.json` (one file per article; see
docs/attribution-eval.md). `gold` loads them, `scoring` compares an attributed `Article`
with them, `baseline` is a naive cue-word attributor to compare against, and `runner` ties
these together for `parley eval attribution`.

May import: the standard library and `corpus` (never `retrieval` or `bot`). Nothing
imports this package but the `eval` command and its tests.
"""
