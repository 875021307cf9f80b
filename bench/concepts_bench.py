"""Precision and recall of key-concept extraction on a hand-written test set.

    python bench/concepts_bench.py [--gold FILE] [--corpora dev|test|all] [--max-list N]

The gold set (``bench/data/concepts_gold.jsonl``, one document a line) holds short Indonesian
news-style documents written for this benchmark, grouped into small single-topic ``corpus``
groups (concept ranking is corpus-wide). Each document lists:

* ``concepts``: the key concepts a reader would pick, lower case, as written in the text: the
  noun phrases that carry the story ("suku bunga acuan", "usaha mikro, kecil dan menengah",
  "pupuk bersubsidi"), single words included when the word itself is the topic ("deforestasi",
  "tuberkulosis"); never named entities, people's roles, time expressions or quantities;
* ``aliases`` (optional): other names the text gives a concept, an abbreviation or a foreign
  gloss ({"usaha mikro, kecil dan menengah": ["umkm"]}); finding any form finds the concept;
* ``not_concepts``: generic phrases that occur in the text and must not become concepts
  ("hal tersebut", "waktu dekat", "kesempatan ini", "pihak terkait").

The benchmark runs the real pipeline corpus by corpus, as ``jalin build`` does:
:func:`graph.load_pipeline`, :func:`graph.workflow.extract_corpus` on
:class:`graph.records.Document` objects (not cleaned: the texts are clean already),
:func:`graph.concepts.refine_concept_mentions`, :func:`graph.resolve.resolve` with the built-in
alias table, and :func:`graph.concepts.select_concepts` with the build's default limit
(:data:`graph.workflow.DEFAULT_MAX_CONCEPTS`). Phrases are compared after :func:`normalise` (lower
case, whitespace squashed, glosses dropped with :func:`graph.concepts.concept_text` and the
corpus's gloss table). Scores:

(a) **candidates**, per document: the document's CONCEPT mentions as a set of phrases against its
    gold concepts, micro-averaged. "raw" is the spaCy component's output, "refined" the same after
    the corpus-wide nested-phrase refinement (what resolution sees). A predicted phrase is right
    when it is a form of a gold concept; a gold concept is found when one of its forms is predicted.
(b) **selected**, per corpus: the CONCEPT nodes kept by selection (label and aliases) against the
    union of the corpus's gold concepts. ``R>=2`` is recall over the gold concepts a corpus names at
    least twice, the most that ``select_concepts(min_mentions=2)`` can reach.
(c) **generic slips**: ``not_concepts`` found among the candidates / selected nodes; ``exact`` when
    the phrase itself is predicted, ``inside`` when a predicted phrase contains it.

The corpora are split in two halves (:data:`SPLITS`): rules are tuned by looking at the errors of
``dev`` only, and ``test`` is run only to measure, so its figure is not fitted to the gold set.

Misses and false positives are listed per corpus and counted by kind (one word, predicted phrase
too long or too short, unrelated) so the error analysis can be read off. Everything is sorted, so
two runs print the same thing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parent / "data" / "concepts_gold.jsonl"
MIN_DOCS_PER_CORPUS = 5
SPLITS: dict[str, frozenset[str]] = {
    "dev": frozenset({"ekonomi", "kesehatan", "lingkungan", "hukum", "energi"}),
    "test": frozenset({"ekonomi-digital", "pendidikan", "transportasi", "pertanian", "pemilu"}),
}
"""Tuning (``dev``) and held-out (``test``) corpora of the gold set; ``all`` is both and more."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold document: its text, corpus and the concepts a reader picks."""

    id: str
    corpus: str
    title: str
    date: str
    text: str
    concepts: tuple[str, ...]
    not_concepts: tuple[str, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Counts:
    """Micro-averaged counts: right predictions of all predictions, found gold of all gold."""

    pred_right: int = 0
    pred: int = 0
    gold_found: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        """Add another set of counts to this one."""
        self.pred_right += other.pred_right
        self.pred += other.pred
        self.gold_found += other.gold_found
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.pred_right / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Matched:
    """The outcome of comparing predicted phrases with gold concepts."""

    counts: Counts
    false_positives: list[str]
    misses: list[str]


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read the gold JSONL file."""
    docs: list[GoldDocument] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            docs.append(GoldDocument(
                id=row["id"], corpus=row["corpus"], title=row.get("title", ""),
                date=row.get("date", ""), text=row["text"], concepts=tuple(row["concepts"]),
                not_concepts=tuple(row.get("not_concepts", ())),
                aliases={k: tuple(v) for k, v in row.get("aliases", {}).items()}))
    return docs


def normalise(text: str, glosses: Mapping[str, str] | None = None) -> str:
    """A phrase as compared: glosses dropped, lower case, whitespace squashed.

    >>> normalise("Peta  jalan (roadmap) E-Commerce")
    'peta jalan e-commerce'
    >>> normalise("startup", {"startup": "perusahaan rintisan"})
    'perusahaan rintisan'
    """
    from graph.concepts import concept_text

    squashed = " ".join(text.split())
    return " ".join(concept_text(squashed, glosses or {}).lower().split())


def occurs(phrase: str, text: str) -> int:
    """How many times ``phrase`` occurs in ``text`` as whole words, ignoring case.

    >>> occurs("batu bara", "Batu bara dan batu baranya; batu bara.")
    2
    """
    pattern = rf"(?<!\w){re.escape(' '.join(phrase.lower().split()))}(?!\w)"
    return len(re.findall(pattern, " ".join(text.lower().split())))


def contains(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is a run of whole words inside ``longer`` (and not equal to it).

    >>> contains("stabilitas nilai tukar rupiah", "nilai tukar rupiah")
    True
    >>> contains("nilai tukar", "nilai tukar"), contains("tukar rupiah", "kar rupiah")
    (False, False)
    """
    return longer != shorter and f" {shorter} " in f" {longer} "


def extra_side(longer: str, shorter: str) -> str:
    """Where ``longer`` has words ``shorter`` lacks: ``front``, ``end`` or ``both``.

    >>> extra_side("kenaikan harga beras", "harga beras"), extra_side("guru honorer tahun",
    ...                                                                "guru honorer")
    ('front', 'end')
    """
    if f" {longer} ".endswith(f" {shorter} "):
        return "front"
    if f" {longer} ".startswith(f" {shorter} "):
        return "end"
    return "both"


def gold_forms(doc: GoldDocument,
               glosses: Mapping[str, str] | None = None) -> dict[str, frozenset[str]]:
    """Each gold concept of ``doc`` (normalised) -> all its normalised forms (itself, aliases)."""
    forms: dict[str, frozenset[str]] = {}
    for concept in doc.concepts:
        key = normalise(concept, glosses)
        names = {key} | {normalise(a, glosses) for a in doc.aliases.get(concept, ())}
        forms[key] = forms.get(key, frozenset()) | frozenset(names)
    return forms


def match(predicted: Iterable[str], gold: Mapping[str, Iterable[str]]) -> Matched:
    """Score a set of predicted phrases against gold concepts given with their forms.

    Both sides must be normalised already. A prediction is right when it is a form of some gold
    concept; a gold concept is found when any of its forms is predicted.

    >>> m = match({"umkm", "hal tersebut"}, {"usaha kecil": {"usaha kecil", "umkm"}})
    >>> (m.counts.pred_right, m.counts.pred, m.counts.gold_found, m.counts.gold)
    (1, 2, 1, 1)
    >>> m.false_positives, m.misses
    (['hal tersebut'], [])
    """
    pred = set(predicted)
    all_forms = {f for forms in gold.values() for f in forms}
    right = pred & all_forms
    found = {g for g, forms in gold.items() if pred & set(forms)}
    counts = Counts(len(right), len(pred), len(found), len(gold))
    return Matched(counts, sorted(pred - right), sorted(set(gold) - found))


def generic_slips(predicted: Iterable[str], generic: Iterable[str]) -> tuple[list[str], list[str]]:
    """The generic phrases predicted as such (exact) and those inside a predicted phrase.

    >>> generic_slips({"hal tersebut", "dampak waktu dekat ini"}, {"hal tersebut", "waktu dekat"})
    (['hal tersebut'], ['waktu dekat'])
    """
    pred = set(predicted)
    generic = set(generic)
    exact = sorted(generic & pred)
    inside = sorted(g for g in generic - pred if any(contains(p, g) for p in pred))
    return exact, inside


def miss_kind(miss: str, predicted: Iterable[str]) -> str:
    """Why a gold concept was missed: ``too-long`` (a prediction contains it, with the side of
    the extra words, see :func:`extra_side`), ``too-short`` (it contains a prediction),
    ``one-word`` or ``absent``.

    >>> miss_kind("nilai tukar rupiah", {"stabilitas nilai tukar rupiah"})
    'too-long (front)'
    >>> miss_kind("inflasi", set())
    'one-word'
    """
    pred = list(predicted)
    sides = sorted({extra_side(p, miss) for p in pred if contains(p, miss)})
    if sides:
        return f"too-long ({sides[0]})"
    if any(contains(miss, p) for p in pred):
        return "too-short"
    if len(miss.split()) == 1:
        return "one-word"
    return "absent"


def false_positive_kind(phrase: str, gold: Iterable[str], generic: Iterable[str]) -> str:
    """What a wrong prediction is: ``generic`` (a not-concept or holding one), ``contains-gold``,
    ``inside-gold`` or ``other``.

    >>> false_positive_kind("stabilitas nilai tukar rupiah", {"nilai tukar rupiah"}, set())
    'contains-gold (front)'
    """
    generic = set(generic)
    if phrase in generic or any(contains(phrase, g) for g in generic):
        return "generic"
    gold = list(gold)
    sides = sorted({extra_side(phrase, g) for g in gold if contains(phrase, g)})
    if sides:
        return f"contains-gold ({sides[0]})"
    if any(contains(g, phrase) for g in gold):
        return "inside-gold"
    return "other"


# ---------------------------------------------------------------------------------------------
# running the pipeline


def _ensure_importable() -> None:
    """Let ``python bench/concepts_bench.py`` run from a checkout without installing."""
    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)


@dataclass
class CorpusRun:
    """What the pipeline predicted for one corpus."""

    name: str
    docs: list[GoldDocument]
    glosses: dict[str, str]
    raw: dict[str, set[str]]
    refined: dict[str, set[str]]
    nodes: list[tuple[str, frozenset[str]]]
    """Selected CONCEPT nodes: (normalised label, all normalised forms)."""


def run_corpus(name: str, docs: Sequence[GoldDocument], nlp: object) -> CorpusRun:
    """Extract, refine, resolve and select the concepts of one corpus, as a build does."""
    from graph.aliases import load_aliases
    from graph.concepts import gloss_table, refine_concept_mentions, select_concepts
    from graph.records import CONCEPT, Document
    from graph.resolve import resolve
    from graph.workflow import DEFAULT_MAX_CONCEPTS, extract_corpus

    documents = [Document(id=d.id, path=f"{d.id}.txt", text=d.text, title=d.title,
                          date=d.date or None) for d in docs]
    mentions = list(extract_corpus(documents, nlp))  # type: ignore[arg-type]
    glosses = gloss_table(mentions)

    def phrases(dms: Iterable) -> dict[str, set[str]]:
        return {dm.doc.id: {normalise(m.text, glosses) for m in dm.mentions if m.label == CONCEPT}
                for dm in dms}

    refined = refine_concept_mentions(mentions, glosses)
    resolution = resolve(refined, aliases=load_aliases(None))
    selected = select_concepts(resolution, DEFAULT_MAX_CONCEPTS)
    nodes = sorted((normalise(e.label, glosses),
                    frozenset(normalise(a, glosses) for a in (e.label, *e.aliases)))
                   for e in selected.entities.values() if e.type == CONCEPT)
    return CorpusRun(name, list(docs), glosses, phrases(mentions), phrases(refined), nodes)


@dataclass
class CorpusScore:
    """All scores of one corpus."""

    name: str
    docs: int
    raw: Counts
    refined: Counts
    selected: Counts
    reachable: Counts
    slips_candidates: tuple[int, int]
    slips_selected: tuple[int, int]
    candidate_fps: list[tuple[str, str]]  # (doc id, phrase)
    candidate_misses: list[tuple[str, str]]
    selected_fps: list[str]
    selected_misses: list[str]
    miss_kinds: Counter[str]
    fp_kinds: Counter[str]


def score_selected(docs: Sequence[GoldDocument], nodes: Sequence[tuple[str, frozenset[str]]],
                   glosses: Mapping[str, str] | None = None,
                   min_mentions: int = 1) -> tuple[Counts, list[str], list[str]]:
    """Selected nodes against the union of the corpus's gold concepts.

    Only gold concepts whose forms occur ``min_mentions`` times or more in the corpus count.
    Returns the counts, the wrong nodes' labels and the missed gold concepts.
    """
    union: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for key, forms in gold_forms(doc, glosses).items():
            union[key] |= forms
    if min_mentions > 1:
        union = defaultdict(set, {k: f for k, f in union.items()
                                  if sum(occurs(x, d.text) for x in f for d in docs)
                                  >= min_mentions})
    all_forms = {f for forms in union.values() for f in forms}
    wrong = sorted(label for label, forms in nodes if not forms & all_forms)
    node_forms = {f for _, forms in nodes for f in forms}
    missed = sorted(k for k, forms in union.items() if not forms & node_forms)
    counts = Counts(len(nodes) - len(wrong), len(nodes), len(union) - len(missed), len(union))
    return counts, wrong, missed


def score_corpus(run: CorpusRun) -> CorpusScore:
    """Score one corpus run at the candidate and the selected level."""
    raw, refined = Counts(), Counts()
    fps: list[tuple[str, str]] = []
    misses: list[tuple[str, str]] = []
    miss_kinds: Counter[str] = Counter()
    fp_kinds: Counter[str] = Counter()
    slip_exact = slip_inside = 0
    for doc in run.docs:
        gold = gold_forms(doc, run.glosses)
        raw.add(match(run.raw[doc.id], gold).counts)
        predicted = run.refined[doc.id]
        m = match(predicted, gold)
        refined.add(m.counts)
        generic = {normalise(g, run.glosses) for g in doc.not_concepts}
        gold_all = {f for forms in gold.values() for f in forms}
        for phrase in m.false_positives:
            kind = false_positive_kind(phrase, gold_all, generic)
            fp_kinds[kind] += 1
            fps.append((doc.id, phrase))
        for phrase in m.misses:
            miss_kinds[miss_kind(phrase, predicted)] += 1
            misses.append((doc.id, phrase))
        exact, inside = generic_slips(predicted, generic)
        slip_exact += len(exact)
        slip_inside += len(inside)
    selected, sel_fps, sel_misses = score_selected(run.docs, run.nodes, run.glosses)
    reachable, _, _ = score_selected(run.docs, run.nodes, run.glosses, min_mentions=2)
    generic_union = {normalise(g, run.glosses) for d in run.docs for g in d.not_concepts}
    exact, inside = generic_slips({f for _, forms in run.nodes for f in forms}, generic_union)
    return CorpusScore(run.name, len(run.docs), raw, refined, selected, reachable,
                       (slip_exact, slip_inside), (len(exact), len(inside)), fps, misses,
                       sel_fps, sel_misses, miss_kinds, fp_kinds)


def _ratio(num: int, den: int) -> str:
    return f"{num / den:5.2f}" if den else "    -"


def _selected(s: Counts, reachable: Counts) -> str:
    return (f"{s.pred:>5} {_ratio(s.pred_right, s.pred)} {_ratio(s.gold_found, s.gold)} "
            f"{_ratio(reachable.gold_found, reachable.gold)}")


def _prf(c: Counts) -> str:
    return f"{c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f}"


def _listing(items: Sequence[str], limit: int) -> str:
    shown = ", ".join(items[:limit])
    more = len(items) - limit
    return shown + (f", ... (+{more})" if more > 0 else "") if items else "-"


def format_report(scores: Sequence[CorpusScore], *, limit: int = 40) -> str:
    """The printed benchmark: per-corpus table, totals, error kinds and lists."""
    raw, refined, selected, reachable = Counts(), Counts(), Counts(), Counts()
    slips = [0, 0, 0, 0]
    miss_kinds: Counter[str] = Counter()
    fp_kinds: Counter[str] = Counter()
    head = (f"{'corpus':<16}{'docs':>5}{'gold':>5} | {'raw P':>5} {'R':>5} {'F1':>5} | "
            f"{'ref P':>5} {'R':>5} {'F1':>5} | {'nodes':>5} {'sel P':>5} {'R':>5} {'R>=2':>5} | "
            f"{'slips cand':>10} {'sel':>5}")
    lines = ["candidates per document (raw / refined), selected CONCEPT nodes per corpus",
             head, "-" * len(head)]
    for s in scores:
        lines.append(
            f"{s.name:<16}{s.docs:>5}{s.refined.gold:>5} | {_prf(s.raw)} | {_prf(s.refined)} | "
            f"{_selected(s.selected, s.reachable)} | "
            f"{s.slips_candidates[0]:>4}/{s.slips_candidates[1]:<5} "
            f"{s.slips_selected[0]:>2}/{s.slips_selected[1]:<2}")
        raw.add(s.raw)
        refined.add(s.refined)
        selected.add(s.selected)
        reachable.add(s.reachable)
        slips = [slips[0] + s.slips_candidates[0], slips[1] + s.slips_candidates[1],
                 slips[2] + s.slips_selected[0], slips[3] + s.slips_selected[1]]
        miss_kinds.update(s.miss_kinds)
        fp_kinds.update(s.fp_kinds)
    lines.append("-" * len(head))
    docs = sum(s.docs for s in scores)
    lines.append(
        f"{'ALL (micro)':<16}{docs:>5}{refined.gold:>5} | {_prf(raw)} | {_prf(refined)} | "
        f"{_selected(selected, reachable)} | {slips[0]:>4}/{slips[1]:<5} "
        f"{slips[2]:>2}/{slips[3]:<2}")
    lines.append(
        f"candidates (refined): {refined.pred_right}/{refined.pred} predicted right, "
        f"{refined.gold_found}/{refined.gold} gold found; selected: {selected.pred_right}/"
        f"{selected.pred} nodes right, {selected.gold_found}/{selected.gold} gold concepts "
        f"({reachable.gold_found}/{reachable.gold} of those named >= 2 times)")
    lines.append("slips: exact/inside (a not_concept predicted as is / inside a predicted phrase)")
    lines.append("misses by kind:          " + ", ".join(
        f"{k} {v}" for k, v in sorted(miss_kinds.items(), key=lambda kv: (-kv[1], kv[0]))))
    lines.append("false positives by kind: " + ", ".join(
        f"{k} {v}" for k, v in sorted(fp_kinds.items(), key=lambda kv: (-kv[1], kv[0]))))
    for s in scores:
        lines.append("")
        lines.append(f"== {s.name}")
        lines.append("  candidate FP:   " + _listing(
            [f"{p} [{d}]" for d, p in s.candidate_fps], limit))
        lines.append("  candidate miss: " + _listing(
            [f"{p} [{d}]" for d, p in s.candidate_misses], limit))
        lines.append("  selected FP:    " + _listing(s.selected_fps, limit))
        lines.append("  selected miss:  " + _listing(s.selected_misses, limit))
    return "\n".join(lines)


def corpora(docs: Iterable[GoldDocument]) -> dict[str, list[GoldDocument]]:
    """Gold documents grouped by corpus, in file order."""
    groups: dict[str, list[GoldDocument]] = {}
    for d in docs:
        groups.setdefault(d.corpus, []).append(d)
    return groups


def in_split(groups: Mapping[str, list[GoldDocument]],
             split: str) -> dict[str, list[GoldDocument]]:
    """The corpora of ``split`` (``dev``, ``test`` or ``all``), in file order.

    >>> sorted(in_split({"energi": [], "pemilu": []}, "dev"))
    ['energi']
    """
    if split == "all":
        return dict(groups)
    return {name: docs for name, docs in groups.items() if name in SPLITS[split]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold JSONL file")
    parser.add_argument("--corpora", choices=("dev", "test", "all"), default="all",
                        help="score the tuning corpora, the held-out ones or all (default)")
    parser.add_argument("--max-list", type=int, default=40, metavar="N",
                        help="list at most N false positives / misses per corpus and kind")
    args = parser.parse_args(argv)
    _ensure_importable()
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    groups = in_split(corpora(load_gold(args.gold)), args.corpora)
    scores = [score_corpus(run_corpus(name, docs, nlp)) for name, docs in groups.items()]
    print(format_report(scores, limit=args.max_list))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
