"""Case restoration and casing augmentation for NER training data.

NERP is Indonesian news, but lowercased; real input is cased. :func:`restore_case` turns a
lowercased sentence back into plausibly cased text: tokens inside entity spans are capitalised
(or written the way they are usually written, e.g. ``KPK``), the sentence start is capitalised,
and every other token takes the form it most often has in cased news (``CaseTable``, counted at
training time from cased corpora such as nlp-id's kumparan POS data).

:func:`change_case` makes lowercased, upper-cased and title-cased copies of cased sentences, so the
model also copes with headlines, all-caps text and lowercased input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

#: Lowercase words that stay lowercase inside a name (``Bea dan Cukai``, ``Ludwig van Beethoven``)
#: unless they start it.
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "dan",
        "di",
        "dari",
        "ke",
        "untuk",
        "atas",
        "bin",
        "binti",
        "van",
        "von",
        "der",
        "de",
        "da",
        "la",
        "of",
        "the",
        "and",
        "for",
        "yang",
        "&",
    }
)


class CaseTable:
    """How often each lowercased word is written in each form, counted from cased text.

    Sentence-initial tokens are skipped (their capital says nothing about the word).
    """

    def __init__(self) -> None:
        self.forms: dict[str, Counter[str]] = {}

    @classmethod
    def from_sentences(cls, sentences: Iterable[list[str]]) -> CaseTable:
        """Count the written forms of every non-initial token of ``sentences``."""
        table = cls()
        for words in sentences:
            for word in words[1:]:
                if any(char.isalpha() for char in word):
                    table.forms.setdefault(word.lower(), Counter())[word] += 1
        return table

    def usual_form(self, word: str, min_share: float = 0.5) -> str | None:
        """The form of ``word`` seen in more than ``min_share`` of its occurrences, if any."""
        counts = self.forms.get(word.lower())
        if not counts:
            return None
        form, count = counts.most_common(1)[0]
        return form if count > min_share * sum(counts.values()) else None

    def __len__(self) -> int:
        return len(self.forms)


def capitalise(word: str) -> str:
    """Upper-case the first letter of ``word`` (``"jakarta"`` -> ``"Jakarta"``; ``"e-ktp"`` ->
    ``"E-ktp"``), leaving the rest as it is."""
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + char.upper() + word[index + 1 :]
    return word


def restore_case(words: list[str], tags: list[str], table: CaseTable) -> list[str]:
    """Return cased copies of lowercased ``words`` given their BIO ``tags``.

    * inside an entity: the usual form if it has capitals (``kpk`` -> ``KPK``), else the word
      capitalised; particles like ``dan``/``van`` stay lowercase unless they start the entity;
    * outside entities: the usual form in cased text, if there is a clear one, else unchanged;
    * the first word with a letter is capitalised.
    """
    restored: list[str] = []
    for word, tag in zip(words, tags, strict=True):
        usual = table.usual_form(word)
        if tag != "O":
            starts_entity = tag.startswith("B-")
            if usual is not None and usual != usual.lower():
                restored.append(usual)
            elif not starts_entity and word.lower() in NAME_PARTICLES:
                restored.append(word)
            else:
                restored.append(capitalise(word))
        else:
            restored.append(usual if usual is not None else word)
    for index, word in enumerate(restored):
        if any(char.isalpha() for char in word):
            restored[index] = capitalise(word)
            break
    return restored


def change_case(words: list[str], mode: str) -> list[str]:
    """Return ``words`` lowercased (``"lower"``), upper-cased (``"upper"``) or title-cased
    (``"title"``: every word capitalised, as in English-style headlines)."""
    if mode == "lower":
        return [word.lower() for word in words]
    if mode == "upper":
        return [word.upper() for word in words]
    if mode == "title":
        return [capitalise(word) for word in words]
    raise ValueError(f"unknown casing mode {mode!r} (expected lower, upper or title)")
