"""The ``kg`` command: a thin door onto the library (parse, call, format, translate errors)."""

from __future__ import annotations

import argparse
import json
import sys
import time

from . import __version__
from .errors import KgError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, as the contract asks
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


STORE_HELP = ("where the graph lives: 'memory' (default), 'oxigraph:DIR' or a folder path (an embedded store), "
              "or a SPARQL 1.1 endpoint 'http(s)://…/query' (or 'QUERY_URL,UPDATE_URL'); "
              "credentials from KG_SPARQL_USER and KG_SPARQL_PASSWORD")


def _add_corpus(parser):
    parser.add_argument("--corpus", action="append", metavar="PATH",
                        help="a text file or a folder of them (repeatable); default: the bundled sample corpus, "
                             "or what the store holds (with a store, --corpus adds to it)")
    parser.add_argument("--store", default="memory", metavar="SPEC", help=STORE_HELP)


def _add_work_options(parser):
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="processes for parsing and extraction (default 1; the result does not depend on it)")
    parser.add_argument("--progress", action="store_true",
                        help="report progress on standard error even when it is not a terminal")


def _warn(message):
    print(f"kg: warning: {message}", file=sys.stderr)


def _progress(args):
    """A progress reporter for standard error: lines with --progress, a bar on a terminal, else none."""
    if getattr(args, "progress", False):
        return lambda stage, done, total: print(f"kg: {stage} {done}/{total} documents", file=sys.stderr, flush=True)
    if not sys.stderr.isatty():
        return None

    def bar(stage, done, total):
        if total < 20:  # short work needs no bar
            return
        filled = int(30 * done / max(total, 1))
        end = "\n" if done >= total else ""
        print(f"\rkg: {stage:<9} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end=end, file=sys.stderr,
              flush=True)

    return bar


def _warn_skipped(kg):
    for error in kg.read_errors_:
        _warn(f"skipped {error}")


def _build(args):
    from .knowledge import open_graph

    kg = open_graph(corpus=args.corpus, store=args.store, workers=getattr(args, "workers", 1),
                    progress=_progress(args), cache=True)
    _warn_skipped(kg)
    return kg


def _persistent_store(args, command):
    from .store import parse_store_spec

    spec = parse_store_spec(args.store)
    if spec.kind == "memory":
        raise KgError(f"kg {command} changes a persistent store: give --store oxigraph:DIR or a SPARQL endpoint URL "
                      f"(in memory nothing would be kept)")
    return spec


def cmd_ask(args):
    """Answer questions; one JSON object per question with --json."""
    if args.question == ["-"]:
        questions = [line.rstrip("\r\n") for line in sys.stdin]
    else:
        questions = [" ".join(args.question)]
    kg = _build(args)
    for question in questions:
        answer = kg.ask(question, top_k=args.top_k)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
            continue
        print(answer.text)
        for item in answer.evidence:
            print(f"  [{item.doc} {item.start}-{item.end}] {item.text}")
        if args.explain:
            print("  --- how this was answered")
            for line in answer.explain().splitlines():
                print(f"  {line}")
        if len(questions) > 1:
            print()
    return 0


def cmd_build(args):
    """Read the corpus, build the graph, write it where asked, and say what was built."""
    from .knowledge import KnowledgeGraph
    from .store import parse_store_spec

    started = time.perf_counter()
    spec = parse_store_spec(args.store)
    kg = KnowledgeGraph(store=args.store, workers=args.workers).fit(corpus=args.corpus, progress=_progress(args))
    _warn_skipped(kg)
    if args.output:
        kg.export(args.output)
    stats = kg.stats()
    stats["triples"] = kg.store_triples_ if spec.kind != "memory" else len(kg.graph)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    if spec.kind != "memory":
        stats["store"] = str(spec)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
    else:
        wrote = [w for w in (stats.get("store"), args.output) if w]
        print(f"built {stats['documents']} documents, {stats['sentences']} sentences, {stats['facts']} facts "
              f"({stats['duties']} duties, {stats['formulae']} formulae, {stats['holdings']} posts, "
              f"{stats['problems']} problems, {stats['chains']} chain links), {stats['triples']} triples "
              f"in {stats['seconds']} s" + (f"; wrote {' and '.join(wrote)}" if wrote else ""))
    return 0


def cmd_add(args):
    """Add documents to a persistent store, or replace those of the same name."""
    from .knowledge import KnowledgeGraph

    spec = _persistent_store(args, "add")
    kg = KnowledgeGraph(store=args.store, workers=args.workers).add(args.paths, progress=_progress(args))
    _warn_skipped(kg)
    print(f"stored {len(kg.added_)} documents ({', '.join(kg.added_)}); {spec} holds {len(kg.documents_)} documents"
          + _refreshed(kg))
    return 0


def _refreshed(kg) -> str:
    if not kg.refreshed_:
        return ""
    return (f"; mentions found again in {len(kg.refreshed_)} other documents that name a role which came or went "
            f"({', '.join(kg.refreshed_[:8])}{' …' if len(kg.refreshed_) > 8 else ''})")


def cmd_remove(args):
    """Remove documents from a persistent store by identifier."""
    from .knowledge import KnowledgeGraph

    spec = _persistent_store(args, "remove")
    kg = KnowledgeGraph(store=args.store).remove(args.doc_ids)
    print(f"removed {len(args.doc_ids)} documents ({', '.join(args.doc_ids)}); "
          f"{spec} holds {len(kg.documents_)} documents" + _refreshed(kg))
    return 0


def cmd_eval(args):
    """Score kg and a TF-IDF baseline on a gold question file."""
    from .evaluation import evaluate, format_report, load_gold

    gold = load_gold(args.gold)
    kg = _build(args)
    result = evaluate(kg, gold, k=args.top_k)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "rows" or args.verbose}, ensure_ascii=False))
        return 0
    if args.verbose:
        for row in result["rows"]:
            print(f"{row['id']:<6}{row['kind']:<18}{row['intent']:<18}{row['ours']['answer']:.2f} "
                  f"{row['baseline']['answer']:.2f} {row['ours']['precision']:.2f}  {row['q']}")
    print(format_report(result))
    return 0


def cmd_chain(args):
    """Print the chain of responsibility through a role (or all of it) as DOT, Mermaid or JSON."""
    from .network import chain_graph, chain_subgraph, to_dot, to_json, to_mermaid

    kg = _build(args)
    graph = chain_graph(kg.facts_.chains, kg.facts_.holdings if args.posts else ())
    key = None
    if args.role:
        term = kg.lexicon_.lookup(args.role)
        if term is None or term.key not in graph:
            known = "、".join(graph.nodes[n]["label"] for n in list(graph.nodes)[:12])
            raise KgError(f"{args.role!r} is not on any chain of responsibility in this corpus; try one of: {known}")
        key = term.key
    sub = chain_subgraph(graph, key)
    print({"dot": to_dot, "mermaid": to_mermaid, "json": to_json}[args.format](sub))
    return 0


def cmd_check(args):
    """Report what needs a reader's eye: formula count mismatches and undefined formulae, roles without
    duties, duties without a bearer."""
    from .check import check_formulae
    from .extract.audit import check_facts

    kg = _build(args)
    findings = check_formulae(kg.factsets_) + check_facts(kg.documents_, kg.factsets_, kg.lexicon_)
    if args.json:
        for item in findings:
            print(json.dumps(item, ensure_ascii=False))
        return 0
    if not findings:
        print("nothing to report")
    for item in findings:
        print(_finding_line(item))
    if findings:
        counts = {}
        for item in findings:
            what = item.get("status") or item.get("check", "")
            counts[what] = counts.get(what, 0) + 1
        print("; ".join(f"{n} {what}" for what, n in counts.items()), file=sys.stderr)
    return 0


def _finding_line(item, width=36) -> str:
    """One finding of ``kg check`` on one line: what, which, where, and the words around it."""
    what = item.get("status") or item.get("check", "")
    doc = item.get("doc") or item.get("doc_id", "")
    name = item.get("name") or item.get("label") or item.get("action") or ""
    if "declared_count" in item:
        detail = f"declares {item['declared_count']}{'(masked)' if item.get('count_masked') else ''}, " \
                 f"{item['parts_found']} parts found"
    elif "mentions" in item:
        detail = f"named {item['mentions']} times, no duty"
    else:
        detail = "no bearer found"
    sentence = item.get("sentence", "")
    at = sentence.find(name) if name else -1
    if at < 0 or len(sentence) <= 2 * width:
        context = sentence[:2 * width] + ("…" if len(sentence) > 2 * width else "")
    else:
        lo = max(0, at - width // 2)
        hi = min(len(sentence), lo + 2 * width)
        context = ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")
    where = f"{doc} {item['start']}-{item['end']}" if "start" in item else doc
    line = f"{what:<20}{name[:18]:<20}{detail:<32}"
    return (line + (f"[{where}] 「{context}」" if sentence else "")).rstrip()


def cmd_list(args):
    """Write the responsibility list (one row per duty and bearer), or the difference between two corpora."""
    from . import lists
    from .knowledge import open_graph

    if args.diff:
        old_kg, new_kg = (open_graph(corpus=[path]) for path in args.diff)
        for kg in (old_kg, new_kg):
            _warn_skipped(kg)
        diff = lists.diff_lists(_rows(old_kg, args), _rows(new_kg, args))
        text = lists.diff_to_json(diff) if args.format == "json" else lists.format_diff(diff)
        return _write_text(text, args.output)
    kg = _build(args)
    rows = _rows(kg, args)
    if args.format == "xlsx":
        if not args.output:
            raise KgError("an Excel workbook is binary: give --output FILE.xlsx")
        lists.to_xlsx(rows, args.output)
        print(f"wrote {len(rows)} rows to {args.output}", file=sys.stderr)
        return 0
    if args.format == "csv":
        if args.output:
            lists.to_csv(rows, args.output)
            print(f"wrote {len(rows)} rows to {args.output}", file=sys.stderr)
            return 0
        lists.to_csv(rows, sys.stdout)
        return 0
    render = {"md": lists.to_markdown, "html": lists.to_html, "json": lists.to_json}[args.format]
    return _write_text(render(rows), args.output)


def _rows(kg, args):
    return kg.responsibility_list(role=args.role, organization=args.organization,
                                  include_reported=args.include_reported)


def _write_text(text, output):
    """Print ``text``, or write it to ``output`` through a temporary file (never half a file)."""
    if not output:
        print(text)
        return 0
    from .files import written_atomically

    with written_atomically(output) as handle:
        handle.write((text + "\n").encode("utf-8"))
    print(f"wrote {output}", file=sys.stderr)
    return 0


def cmd_explore(args):
    """Start the Streamlit explorer on the corpus."""
    from .explore import launch
    from .store import parse_store_spec

    if parse_store_spec(args.store).kind != "memory":
        raise KgError("kg explore reads a corpus, not a store, in this version: use --corpus")
    return launch(corpus=args.corpus, port=args.port, address=args.address, open_browser=not args.no_browser)


def make_parser():
    """The argument parser of the ``kg`` command."""
    parser = _Parser(prog="kg", description="Read Chinese policy texts into a knowledge graph and ask it questions.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ask = sub.add_parser("ask", help="answer a question with the sentences that support it",
                         description="Answer a question (Chinese or English). QUESTION may be '-' to read "
                                     "one question per line from standard input.")
    _add_corpus(ask)
    ask.add_argument("--json", action="store_true", help="one JSON object per question (JSON Lines)")
    ask.add_argument("--top-k", type=int, default=5, metavar="N", help="at most N evidence sentences (default 5)")
    ask.add_argument("--explain", action="store_true", help="show how the question was understood")
    ask.add_argument("question", nargs="+", metavar="QUESTION")
    ask.set_defaults(func=cmd_ask)

    build = sub.add_parser("build", help="build the graph and write it to a store and/or a file",
                           description="Read the corpus and build the graph; --store SPEC replaces the store's "
                                       "content in one step at the end (a build killed half-way leaves the old "
                                       "content), --output FILE writes it as .ttl, .nt, .jsonld or .trig.")
    _add_corpus(build)
    build.add_argument("--output", metavar="FILE", help="write the graph here (format from the extension)")
    build.add_argument("--json", action="store_true", help="print the statistics as JSON")
    _add_work_options(build)
    build.set_defaults(func=cmd_build)

    add = sub.add_parser("add", help="add documents to a store, or replace those of the same name",
                         description="Read PATH... (files or folders) and write each document to the store in one "
                                     "update, replacing a document of the same name; the other documents are not "
                                     "extracted again.")
    add.add_argument("--store", default="memory", metavar="SPEC", help=STORE_HELP)
    add.add_argument("paths", nargs="+", metavar="PATH")
    _add_work_options(add)
    add.set_defaults(func=cmd_add)

    remove = sub.add_parser("remove", help="remove documents from a store",
                            description="Drop the documents DOC_ID... from the store, each in one update "
                                        "(identifiers as in the evidence of answers: the file name's stem).")
    remove.add_argument("--store", default="memory", metavar="SPEC", help=STORE_HELP)
    remove.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    remove.set_defaults(func=cmd_remove)

    evaluate = sub.add_parser("eval", help="score answers on a gold question file, beside a TF-IDF baseline",
                              description="Score kg's answers on GOLD.jsonl (fields q, lang, kind, must, evidence) "
                                          "and a TF-IDF-only baseline, overall, per language and per kind.")
    _add_corpus(evaluate)
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    evaluate.add_argument("--top-k", type=int, default=5, metavar="N", help="evidence sentences that count (default 5)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="one line per question as well")
    evaluate.set_defaults(func=cmd_eval)

    chain = sub.add_parser("chain", help="draw the chain of responsibility (DOT, Mermaid or JSON)",
                           description="The chain of responsibility through ROLE (or the whole chain), top first.")
    _add_corpus(chain)
    chain.add_argument("role", nargs="?", metavar="ROLE", help="a role or organization, e.g. 机关党委")
    chain.add_argument("--format", choices=("dot", "mermaid", "json"), default="mermaid")
    chain.add_argument("--posts", action="store_true", help="also draw who holds which post")
    chain.set_defaults(func=cmd_chain)

    check = sub.add_parser("check", help="report formula count mismatches, undefined formulae, roles without duties",
                           description="What the extraction could not settle: numbered formulae whose parts do not "
                                       "match their count or are not defined in the text, roles with no duties, "
                                       "duties whose bearer could not be resolved.")
    _add_corpus(check)
    check.add_argument("--json", action="store_true", help="one JSON object per finding")
    check.set_defaults(func=cmd_check)

    listing = sub.add_parser("list", help="the responsibility list: one row per duty, bearer, frequency and source",
                             description="Write the responsibility list (责任清单) of the corpus: one row per duty with "
                                         "its bearer (and the post that brings it), modality, frequency, quantity, "
                                         "condition, document, section and quoted sentence, grouped by bearer in "
                                         "the order of the chain of responsibility. With --diff OLD NEW, what was "
                                         "added, removed or changed per bearer between two corpora.")
    _add_corpus(listing)
    whose = listing.add_mutually_exclusive_group()
    whose.add_argument("--role", metavar="ROLE", help="only this role's list (its own and inherited duties)")
    whose.add_argument("--organization", metavar="ORG", help="only this organization's list")
    listing.add_argument("--format", choices=("csv", "xlsx", "md", "html", "json"), default="md",
                         help="table format (default md; xlsx needs --output)")
    listing.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    listing.add_argument("--include-reported", action="store_true",
                         help="also list practices a report describes as done")
    listing.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"),
                         help="compare the lists of two corpora (files or folders); text, or JSON with --format json")
    listing.set_defaults(func=cmd_list)

    explore = sub.add_parser("explore", help="open the explorer (a Streamlit app) in the browser",
                             description="Start the explorer on the bundled corpus or the given texts. "
                                         "Needs the explorer extra: pip install 'kg-policy[explorer]'.")
    _add_corpus(explore)
    explore.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    explore.add_argument("--address", default="localhost", help="address to bind (default localhost)")
    explore.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    explore.set_defaults(func=cmd_explore)
    return parser


def main(argv=None):
    """Run the ``kg`` command; returns the exit status."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if getattr(args, "top_k", 1) < 1:
        parser.error("--top-k must be at least 1")
    if getattr(args, "workers", 1) < 1:
        parser.error("--workers must be at least 1")
    try:
        return args.func(args)
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
