"""How entity resolution (:func:`graph.resolve.resolve`) grows with the number of entities.

    python bench/resolve_scale.py [--entities 10000,50000,200000] [--docs-per-entity 1.0]
        [--mentions-per-doc 8] [--gloss-rate 0.1] [--profile] [--reference DIR [--reference-max N]]

For each size N the script invents a corpus of DocMentions (no NLP run) with N distinct entity
names and about ``N * docs-per-entity`` documents of ``mentions-per-doc`` name mentions each:

* names built from Indonesian-like syllables: people (one to three words), organisations ("PT ...",
  "Bank ...", some with an acronym defined in the text, "Badan X (BX)"), places, events and
  lower-case concepts (a share ``--gloss-rate`` of them with a foreign gloss, "peta jalan
  (roadmap)": the gloss table grows with the corpus, and every concept name is rewritten with
  it by :func:`graph.concepts.concept_text`; ``--gloss-rate 0`` leaves that cost out);
* Zipf-like frequencies (the entity of rank r is named in proportion to 1/r; each at least once);
* spelling variants of some people and organisations (a doubled or dropped letter, old spelling
  "oe"/"dj"), partial person names ("Widodo" after "Joko Widodo"), first words of organisation
  names ("Garuda" after "Garuda Indonesia");
* offices held by some people, with dates: their mentions carry the role, and bare ROLE mentions
  ("Gubernur Sumbar Raya") stand for the holder in and across documents.

Each size runs in its own process, so the peak memory (ru_maxrss) is that of one size. Printed per
size: entities, documents, mentions, seconds in ``resolve`` and seconds per 1,000 mentions (flat
when resolution is linear), the peak RSS and the RSS ``resolve`` added. ``--profile`` prints the
cProfile top functions of each size instead. ``--reference DIR`` also runs the resolver of
``DIR/resolve.py`` (with ``DIR/roles.py``), e.g. a copy of an earlier version, on the same corpus,
prints its time and whether both results are identical (up to ``--reference-max`` entities).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import importlib.util
import io
import itertools
import json
import pstats
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.records import Definition, DocMentions, Document, Mention  # noqa: E402

SYLLABLES = """ba be bi bo bu da de di do du ga gi go gu ha hi ja jo ju ka ke ki ko ku la le li lo
lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa we
wi wo ya yu an in un ar ir ur as is us am im um dar har jan kar man mar nan pan ran san tan wan
dri gus hen jok mad nur rud sur tri wid yan""".split()
ORG_HEADS = ["PT", "Bank", "Partai", "Universitas", "Yayasan", "Badan", "Komisi", "Grup", ""]
LOC_HEADS = ["Kabupaten", "Kota", "Provinsi", "", "", ""]
EVENT_HEADS = ["Festival", "Pekan", "Konferensi", "Kongres"]
OFFICES = ["Menteri {}", "Gubernur {}", "Bupati {}", "Wali Kota {}", "Direktur Utama {}",
           "Ketua {}", "Kepala Dinas {}", "Duta Besar untuk {}"]
GENERIC = ["pengamat ekonomi", "anggota DPR", "peneliti", "ekonom"]
TYPES = [("PERSON", 0.5), ("ORG", 0.25), ("LOC", 0.12), ("EVENT", 0.05), ("CONCEPT", 0.08)]


def _word(rng: random.Random, low: int = 2, high: int = 4) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def _variant(rng: random.Random, name: str) -> str:
    """A misspelling: a letter doubled or dropped, a vowel changed, or an old spelling."""
    i = rng.randrange(1, len(name) - 1)
    choice = rng.random()
    if choice < 0.2 and "u" in name:
        return name.replace("u", "oe", 1)
    if choice < 0.3 and "j" in name:
        return name.replace("j", "dj", 1)
    if choice < 0.55:
        return name[:i] + name[i] + name[i:]
    if choice < 0.8 and name[i] != " ":
        return name[:i] + name[i + 1:]
    return name[:i] + rng.choice("aiueo") + name[i + 1:]


class Entity:
    __slots__ = ("acronym", "gloss", "label", "name", "office", "variant")

    def __init__(self, name: str, label: str) -> None:
        self.name, self.label = name, label
        self.variant = self.acronym = self.gloss = self.office = None


def invent(n: int, rng: random.Random, gloss_rate: float = 0.1) -> list[Entity]:
    """``n`` distinct invented entities, in rank order (the first is the most frequent)."""
    seen: set[str] = set()
    out: list[Entity] = []
    labels = [t for t, _ in TYPES]
    weights = [w for _, w in TYPES]
    while len(out) < n:
        label = rng.choices(labels, weights)[0]
        if label == "PERSON":
            name = " ".join(_word(rng).capitalize() for _ in range(rng.choice((1, 2, 2, 2, 3))))
        elif label == "ORG":
            words = [_word(rng).capitalize() for _ in range(rng.choice((1, 2, 2, 3)))]
            name = " ".join([rng.choice(ORG_HEADS), *words]).strip()
        elif label == "LOC":
            name = f"{rng.choice(LOC_HEADS)} {_word(rng).capitalize()}".strip()
        elif label == "EVENT":
            name = f"{rng.choice(EVENT_HEADS)} {_word(rng).capitalize()} {rng.randint(2000, 2024)}"
        else:
            name = f"{_word(rng, 2, 3)} {_word(rng, 2, 3)}"
        if name in seen:
            continue
        seen.add(name)
        e = Entity(name, label)
        if label in ("PERSON", "ORG") and len(name) >= 6 and rng.random() < 0.05:
            e.variant = _variant(rng, name)
        if label == "ORG" and len(name.split()) >= 2 and rng.random() < 0.2:
            e.acronym = "".join(w[0] for w in name.split()).upper() + rng.choice(["", "I", "N"])
        if label == "CONCEPT" and rng.random() < gloss_rate:
            e.gloss = _word(rng, 3, 4)
        out.append(e)
    places = [e.name for e in out if e.label == "LOC"] or ["Sumbar Raya"]
    orgs = [e.name for e in out if e.label == "ORG"] or ["PT Maju"]
    portfolios = [_word(rng).capitalize() for _ in range(40)]
    offices = []
    for _ in range(max(50, n // 40)):
        template = rng.choice(OFFICES)
        what = (rng.choice(portfolios) if template.startswith("Menteri")
                else rng.choice(orgs) if "Utama" in template or "Ketua" in template
                else rng.choice(places))
        offices.append(template.format(what))
    for e in out:
        if e.label == "PERSON":
            if rng.random() < 0.1:
                e.office = rng.choice(offices)
            elif rng.random() < 0.03:
                e.office = rng.choice(GENERIC)
    return out


def make_corpus(n: int, docs_per_entity: float, mentions_per_doc: int,
                seed: int = 0, gloss_rate: float = 0.1) -> list[DocMentions]:
    """The synthetic corpus of one size (see the module docstring)."""
    rng = random.Random(seed)
    entities = invent(n, rng, gloss_rate)
    n_docs = max(1, int(n * docs_per_entity))
    total = n_docs * mentions_per_doc
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(n)))
    picks = list(range(n)) + rng.choices(range(n), cum_weights=cum, k=max(0, total - n))
    rng.shuffle(picks)
    start_day = 735599  # 2015-01-01
    docs: list[DocMentions] = []
    for d in range(n_docs):
        doc_id = f"d{d}"
        date = None if rng.random() < 0.05 else _iso(start_day + rng.randrange(3650))
        chosen = picks[d * mentions_per_doc:(d + 1) * mentions_per_doc]
        mentions: list[Mention] = []
        definitions: list[Definition] = []

        def add(text: str, label: str, role: str = "", *, doc_id: str = doc_id,
                mentions: list[Mention] = mentions) -> None:
            start = len(mentions) * 20
            mentions.append(Mention(doc_id, start, start + len(text), text, label,
                                    len(mentions) // 2, 0, role))

        for index in chosen:
            e = entities[index]
            text = e.variant if e.variant and rng.random() < 0.3 else e.name
            role = e.office if e.office and rng.random() < 0.5 else ""
            if e.label == "CONCEPT" and e.gloss and rng.random() < 0.3:
                definitions.append(Definition(doc_id, text, e.gloss, "gloss"))
                text = f"{text} ({e.gloss})"
            add(text, e.label, role)
            words = e.name.split()
            if e.acronym and rng.random() < 0.3:
                definitions.append(Definition(doc_id, e.name, e.acronym))
                add(e.acronym, "ORG")
            if e.label == "PERSON" and len(words) >= 2 and rng.random() < 0.3:
                add(words[-1], "PERSON")
            if e.label == "ORG" and len(words) >= 2 and rng.random() < 0.2:
                add(words[0], "ORG")
            if e.office and rng.random() < 0.2:
                add(e.office, "ROLE", e.office)
        if rng.random() < 0.1:  # an office named alone: its holder is elsewhere in the corpus
            holder = entities[rng.choice(chosen)]
            if holder.office:
                add(holder.office, "ROLE", holder.office)
        sent = len(mentions) // 2 + 1
        text = " ".join(m.text for m in mentions)
        docs.append(DocMentions(
            Document(id=doc_id, path=f"{doc_id}.txt", text=text, date=date),
            tuple(mentions), tuple(f"kalimat {i}" for i in range(sent)),
            tuple(range(sent)), tuple(0 for _ in range(sent)), tuple(definitions)))
    return docs


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _load_reference(directory: Path) -> ModuleType:
    """``DIR/resolve.py`` as ``graph._ref_resolve``, importing ``DIR/roles.py`` for its roles."""
    import graph

    roles_spec = importlib.util.spec_from_file_location("graph._ref_roles", directory / "roles.py")
    assert roles_spec and roles_spec.loader
    roles = importlib.util.module_from_spec(roles_spec)
    sys.modules["graph._ref_roles"] = roles
    roles_spec.loader.exec_module(roles)
    source = (directory / "resolve.py").read_text(encoding="utf-8")
    source = source.replace("from .roles import", "from ._ref_roles import")
    module = ModuleType("graph._ref_resolve")
    module.__package__ = "graph"
    module.__file__ = str(directory / "resolve.py")
    sys.modules["graph._ref_resolve"] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    graph._ref_resolve = module  # type: ignore[attr-defined]
    return module


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def run_one(args: argparse.Namespace, n: int) -> dict:
    from graph.resolve import resolve

    started = time.perf_counter()
    docs = make_corpus(n, args.docs_per_entity, args.mentions_per_doc, args.seed, args.gloss_rate)
    generated = time.perf_counter() - started
    mentions = sum(len(d.mentions) for d in docs)
    before = _rss_mb()
    out = {"entities": n, "docs": len(docs), "mentions": mentions, "generate_s": generated}
    if args.profile:
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        result = resolve(docs)
        profile.disable()
        out["seconds"] = time.perf_counter() - started
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(20)
        out["profile"] = text.getvalue()
    else:
        started = time.perf_counter()
        result = resolve(docs)
        out["seconds"] = time.perf_counter() - started
    out["nodes"] = len(result.entities)
    out["near_misses"] = len(result.near_misses)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["added_mb"] = out["peak_mb"] - before
    if args.reference and n <= args.reference_max:
        reference = _load_reference(Path(args.reference))
        started = time.perf_counter()
        expected = reference.resolve(docs)
        out["reference_s"] = time.perf_counter() - started
        out["identical"] = expected == result
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", default="10000,50000,200000",
                        help="comma-separated numbers of distinct entities")
    parser.add_argument("--docs-per-entity", type=float, default=1.0)
    parser.add_argument("--mentions-per-doc", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gloss-rate", type=float, default=0.1,
                        help="share of concepts glossed with a foreign term (default 0.1)")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--reference", help="a directory with an earlier resolve.py and roles.py")
    parser.add_argument("--reference-max", type=int, default=50_000,
                        help="largest size the reference runs on")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args, args.one)))
        return
    print(f"{'entities':>9} {'docs':>9} {'mentions':>10} {'nodes':>9} {'resolve s':>10} "
          f"{'s/1k ment':>10} {'peak MB':>8} {'added MB':>9}"
          + (f" {'ref s':>8} same" if args.reference else ""), flush=True)
    for n in (int(x) for x in args.entities.split(",")):
        command = [sys.executable, __file__, "--one", str(n), "--docs-per-entity",
                   str(args.docs_per_entity), "--mentions-per-doc", str(args.mentions_per_doc),
                   "--seed", str(args.seed), "--gloss-rate", str(args.gloss_rate),
                   "--reference-max", str(args.reference_max)]
        command += ["--profile"] if args.profile else []
        command += ["--reference", args.reference] if args.reference else []
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            sys.exit(done.returncode)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        line = (f"{r['entities']:>9,} {r['docs']:>9,} {r['mentions']:>10,} {r['nodes']:>9,} "
                f"{r['seconds']:>10.2f} {1000 * r['seconds'] / r['mentions']:>10.4f} "
                f"{r['peak_mb']:>8.0f} {r['added_mb']:>9.0f}")
        if "reference_s" in r:
            line += f" {r['reference_s']:>8.2f} {'yes' if r['identical'] else 'NO'}"
        print(line, flush=True)
        if "profile" in r:
            print(r["profile"], flush=True)


if __name__ == "__main__":
    main()
