"""Rule-based speaker attribution: who says each sentence, directly or in reported speech.

The rules are general news-writing conventions, never facts about one article (the full
list, with the links made and refused, is in docs/attribution.md):
  - a reporting verb (said, told, blamed, criticised, "called for", ...; data/speech_verbs.tsv)
    with its subject before it ("Mr X has said"), after it ("..., said Mr X" when the name
    ends its clause), after "by" ("were urged by X", "backed by his predecessor, Lord Y"),
    "according to X", a relative clause ("Beijing, which described ...") or "what X calls";
  - appositions between subject and verb ("X, the minister, said", "The Minister, X, said",
    "X - a historian - said", "X, 32, from Leeds, said");
  - verbs that are speech only in context (attitude verbs need a content clause, "described"
    needs "as", "backed" the passive, "found" a survey or report);
  - quotations are masked first, so a name inside a quotation is never its speaker;
  - a sentence that reports two speakers ("A said ..., while B said ...") is cut in two; a
    subject straight after a speech verb is that speech's content, not a second act;
  - quote runs keep their speaker forwards and backwards ('"A. B," he said.'); a verbless
    sentence quoting a fragment right after a statement carries it on as reported speech;
  - he/she go to the person in focus (latest speaker or sentence subject) of the right
    gender, "he" opening a subordinate clause to the person named just before it; "it" to
    the last organisation speaking; "the minister" to the person holding that role, or to
    the person in focus when they have no role; a role-only lead is linked to the person
    named as speaking next when that person has no other role.

Modules, in reading order: `cues` (is this verb speech here?), `subject_words`,
`apposition` and `subjects` (who is its subject?), `acts` (the speech acts of a sentence),
`clauses` (cutting a sentence between two speakers), `state` (what reading an article has
found so far), `resolver`, `pronouns`, `focus` and `roles` (who a phrase is), `runs`
(quote runs), `article` (reading an article in order).

May import: the standard library and the rest of `corpus` (never `corpus.evaluation`,
`retrieval` or `bot`).
"""
from corpus.attribution.article import ArticleAttributor

__all__ = ["ArticleAttributor"]
