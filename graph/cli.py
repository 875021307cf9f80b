"""The ``jalin`` command: a thin layer over the library (``import graph``).

Every command parses its options and calls one public function. A user error prints one line on
stderr and exits with code 2; an internal error says where to report it and exits with code 1;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import JalinError

DEFAULT_OUT = "jalin-out"
WINDOW_HELP = "co-occurrence window: sentence (default), paragraph, document, or N sentences"


def _formats(value: str) -> list[str]:
    return [f.strip().lower() for f in value.split(",") if f.strip()]


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {number}")
    return number


def _add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="spaCy pipeline to use instead of the shipped Indonesian one")


def _add_render_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--color", choices=("type", "community"), default="type",
                        help="colour nodes by entity type (default) or by community")
    parser.add_argument("--size", choices=("degree", "mentions", "pagerank"), default="degree",
                        help="size nodes by degree (default), mentions or PageRank")
    parser.add_argument("--max-nodes", type=_positive_int, metavar="N",
                        help="draw only the N most central entities (PageRank); the graph files "
                             "stay complete")
    parser.add_argument("--focus", metavar="NAME",
                        help="draw only the neighbourhood of this entity (name or alias)")
    parser.add_argument("--hops", type=_positive_int, default=1, metavar="K",
                        help="with --focus: how many links away from it (default 1)")


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``jalin`` command."""
    parser = argparse.ArgumentParser(
        prog="jalin",
        description="Jalin weaves news articles into a knowledge graph: people, organisations, "
                    "places, events and key concepts, linked by the sentences that name them "
                    "together.")
    parser.add_argument("--version", action="version", version=f"jalin {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", help="build the graph of a corpus (default: the built-in seeds)",
                       description="Read articles (.txt, .md, .html, .jsonl, .csv; folders are "
                                   "walked recursively; globs allowed) and write graph.graphml, "
                                   "graph.json and graph.html to the output folder.")
    p.add_argument("sources", nargs="*", metavar="SRC",
                   help="files, folders or glob patterns (default: the built-in seeds)")
    p.add_argument("--out", "-o", default=DEFAULT_OUT, metavar="DIR",
                   help=f"output folder (default: ./{DEFAULT_OUT}/)")
    p.add_argument("--format", type=_formats, default=[], metavar="LIST",
                   help="extra formats, comma-separated: gexf, csv")
    p.add_argument("--window", default="sentence", help=WINDOW_HELP)
    p.add_argument("--evidence", type=_positive_int, default=3, metavar="K",
                   help="evidence sentences kept per edge (default 3)")
    p.add_argument("--concepts", type=_positive_int, default=50, metavar="N",
                   help="keep at most N key concepts (default 50)")
    p.add_argument("--no-concepts", action="store_true", help="no CONCEPT nodes")
    p.add_argument("--no-resolve", action="store_true",
                   help="no entity resolution: exact strings only (for comparison)")
    p.add_argument("--aliases", metavar="FILE", help="YAML alias table that adds to the built-in")
    p.add_argument("--resolve-report", metavar="FILE",
                   help="write every merge (surface form, node, rule, evidence) as JSON lines")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable file")
    p.add_argument("--keep-duplicates", action="store_true",
                   help="keep duplicate and near-duplicate articles (default: counted once)")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--cache", metavar="PATH",
                   help="extraction cache (SQLite; default: DIR/jalin.db): unchanged articles "
                        "are not run through the NLP pipeline again")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument("--prune-cache", action="store_true",
                   help="after the build, remove from the cache what it did not use (earlier "
                        "versions of changed files, removed files, other models)")
    p.add_argument("--jobs", "-j", type=_positive_int, default=0, metavar="N",
                   help="worker processes for the NLP (default 0: one per core)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where the NLP runs: local processes (default) or a dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler of a running cluster "
                        "(default: start a local cluster of --jobs workers)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    _add_model_option(p)
    _add_render_options(p)

    p = sub.add_parser("clean", help="print an article's cleaned text and metadata",
                       description="Show what Jalin keeps of each document in FILE: metadata "
                                   "found (outlet, date, author) and the cleaned body.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dropped", action="store_true", help="also list the lines removed, and why")

    p = sub.add_parser("extract", help="print entities and concepts per document as JSON lines")
    p.add_argument("sources", nargs="+", metavar="SRC")
    p.add_argument("--no-concepts", action="store_true", help="entities only")
    _add_model_option(p)

    p = sub.add_parser("explain", help="which names were merged into a node, and why",
                       description="Show the surface forms merged into the node called NAME, the "
                                   "rule and evidence of each merge, and the similar names that "
                                   "were kept apart.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("dir", nargs="?", default=DEFAULT_OUT, metavar="DIR",
                   help=f"output folder of a build (default: ./{DEFAULT_OUT}/)")

    p = sub.add_parser("stats", help="counts by type and the most central entities of a graph")
    p.add_argument("graph", metavar="GRAPH", help="graph.graphml or graph.json, or their folder")
    p.add_argument("--top", type=_positive_int, default=15, metavar="N")

    p = sub.add_parser("path", help="the strongest short path between two entities, with evidence",
                       description="Print the chain of entities linking A to B (fewest hops, at "
                                   "most one more when its links are named more often) and one "
                                   "evidence sentence per link.")
    p.add_argument("source", metavar="A", help="name or alias of the first entity")
    p.add_argument("target", metavar="B", help="name or alias of the second entity")
    p.add_argument("graph", nargs="?", default=DEFAULT_OUT, metavar="DIR",
                   help=f"graph.graphml or graph.json, or their folder (default: ./{DEFAULT_OUT}/)")

    p = sub.add_parser("render", help="re-render graph.html from an existing graph file")
    p.add_argument("graph", metavar="GRAPH", help="graph.graphml or graph.json, or their folder")
    p.add_argument("--out", "-o", metavar="FILE", help="HTML file (default: graph.html beside it)")
    _add_render_options(p)

    ner = sub.add_parser("ner", help="train or evaluate the named-entity model")
    ner_sub = ner.add_subparsers(dest="ner_command", metavar="NER_COMMAND")
    p = ner_sub.add_parser("train", help="train the shipped Indonesian pipeline",
                           description="Train tok2vec + tagger + NER from IndoNLU NERGrit/NERP and "
                                       "IDNer2k (token-per-line BIO files) and nlp-id's POS data.")
    p.add_argument("--data", default="../shared/data/ner", metavar="DIR",
                   help="folder with nergrit/, nerp/, idner2k/ (default: ../shared/data/ner)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="where to write the pipeline (default: the package's model folder)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-epochs", type=int, default=None)
    p.add_argument("--max-steps", type=int, default=None)
    p = ner_sub.add_parser("eval", help="precision/recall/F1 per label on BIO files (token and tag "
                                        "per line; IOBES, BILOU and CoNLL-2003 files read too, "
                                        "the sentences of a -DOCSTART- document together) or on "
                                        "whole articles with character offsets (.jsonl: Jalin's "
                                        "or doccano's format)")
    p.add_argument("files", nargs="+", metavar="FILE.tsv|FILE.jsonl")
    _add_model_option(p)
    p.add_argument("--errors", action="store_true",
                   help="also count the errors by category (type, boundary, boundary+type, "
                        "missed, spurious) per file and label")
    p.add_argument("--examples", type=_positive_int, default=0, metavar="N",
                   help="also print N example errors per category and file (implies --errors)")
    p.add_argument("--model-alone", action="store_true",
                   help="evaluate the trained model without Jalin's rule components (label "
                        "mapping, span tidying, titles, abbreviations)")
    p.add_argument("--case", choices=("lower", "upper", "title"), default=None,
                   help="re-case every word before tagging (the gold entities stay): how the "
                        "model holds up on lowercased text, all-caps or title-cased headlines")
    p.add_argument("--tokenize", action="store_true",
                   help="tokenize each sentence's text with the pipeline's own tokenizer, as on "
                        "real articles, and compare spans by their characters instead of the "
                        "file's words")
    return parser


def _graph_file(value: str) -> Path:
    path = Path(value)
    if path.is_dir():
        for name in ("graph.graphml", "graph.json"):
            if (path / name).is_file():
                return path / name
        raise JalinError("no graph.graphml or graph.json in this folder", str(path))
    return path


def _read_graph(value: str):  # noqa: ANN202
    from .export.graphml import read_graphml
    from .export.json import read_json

    path = _graph_file(value)
    if not path.exists():
        raise JalinError("no such file", str(path))
    return read_json(path) if path.suffix.lower() == ".json" else read_graphml(path)


def _out_dir(value: str) -> Path:
    out = Path(value)
    if out.exists() and not out.is_dir():
        raise JalinError("exists and is not a folder", str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise JalinError(f"cannot create output folder ({exc.strerror})", str(out)) from None
    if not os.access(out, os.W_OK):
        raise JalinError("output folder is not writable", str(out))
    try:  # fail now rather than after the whole corpus is read (read-only mounts, /proc, ...)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise JalinError(f"output folder is not writable ({exc.strerror})", str(out)) from None
    return out


def cmd_build(args: argparse.Namespace) -> int:
    from .export import FORMATS, write_outputs
    from .workflow import build_result, collection_paused

    unknown = [f for f in args.format if f not in FORMATS]
    if unknown:
        raise JalinError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    from .explain import RESOLUTION_FILE, read_resolution, write_merge_report, write_resolution

    out = _out_dir(args.out)
    progress = not args.quiet and sys.stderr.isatty()
    try:
        previous = read_resolution(out / RESOLUTION_FILE)["key_ids"]
    except JalinError as exc:  # a damaged record of an earlier build: rebuild ids from scratch
        previous = {}
        if not args.quiet:
            print(f"jalin: warning: {exc}; node ids start afresh", file=sys.stderr)
    result = build_result(args.sources or None, model=args.model, window=args.window,
                          evidence=args.evidence, concepts=not args.no_concepts,
                          max_concepts=args.concepts, merge=not args.no_resolve,
                          aliases=args.aliases, strict=args.strict,
                          keep_duplicates=args.keep_duplicates, progress=progress,
                          previous_ids=previous,
                          cache=None if args.no_cache else (args.cache or out / "jalin.db"),
                          prune_cache=args.prune_cache,
                          jobs=args.jobs or None, engine=args.engine, scheduler=args.scheduler)
    if result.documents == 0:  # keep the outputs of an earlier build rather than empty them
        for warning in result.warnings if not (progress or args.quiet) else []:
            print(f"jalin: warning: {warning}", file=sys.stderr)
        sources = ", ".join(args.sources) if args.sources else "the built-in seeds"
        raise JalinError("no article could be read (see the warnings above); nothing written",
                         sources)
    g = result.graph
    formats = ["graphml", "json", *[f for f in args.format if f not in ("graphml", "json")]]
    with collection_paused():
        written = write_outputs(g, out, formats)
        written.append(write_resolution(result.resolution, out / RESOLUTION_FILE))
    if not args.no_html:
        from viz.html import render_html

        written.append(render_html(_view(g, args), out / "graph.html", color_by=args.color,
                                   size_by=args.size))
    if args.resolve_report:
        written.append(write_merge_report(result.resolution, args.resolve_report))
    if not args.quiet:
        for warning in result.warnings if not progress else []:
            print(f"jalin: warning: {warning}", file=sys.stderr)
        print(f"jalin: {result.documents} documents, {g.number_of_nodes()} nodes, "
              f"{g.number_of_edges()} edges in {result.seconds:.1f} s -> {out}/", file=sys.stderr)
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from .clean import clean_document, format_cleaned
    from .ingest import read_documents

    first = True
    for raw in read_documents(args.files, strict=True):
        if not first:
            print("\n" + "=" * 72 + "\n")
        first = False
        print(format_cleaned(clean_document(raw), show_dropped=args.dropped))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .nlp.pipeline import load_pipeline
    from .workflow import extract_corpus, iter_documents

    nlp = load_pipeline(args.model, concepts=not args.no_concepts)

    def warn(error: JalinError) -> None:
        print(f"jalin: warning: {error}", file=sys.stderr)

    documents = iter_documents(args.sources, keep_duplicates=True, on_error=warn)
    for dm in extract_corpus(documents, nlp):
        record = {
            "id": dm.doc.id, "path": dm.doc.path, "title": dm.doc.title,
            "source": dm.doc.source, "date": dm.doc.date,
            "entities": [{"text": m.text, "label": m.label, "start": m.start, "end": m.end,
                          "sentence": m.sent, **({"role": m.role} if m.role else {})}
                         for m in dm.mentions if m.label != "CONCEPT"],
            "concepts": [{"text": m.text, "start": m.start, "end": m.end, "sentence": m.sent}
                         for m in dm.mentions if m.label == "CONCEPT"],
            "definitions": [{"long": d.long, "short": d.short} for d in dm.definitions],
        }
        print(json.dumps(record, ensure_ascii=False))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .explain import RESOLUTION_FILE, explain, format_explanation, read_resolution

    folder = Path(args.dir)
    g = _read_graph(str(folder))
    record = read_resolution(folder / RESOLUTION_FILE if folder.is_dir() else
                             folder.with_name(RESOLUTION_FILE))
    print(format_explanation(explain(g, record, args.name)))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .stats import format_stats

    print(format_stats(_read_graph(args.graph), top=args.top))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from viz.html import render_html

    g = _read_graph(args.graph)
    out = Path(args.out) if args.out else _graph_file(args.graph).with_name("graph.html")
    render_html(_view(g, args), out, color_by=args.color, size_by=args.size)
    print(f"jalin: wrote {out}", file=sys.stderr)
    return 0


def _view(g, args: argparse.Namespace):  # noqa: ANN001, ANN202
    """The part of the graph to draw (``--focus``/``--hops``, ``--max-nodes``)."""
    from .subgraph import select_view

    return select_view(g, max_nodes=args.max_nodes, focus=args.focus, hops=args.hops)


def cmd_path(args: argparse.Namespace) -> int:
    from .paths import format_path, strongest_path

    g = _read_graph(args.graph)
    print(format_path(g, strongest_path(g, args.source, args.target)))
    return 0


def cmd_ner(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.ner_command == "train":
        from .nlp.pipeline import MODEL_DIR
        from .nlp.train import required_postag_path, train_pipeline

        data = Path(args.data)
        if not data.is_dir():
            raise JalinError("training data folder not found", str(data))
        out = Path(args.out) if args.out else MODEL_DIR
        scores = train_pipeline(data, out, seed=args.seed, max_epochs=args.max_epochs,
                                max_steps=args.max_steps, postag_path=required_postag_path(),
                                progress=True)
        print(json.dumps(scores, indent=2, ensure_ascii=False, default=str))
        return 0
    if args.ner_command == "eval":
        from .nlp.evaluate import (
            error_analysis,
            evaluate_bio,
            format_errors,
            format_report,
            load_model_alone,
        )
        from .nlp.pipeline import load_pipeline

        if args.model_alone:
            nlp = load_model_alone(args.model)
        else:
            nlp = load_pipeline(args.model, concepts=False)
        paths = [Path(f) for f in args.files]
        print(format_report(evaluate_bio(nlp, paths, casing=args.case,
                                                tokenize=args.tokenize)))
        if args.errors or args.examples:
            print()
            print(format_errors(error_analysis(nlp, paths, examples=args.examples,
                                                casing=args.case, tokenize=args.tokenize)))
        return 0
    parser.parse_args(["ner", "--help"])
    return 2


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``jalin`` command; returns the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    with contextlib.suppress(ValueError):  # only possible in the main thread
        signal.signal(signal.SIGTERM, _interrupt)  # `kill`: stop like Ctrl-C, temp files removed
    commands = {"build": cmd_build, "clean": cmd_clean, "extract": cmd_extract,
                "explain": cmd_explain,
                "stats": cmd_stats, "render": cmd_render, "path": cmd_path}
    try:
        if args.command == "ner":
            return cmd_ner(args, parser)
        return commands[args.command](args)
    except JalinError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"jalin: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("jalin: interrupted; outputs already written are complete, the rest unchanged",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if args.debug:
            traceback.print_exc()
        where = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"jalin: internal error: {type(exc).__name__}: {exc} (at {Path(where.filename).name}"
              f":{where.lineno}); please report it to the Jalin issue tracker with the command "
              "you ran, or rerun with --debug for the traceback", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
