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


def _add_corpus(parser):
    parser.add_argument("--corpus", action="append", metavar="PATH",
                        help="a text file or a folder of them (repeatable); default: the bundled sample corpus")
    parser.add_argument("--store", default="memory", metavar="SPEC",
                        help="where the graph lives: 'memory' (default)")


def _warn(message):
    print(f"kg: warning: {message}", file=sys.stderr)


def _build(args):
    from .knowledge import KnowledgeGraph

    if args.store not in ("memory", None):
        raise KgError(f"--store {args.store!r}: unknown store; this version supports 'memory'")
    kg = KnowledgeGraph().fit(corpus=args.corpus)
    for error in kg.read_errors_:
        _warn(f"skipped {error}")
    return kg


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
    started = time.perf_counter()
    kg = _build(args)
    graph = kg.graph
    if args.output:
        kg.export(args.output)
    stats = kg.stats()
    stats["triples"] = len(graph)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
    else:
        print(f"built {stats['documents']} documents, {stats['sentences']} sentences, {stats['facts']} facts "
              f"({stats['duties']} duties, {stats['formulae']} formulae, {stats['holdings']} posts, "
              f"{stats['problems']} problems, {stats['chains']} chain links), {stats['triples']} triples "
              f"in {stats['seconds']} s" + (f"; wrote {args.output}" if args.output else ""))
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

    build = sub.add_parser("build", help="build the graph and write it to a file",
                           description="Read the corpus and build the graph; --output FILE writes it as "
                                       ".ttl, .nt, .jsonld or .trig.")
    _add_corpus(build)
    build.add_argument("--output", metavar="FILE", help="write the graph here (format from the extension)")
    build.add_argument("--json", action="store_true", help="print the statistics as JSON")
    build.set_defaults(func=cmd_build)

    evaluate = sub.add_parser("eval", help="score answers on a gold question file, beside a TF-IDF baseline",
                              description="Score kg's answers on GOLD.jsonl (fields q, lang, kind, must, evidence) "
                                          "and a TF-IDF-only baseline, overall, per language and per kind.")
    _add_corpus(evaluate)
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    evaluate.add_argument("--top-k", type=int, default=5, metavar="N", help="evidence sentences that count (default 5)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="one line per question as well")
    evaluate.set_defaults(func=cmd_eval)
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
