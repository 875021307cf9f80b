"""Pairwise precision and recall of entity resolution on a hand-labelled test set.

    python bench/resolution_bench.py [--gold FILE] [--no-resolve] [--max-list N]

The gold set (``bench/data/resolution_gold.jsonl``, one document a line) holds short Indonesian
news-style documents written for this benchmark, each with its entity mentions (character offsets
into ``text``), their type and a corpus-wide ``cluster`` id: mentions of one real-world thing share
a cluster, in one document or across documents. Every mention carries the ``rule`` it exercises
("partial-name", "definition", "alias", "role", "spelling", "trap-widodo", ...; "exact" for a
plain repeated name); ``ambiguous: true`` marks a mention that must stay apart from everything (a
bare surname two people in the document share, say), which is its own one-mention cluster.

The benchmark runs the real pipeline: :func:`graph.load_pipeline`, then
:func:`graph.workflow.extract_corpus` on :class:`graph.records.Document` objects made from the
gold documents (not cleaned, so offsets stay put), then :func:`graph.resolve.resolve` with the
built-in alias table, as ``jalin build`` does. A predicted mention is matched to a gold mention
when their character offsets are identical; resolution is judged on matched mentions only, and the
number the recogniser found is reported beside the scores. Over matched mentions:

* a pair is a *predicted merge* when both mentions got the same entity id (a mention that resolved
  to nothing is alone), a *gold merge* when both share a gold cluster;
* precision = correct merges / predicted merges, recall = correct merges / gold merges (1.0 when the
  denominator is 0).

The per-rule table counts a pair under the rules of its two mentions ("exact" only when both are
"exact"). ``--no-resolve`` runs the resolver with ``merge=False`` (exact strings only), the baseline
the rules are measured against. Everything is sorted, so two runs print the same thing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parent / "data" / "resolution_gold.jsonl"
GOLD_TYPES = ("PERSON", "ORG", "LOC", "EVENT")
EXACT = "exact"


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One labelled mention of the gold set."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    cluster: str
    rule: str = EXACT
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold document: its text, metadata and mentions."""

    id: str
    title: str
    date: str
    source: str
    text: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class Scored:
    """A gold mention matched to a predicted one: the gold side and the predicted entity."""

    gold: GoldMention
    entity: str
    entity_type: str = ""


@dataclass
class Counts:
    """Pair counts of one slice of the benchmark."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        """Correct merges over predicted merges (1.0 when nothing was merged)."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Correct merges over gold merges (1.0 when nothing should be merged)."""
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Pairwise scores overall, per rule and within/across documents, with the failed pairs."""

    overall: Counts = field(default_factory=Counts)
    by_rule: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_scope: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    false_merges: list[tuple[Scored, Scored]] = field(default_factory=list)
    missed_merges: list[tuple[Scored, Scored]] = field(default_factory=list)


class GoldError(ValueError):
    """The gold file is malformed."""


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read and check a gold file: offsets must match the text, ids and cluster types agree."""
    documents: list[GoldDocument] = []
    cluster_type: dict[str, str] = {}
    seen_ids: set[str] = set()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not JSON ({exc})") from None
        doc_id, text = record["id"], record["text"]
        if doc_id in seen_ids:
            raise GoldError(f"{where}: duplicate document id {doc_id!r}")
        seen_ids.add(doc_id)
        mentions = []
        for m in record["mentions"]:
            start, end = m["start"], m["end"]
            if not (0 <= start < end <= len(text)) or text[start:end] != m["text"]:
                raise GoldError(f"{where}: mention {m['text']!r} does not match text[{start}:{end}]"
                                f" = {text[start:end]!r}")
            if m["type"] not in GOLD_TYPES:
                raise GoldError(f"{where}: mention {m['text']!r} has type {m['type']!r}")
            if cluster_type.setdefault(m["cluster"], m["type"]) != m["type"]:
                raise GoldError(f"{where}: cluster {m['cluster']!r} has two types")
            mentions.append(GoldMention(doc_id, start, end, m["text"], m["type"], m["cluster"],
                                        m.get("rule", EXACT), bool(m.get("ambiguous", False))))
        documents.append(GoldDocument(doc_id, record.get("title", ""), record.get("date", ""),
                                      record.get("source", ""), text, tuple(mentions)))
    sizes = Counter(m.cluster for d in documents for m in d.mentions)
    for d in documents:
        for m in d.mentions:
            if m.ambiguous and sizes[m.cluster] != 1:
                raise GoldError(f"{path}: ambiguous mention {m.text!r} in {d.id} shares its "
                                f"cluster {m.cluster!r}")
    return documents


def pair_rules(a: GoldMention, b: GoldMention) -> set[str]:
    """The rules a pair of mentions counts under: both mentions' rules, or "exact"."""
    rules = {a.rule, b.rule} - {EXACT}
    return rules or {EXACT}


def score(items: Sequence[Scored]) -> Report:
    """Pairwise precision/recall of merges over matched mentions (see the module docstring)."""
    report = Report()
    ordered = sorted(items, key=lambda s: (s.gold.doc_id, s.gold.start, s.gold.end))
    for a, b in combinations(ordered, 2):
        gold = a.gold.cluster == b.gold.cluster
        predicted = a.entity == b.entity
        if not gold and not predicted:
            continue
        scope = "within-doc" if a.gold.doc_id == b.gold.doc_id else "cross-doc"
        slices = [report.overall, report.by_scope[scope]]
        slices += [report.by_rule[r] for r in sorted(pair_rules(a.gold, b.gold))]
        for counts in slices:
            counts.gold += gold
            counts.predicted += predicted
            counts.correct += gold and predicted
        if predicted and not gold:
            report.false_merges.append((a, b))
        elif gold and not predicted:
            report.missed_merges.append((a, b))
    return report


def _ensure_importable() -> None:
    """Let ``python bench/resolution_bench.py`` run from a checkout without installing."""
    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)


def predict(documents: Sequence[GoldDocument], *, resolve_names: bool = True,
            batch_size: int = 16) -> tuple[list[Scored], dict[tuple[str, int, int], str]]:
    """Run the real pipeline and resolver; return matched mentions and every predicted span.

    The second value maps ``(doc_id, start, end)`` of each predicted entity mention to its label,
    for reporting what the recogniser found.
    """
    _ensure_importable()
    from graph.aliases import load_aliases
    from graph.concepts import refine_concept_mentions
    from graph.nlp.pipeline import load_pipeline
    from graph.records import Document
    from graph.resolve import resolve
    from graph.workflow import extract_corpus

    nlp = load_pipeline()
    docs = [Document(id=d.id, path=f"{d.id}.txt", text=d.text, title=d.title, source=d.source,
                     date=d.date or None) for d in documents]
    doc_mentions = list(extract_corpus(docs, nlp, batch_size=batch_size))
    if resolve_names:
        doc_mentions = refine_concept_mentions(doc_mentions)
    resolution = resolve(doc_mentions, aliases=load_aliases(), merge=resolve_names)
    spans: dict[tuple[str, int, int], tuple[str, str]] = {}
    labels: dict[tuple[str, int, int], str] = {}
    for dm in doc_mentions:
        for index, m in enumerate(dm.mentions):
            entity = resolution.mention_entity.get((dm.doc.id, index))
            key = (dm.doc.id, m.start, m.end)
            if entity is None:
                entity = f"(unresolved {dm.doc.id}:{m.start})"
                kind = ""
            else:
                kind = resolution.entities[entity].type if entity in resolution.entities else ""
            spans[key] = (entity, kind)
            labels[key] = m.label
    matched = [Scored(m, *spans[(d.id, m.start, m.end)]) for d in documents for m in d.mentions
               if (d.id, m.start, m.end) in spans]
    return matched, labels


def _rule_table(documents: Sequence[GoldDocument], matched: Sequence[Scored],
                report: Report) -> list[str]:
    total = Counter(m.rule for d in documents for m in d.mentions)
    found = Counter(s.gold.rule for s in matched)
    typed = Counter(s.gold.rule for s in matched if s.entity_type == s.gold.type)
    rules = sorted(set(total) | set(report.by_rule), key=lambda r: (r != EXACT, r))
    lines = [f"{'rule':<20}{'mentions':>9}{'found':>7}{'type ok':>8}{'gold':>7}{'pred':>7}"
             f"{'ok':>6}{'P':>7}{'R':>7}"]
    for rule in rules:
        c = report.by_rule.get(rule, Counts())
        lines.append(f"{rule:<20}{total[rule]:>9}{found[rule]:>7}{typed[rule]:>8}{c.gold:>7}"
                     f"{c.predicted:>7}{c.correct:>6}{c.precision:>7.3f}{c.recall:>7.3f}")
    return lines


def _describe(s: Scored) -> str:
    return f"{s.gold.text!r}@{s.gold.doc_id}"


def _group_failures(documents: Sequence[GoldDocument], report: Report, matched: Sequence[Scored],
                    limit: int) -> list[str]:
    """False merges grouped by predicted entity, missed merges grouped by gold cluster.

    A split cluster also lists its gold mentions the recogniser did not find in the documents
    involved: a partial name whose full name went unfound cannot be joined by any resolver.
    """
    lines: list[str] = []
    found = {(s.gold.doc_id, s.gold.start, s.gold.end) for s in matched}
    by_entity: dict[str, list[Scored]] = defaultdict(list)
    by_cluster: dict[str, list[Scored]] = defaultdict(list)
    for s in matched:
        by_entity[s.entity].append(s)
        by_cluster[s.gold.cluster].append(s)
    wrong_entities = sorted({a.entity for a, _ in report.false_merges})
    lines.append(f"FALSE MERGES ({len(report.false_merges)} pairs, {len(wrong_entities)} entities "
                 "mixing gold clusters):")
    for entity in wrong_entities[:limit]:
        parts: dict[str, list[Scored]] = defaultdict(list)
        for s in by_entity[entity]:
            parts[s.gold.cluster].append(s)
        shown = " + ".join(f"{cluster} {{{', '.join(_describe(s) for s in members)}}}"
                           for cluster, members in sorted(parts.items()))
        lines.append(f"  {entity}: {shown}")
    if len(wrong_entities) > limit:
        lines.append(f"  ... {len(wrong_entities) - limit} more")
    split_clusters = sorted({a.gold.cluster for a, _ in report.missed_merges})
    lines.append(f"MISSED MERGES ({len(report.missed_merges)} pairs, {len(split_clusters)} gold "
                 "clusters split):")
    for cluster in split_clusters[:limit]:
        parts = defaultdict(list)
        for s in by_cluster[cluster]:
            parts[s.entity].append(s)
        shown = " | ".join(f"{{{', '.join(f'{_describe(s)}[{s.gold.rule}]' for s in members)}}}"
                           for _, members in sorted(parts.items()))
        docs = {s.gold.doc_id for s in by_cluster[cluster]}
        lost = [f"{m.text!r}@{d.id}" for d in documents if d.id in docs for m in d.mentions
                if m.cluster == cluster and (d.id, m.start, m.end) not in found]
        if lost:
            shown += f"   (not found: {', '.join(lost)})"
        lines.append(f"  {cluster}: {shown}")
    if len(split_clusters) > limit:
        lines.append(f"  ... {len(split_clusters) - limit} more")
    return lines


def format_report(documents: Sequence[GoldDocument], matched: Sequence[Scored], report: Report,
                  *, title: str, limit: int) -> str:
    """The printed benchmark: counts, overall and per-rule scores, failures."""
    mentions = [m for d in documents for m in d.mentions]
    clusters = Counter(m.cluster for m in mentions)
    o = report.overall
    typed = sum(s.entity_type == s.gold.type for s in matched)
    lines = [
        f"resolution benchmark ({title})",
        f"gold: {len(documents)} documents, {len(mentions)} mentions, {len(clusters)} clusters "
        f"({sum(n >= 2 for n in clusters.values())} with 2+ mentions, "
        f"{sum(len({m.doc_id for m in mentions if m.cluster == c}) >= 2 for c in clusters)} "
        "across documents)",
        f"found by the recogniser (exact offsets): {len(matched)}/{len(mentions)} "
        f"({len(matched) / max(1, len(mentions)):.1%}); entity type right: {typed}/{len(matched)}",
        f"pairwise merges: gold {o.gold}, predicted {o.predicted}, correct {o.correct}",
        f"PRECISION {o.precision:.3f}  RECALL {o.recall:.3f}  F1 {o.f1:.3f}"
        "   (goal: P >= 0.97, R >= 0.90)",
    ]
    for scope in ("within-doc", "cross-doc"):
        c = report.by_scope.get(scope, Counts())
        lines.append(f"  {scope:<11} gold {c.gold:>5}  pred {c.predicted:>5}  ok {c.correct:>5}"
                     f"  P {c.precision:.3f}  R {c.recall:.3f}")
    lines.append("")
    lines += _rule_table(documents, matched, report)
    lines.append("")
    lines += _group_failures(documents, report, matched, limit)
    return "\n".join(lines)


def unmatched(documents: Iterable[GoldDocument], matched: Sequence[Scored],
              labels: dict[tuple[str, int, int], str]) -> list[str]:
    """Gold mentions the recogniser missed, with what it predicted overlapping them."""
    hit = {(s.gold.doc_id, s.gold.start, s.gold.end) for s in matched}
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (doc_id, start, end), label in labels.items():
        by_doc[doc_id].append((start, end, label))
    lines = []
    for d in documents:
        for m in d.mentions:
            if (d.id, m.start, m.end) in hit:
                continue
            near = [f"{d.text[s:e]!r}/{label}" for s, e, label in sorted(by_doc[d.id])
                    if s < m.end and m.start < e]
            lines.append(f"  {d.id} {m.text!r} [{m.rule}] -> {', '.join(near) or 'nothing'}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold JSONL file")
    parser.add_argument("--no-resolve", action="store_true",
                        help="exact strings only (resolve with merge=False), the baseline")
    parser.add_argument("--max-list", type=int, default=200,
                        help="at most this many failure groups of each kind (default 200)")
    parser.add_argument("--show-unfound", action="store_true",
                        help="also list the gold mentions the recogniser did not find")
    args = parser.parse_args(argv)
    documents = load_gold(args.gold)
    matched, labels = predict(documents, resolve_names=not args.no_resolve)
    report = score(matched)
    title = "--no-resolve: exact strings" if args.no_resolve else "resolve with built-in aliases"
    print(format_report(documents, matched, report, title=title, limit=args.max_list))
    if args.show_unfound:
        print("NOT FOUND BY THE RECOGNISER:")
        print("\n".join(unmatched(documents, matched, labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
