"""Stores: the same answers in memory, in an embedded Oxigraph folder and on an Oxigraph server; one named
graph per document with add and remove; parallel builds identical to serial ones; a killed build leaves the
old state; updates are built from escaped terms, never pasted text."""

from __future__ import annotations

import http.server
import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg import KgError, KnowledgeGraph
from kg.errors import StoreError
from kg.reading import read_file
from kg.store import STORE, open_store, parse_store_spec

from .conftest import ROOT, shared_path

OLD = ("jiguan_dangjian_report", "jiguan_jiceng_zuzhi_tiaoli_2019", "dangfeng_lianzheng_fenxihui_baogao_2020")
NEW = "dangyuan_jiaoyu_guanli_tiaoli_2019"
QUESTIONS = [json.loads(line)["q"] for line in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8")
             .splitlines() if line.strip()][:24:2] + [
    "第一书记要做什么？", "What must a first secretary do?", "党员应当多久参加一次党课？", "党支部书记的主要职责是什么？",
    "发展党员要经过哪些程序？", "党组织应当如何开展党员教育培训？", "谁负责组织生活会？"]


def server_url() -> str:
    """The query URL of the test Oxigraph server; skips without one, fails in CI without one."""
    url = os.environ.get("KG_TEST_SPARQL", "").strip().rstrip("/")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("KG_TEST_SPARQL is unset while CI is set: .ci/run must start the Oxigraph server")
        pytest.skip("KG_TEST_SPARQL is unset: no SPARQL server to test against "
                    "(start one: oxigraph serve --location DIR --bind 127.0.0.1:7878; export KG_TEST_SPARQL=http://127.0.0.1:7878)")
    return url if url.endswith("/query") else url + "/query"


@pytest.fixture(params=["embedded", "server"])
def store_spec(request, tmp_path):
    """An empty persistent store: an Oxigraph folder, or the test server (cleared first)."""
    if request.param == "embedded":
        return f"oxigraph:{tmp_path / 'store'}"
    spec = server_url()
    with open_store(spec) as store:
        store.clear()
    return spec


def answers(kg, questions=QUESTIONS):
    return [kg.ask(q).to_dict() for q in questions]


def paths(*names):
    return [shared_path(name + ".txt") for name in names]


# ---------------------------------------------------------------------------------------------- specs
@pytest.mark.parametrize("spec, kind, where", [
    ("memory", "memory", ""),
    (None, "memory", ""),
    ("oxigraph:/data/kg", "oxigraph", "/data/kg"),
    ("./graphdb", "oxigraph", "graphdb"),
    ("http://localhost:7878/query", "sparql", "http://localhost:7878/update"),
    ("http://localhost:3030/ds/query", "sparql", "http://localhost:3030/ds/update"),
    ("http://localhost:8890/sparql", "sparql", "http://localhost:8890/sparql"),
    ("http://h:7200/repositories/kg,http://h:7200/repositories/kg/statements", "sparql",
     "http://h:7200/repositories/kg/statements"),
])
def test_store_specs(spec, kind, where):
    parsed = parse_store_spec(spec)
    assert parsed.kind == kind
    if kind == "sparql":
        assert parsed.update_url == where
    elif kind == "oxigraph":
        assert Path(parsed.folder) == Path(where)


@pytest.mark.parametrize("spec, message", [
    ("bogus:thing", "unknown store"),
    ("memroy", "unknown store"),
    ("oxigraph:", "give the folder"),
    ("http://", r"not an http\(s\) URL"),
    ("http://a/query,http://b/update,http://c", "QUERY_URL,UPDATE_URL"),
])
def test_bad_specs_are_one_line_store_errors(spec, message):
    with pytest.raises(StoreError, match=message) as caught:
        parse_store_spec(spec)
    assert isinstance(caught.value, KgError) and "\n" not in str(caught.value)


def test_a_folder_of_other_files_is_not_taken_for_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        KnowledgeGraph(store=str(tmp_path)).fit(texts={"t": "党组每月研究1次党建工作。"})
    with pytest.raises(StoreError, match="no store there"):
        KnowledgeGraph(store=f"oxigraph:{tmp_path / 'missing'}").open()
    assert not (tmp_path / "missing").exists()


# ---------------------------------------------------------------------------------------------- same answers
def test_build_open_add_remove_give_the_answers_of_memory(store_spec):
    memory = KnowledgeGraph().fit(paths(*OLD))
    built = KnowledgeGraph(store=store_spec).fit(paths(*OLD))
    opened = KnowledgeGraph(store=store_spec).open()
    assert opened.documents_ == memory.documents_ and opened.factsets_ == memory.factsets_
    assert opened.lexicon_.terms == memory.lexicon_.terms
    expected = answers(memory)
    assert answers(built) == expected
    assert answers(opened) == expected

    # add one document, replace one with a changed text, remove one: no other document is extracted again
    report = read_file(shared_path(OLD[0] + ".txt")).text
    changed = report.replace("第一书记", "第一书记（试点）", 1)
    for kg in (memory, opened):
        kg.add(paths(NEW))
        kg.add(texts={OLD[0]: changed})
        kg.remove(OLD[1])
    assert [d.doc_id for d in opened.documents_] == [OLD[0], OLD[2], NEW]
    assert opened.document(OLD[0]).text == changed
    reopened = KnowledgeGraph(store=store_spec).open()
    assert reopened.documents_ == memory.documents_ and reopened.factsets_ == memory.factsets_
    assert reopened.lexicon_.terms == memory.lexicon_.terms
    expected = answers(memory)
    assert answers(opened) == expected
    assert answers(reopened) == expected
    docs = {e["doc"] for a in expected for e in a["evidence"]}
    assert NEW in docs and OLD[1] not in docs
    # and the graph is the one a first build of the same texts gives
    fresh = KnowledgeGraph().fit(texts={OLD[0]: changed, **{name: read_file(shared_path(name + ".txt")).text
                                                           for name in (OLD[2], NEW)}})
    assert reopened.factsets_ == fresh.factsets_ and reopened.lexicon_.terms == fresh.lexicon_.terms


def test_adding_to_an_empty_store_starts_it(store_spec):
    kg = KnowledgeGraph(store=store_spec).add(paths(OLD[2]))
    assert kg.added_ == [OLD[2]]
    opened = KnowledgeGraph(store=store_spec).open()
    assert [d.doc_id for d in opened.documents_] == [OLD[2]]
    assert answers(opened, QUESTIONS[:5]) == answers(KnowledgeGraph().fit(paths(OLD[2])), QUESTIONS[:5])
    opened.remove(OLD[2])
    assert KnowledgeGraph(store=store_spec).open().documents_ == []


def test_updates_carry_any_text_exactly(store_spec):
    tricky = ('第一条　党组每月研究1次党建工作。"} ; DROP ALL ; INSERT DATA { <a> <b> "c" } #\n'
              '第二条　反斜杠 \\ 与 \\u0022 与 \\U0001F600、引号 " \' 和 >< 都照原样保存。\t😀\n')
    kg = KnowledgeGraph(store=store_spec).fit(texts={"normal": "党支部每季度召开1次党员大会。"})
    kg.add(texts={'odd "name" {}': tricky})
    opened = KnowledgeGraph(store=store_spec).open()
    assert {d.doc_id: d.text for d in opened.documents_} == {d.doc_id: d.text for d in kg.documents_}
    assert opened.document("odd_name").text == tricky
    assert opened.document("normal").text == "党支部每季度召开1次党员大会。"


# ---------------------------------------------------------------------------------------------- layout
def _quads(folder):
    import pyoxigraph

    store = pyoxigraph.Store(str(folder))
    try:
        return {(q.subject.value, q.predicate.value, str(q.object),
                 getattr(q.graph_name, "value", "")) for q in store}
    finally:
        del store


def test_layout_one_graph_per_document_and_a_current_build(tmp_path):
    folder = tmp_path / "store"
    kg = KnowledgeGraph(store=f"oxigraph:{folder}").fit(ROOT / "corpus")
    quads = _quads(folder)
    current = [o for s, p, o, g in quads if s == str(STORE) and p.endswith("#currentBuild") and g == str(STORE)]
    assert current == [f"<{kg.build_}>"]
    graphs = {g for *_, g in quads if g and g != str(STORE)}
    assert graphs == {f"{kg.build_}/doc/{d.doc_id}" for d in kg.documents_}
    for doc in kg.documents_:
        graph = f"{kg.build_}/doc/{doc.doc_id}"
        mine = {p.rsplit("#", 1)[-1] for s, p, o, g in quads if g == graph and s.endswith("/doc/" + doc.doc_id)}
        assert {"documentJson", "factsJson", "termsJson", "isString"} <= mine
    assert any(g == "" and s == "https://w3id.org/kg-policy/ns" for s, p, o, g in quads)  # the ontology


def test_parallel_builds_are_identical(shared_kg, shared_corpus, tmp_path):
    two = KnowledgeGraph(workers=2).fit(shared_corpus)
    assert two.documents_ == shared_kg.documents_ and two.factsets_ == shared_kg.factsets_
    assert two.lexicon_.terms == shared_kg.lexicon_.terms
    assert set(two.graph.quads()) == set(shared_kg.graph.quads())
    stored = []
    for workers in (1, 2):
        folder = tmp_path / f"w{workers}"
        kg = KnowledgeGraph(store=f"oxigraph:{folder}", workers=workers).fit(ROOT / "corpus")
        stored.append({tuple(part.replace(kg.build_, "BUILD") for part in quad) for quad in _quads(folder)})
    assert stored[0] == stored[1]


# ---------------------------------------------------------------------------------------------- crash safety
def _make_corpus(n, folder):
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus(n, folder, seed=7)


def test_a_build_killed_half_way_leaves_the_old_state(tmp_path):
    folder = tmp_path / "store"
    spec = f"oxigraph:{folder}"
    old = KnowledgeGraph(store=spec).fit(paths(OLD[2]))
    expected = answers(KnowledgeGraph().fit(paths(OLD[2])), QUESTIONS[:8])
    corpus = _make_corpus(80, tmp_path / "synthetic")
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", "--store", spec, "--corpus", str(corpus),
                                "--progress"], cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 240
        for line in process.stderr:
            if line.startswith("kg: stored"):
                process.send_signal(signal.SIGKILL)
                break
            assert time.monotonic() < deadline, "the build never reported a stored document"
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the build finished before it could be killed"

    quads = _quads(folder)
    written = {g for *_, g in quads if g.startswith("https://w3id.org/kg-policy/build/") and old.build_ not in g}
    assert written, "the killed build wrote no document graph"
    opened = KnowledgeGraph(store=spec).open()
    assert opened.build_ == old.build_
    assert opened.documents_ == old.documents_ and opened.factsets_ == old.factsets_
    assert answers(opened, QUESTIONS[:8]) == expected

    # the next writer drops what the killed build left
    with open_store(spec) as store:
        assert store.clean() == len(written)
    assert not {g for *_, g in _quads(folder) if g.startswith("https://w3id.org/kg-policy/build/")
                and old.build_ not in g}


# ---------------------------------------------------------------------------------------------- remote errors
class _Handler(http.server.BaseHTTPRequestHandler):
    seen = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        self.seen.append(dict(self.headers))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/slow"):
            time.sleep(2)
        self.send_response(401 if self.path.startswith("/auth") else 200)
        self.end_headers()
        self.wfile.write(b"not json")

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_endpoint():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_remote_errors_name_the_endpoint_on_one_line(fake_endpoint, monkeypatch):
    monkeypatch.setenv("KG_SPARQL_USER", "reader")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "s3cret")
    cases = [(f"{fake_endpoint}/auth/query", "HTTP 401.*KG_SPARQL_USER"),
             (f"{fake_endpoint}/query", "not SPARQL JSON results"),
             ("http://127.0.0.1:9/query", "cannot reach the SPARQL endpoint")]
    for spec, message in cases:
        with pytest.raises(StoreError, match=message) as caught:
            KnowledgeGraph(store=spec).open()
        text = str(caught.value)
        assert spec.rsplit("/", 1)[0] in text and "\n" not in text and "s3cret" not in text
    assert _Handler.seen[0]["Authorization"] == "Basic cmVhZGVyOnMzY3JldA=="
    with open_store(f"{fake_endpoint}/slow/query", timeout=0.5) as store:
        with pytest.raises(StoreError, match="did not answer within 0.5 s"):
            store.read()


# ---------------------------------------------------------------------------------------------- command line
def run_kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_cli_build_add_remove_ask_on_a_store(store_spec, tmp_path):
    built = run_kg("build", "--store", store_spec, "--corpus", str(shared_path(OLD[2] + ".txt")), "--json")
    assert built.returncode == 0, built.stderr
    stats = json.loads(built.stdout)
    assert stats["documents"] == 1 and stats["triples"] > 1000 and stats["store"]
    added = run_kg("add", "--store", store_spec, str(ROOT / "corpus" / "shiyan_zhibu_gongzuo_guize.txt"))
    assert added.returncode == 0 and "holds 2 documents" in added.stdout, added.stderr
    question = "党支部书记的主要职责是什么？"
    asked = run_kg("ask", "--store", store_spec, "--json", question)
    assert asked.returncode == 0, asked.stderr
    memory = KnowledgeGraph().fit([shared_path(OLD[2] + ".txt"), ROOT / "corpus" / "shiyan_zhibu_gongzuo_guize.txt"])
    assert json.loads(asked.stdout) == memory.ask(question).to_dict()
    removed = run_kg("remove", "--store", store_spec, "shiyan_zhibu_gongzuo_guize")
    assert removed.returncode == 0 and "holds 1 documents" in removed.stdout, removed.stderr
    missing = run_kg("remove", "--store", store_spec, "nope")
    assert missing.returncode == 1 and "no document 'nope'" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, expected", [
    (["add", "corpus"], "kg add changes a persistent store"),
    (["ask", "--store", "oxigraph:{tmp}/empty", "问题"], "no store there"),
    (["build", "--workers", "0"], "--workers must be at least 1"),
])
def test_cli_store_errors_are_one_line(args, expected, tmp_path):
    result = run_kg(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode != 0
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_every_store_command_has_help():
    for command in ("add", "remove", "build"):
        result = run_kg(command, "--help")
        assert result.returncode == 0 and "--store" in result.stdout


def test_questions_written_as_sparql_change_nothing_in_the_store(store_spec):
    from .test_reliability import HOSTILE

    kg = KnowledgeGraph(store=store_spec).fit(texts={"rule": "第一条　党支部应当每月开展1次主题党日。"})
    with open_store(store_spec) as store:
        before = store.count_triples()
    for question in HOSTILE:
        assert kg.ask(question).to_dict()["answer"]
    reopened = KnowledgeGraph(store=store_spec).open()
    for question in HOSTILE[:6]:
        reopened.ask(question)
    with open_store(store_spec) as store:
        assert store.count_triples() == before
    assert [d.text for d in reopened.documents_] == ["第一条　党支部应当每月开展1次主题党日。"]
