"""The explorer: its display logic (kg.views) on the real report, the app driven by AppTest, and its launcher."""

from __future__ import annotations

import html
import io
import os
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.document import parse_document
from kg.errors import KgError, ReadError
from kg.facts import MODALITIES
from kg import explore, views

from .conftest import ROOT

APP = ROOT / "app" / "explorer.py"
UPDATES = ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/data>",
           "CLEAR ALL", "DROP GRAPH <urn:g>", "CREATE GRAPH <urn:g>", "ADD DEFAULT TO <urn:g>",
           "MOVE <urn:a> TO <urn:b>", "COPY DEFAULT TO <urn:g>",
           "INSERT { ?s a <urn:X> } WHERE { ?s ?p ?o }")


def _text_of(evidence_html: str) -> str:
    """The marked text of an evidence paragraph, unescaped."""
    return html.unescape(re.search(r"<mark>(.*?)</mark>", evidence_html, re.S).group(1).replace("<br>", "\n"))


# ---------------------------------------------------------------------------- views on the real report
def test_evidence_of_an_answer_is_marked_inside_its_paragraph(report_kg):
    answer = report_kg.ask("第一书记要做什么？")
    shown = views.evidence_of_answer(report_kg, answer)
    assert shown and len(shown) == len(answer.evidence)
    for item, view in zip(answer.evidence, shown):
        doc = report_kg.document(view.doc)
        assert doc.text[view.start:view.end] == view.text == item.text
        assert _text_of(view.html) == view.text
        assert view.title == doc.title and view.section


def test_highlight_escapes_every_piece_of_text():
    doc = parse_document("一、<b>做法</b>\n党组<script>alert(1)</script>每月学习1次。党员&群众参加。\n", "d")
    sentence = doc.sentences[0]
    marked = views.highlight_html(doc, sentence.start, sentence.end)
    assert "<script>" not in marked and "<b>" not in marked
    assert "&lt;script&gt;" in marked and "&amp;群众" in marked
    assert _text_of(marked) == sentence.text


def test_highlight_cuts_long_paragraphs_with_an_ellipsis(report_kg):
    doc = report_kg.documents_[0]
    longest = max(doc.paragraphs, key=lambda p: p.end - p.start)
    sentence = next(s for s in doc.sentences if s.paragraph == longest.index and s.start > longest.start + 200)
    marked = views.highlight_html(doc, sentence.start, sentence.end, context=40)
    assert marked.startswith("…") and len(html.unescape(re.sub("<[^>]+>", "", marked))) < len(sentence.text) + 90


def test_highlight_refuses_a_span_outside_the_text(report_kg):
    doc = report_kg.documents_[0]
    with pytest.raises(KgError, match="outside"):
        views.highlight_html(doc, 0, len(doc.text) + 1)


def test_duties_of_every_bearer_are_grouped_by_modality_then_period(report_kg):
    for key in report_kg.facts_.roles_with_duties():
        groups = views.role_duties(report_kg, key, include_posts=False)
        assert sum(g.count for g in groups) == len(report_kg.facts_.duties_of(key))
        assert [g.modality for g in groups] == [m for m in MODALITIES if m in {g.modality for g in groups}]
        for group in groups:
            for _, rows in group.frequencies:
                for row in rows:
                    assert row.modality == group.modality
                    assert report_kg.document(row.evidence.doc).text[row.evidence.start:row.evidence.end] == \
                        row.evidence.text


def test_duties_through_posts_say_which_post(report_kg):
    key = "FirstSecretary"
    related = views.related_roles(report_kg, key)
    assert related[0] == (key, "")
    with_posts = sum(g.count for g in views.role_duties(report_kg, key))
    assert with_posts == sum(len(report_kg.facts_.duties_of(k)) for k, _ in related)
    rows = [row for g in views.role_duties(report_kg, key) for _, rs in g.frequencies for row in rs]
    assert sum(1 for row in rows if not row.via) == len(report_kg.facts_.duties_of(key))


def test_first_secretary_post_is_held_by_the_party_group_secretary(report_kg):
    posts = views.role_posts(report_kg, "FirstSecretary")
    assert {p.holder for p in posts} & {"党委（组）书记", "党组书记"}
    assert all(p.relation in ("担任", "兼任") and "第一书记" in p.evidence.text for p in posts)
    english = views.role_posts(report_kg, "FirstSecretary", "en")
    assert all(p.relation in ("holds", "concurrently holds") for p in english)


def test_problems_about_a_role_come_with_their_sentence(report_kg):
    concerned = {p.concerns.key for p in report_kg.facts_.problems if p.concerns is not None}
    assert concerned
    for key in concerned:
        for row in views.role_problems(report_kg, key):
            assert row.description and row.evidence.text in report_kg.document(row.evidence.doc).text


def test_role_options_cover_every_bearer(report_kg):
    options = views.role_options(report_kg)
    keys = {o.key for o in options}
    bearers = {d.bearer.key for d in report_kg.facts_.duties if d.bearer and d.bearer.kind in ("role", "organization")}
    assert bearers and bearers <= keys
    assert [o.facts for o in options] == sorted((o.facts for o in options), reverse=True)
    english = {o.key: o.label for o in views.role_options(report_kg, "en")}
    assert english.get("FirstSecretary", "").startswith("first secretary")


def test_chain_is_drawn_in_layers_with_chinese_labels(report_kg):
    links = report_kg.facts_.chains
    if not links:
        pytest.skip("no chain links found in the report yet")
    key = links[0].superior.key
    chain = views.role_chain(report_kg, key)
    dot = views.chain_dot(report_kg, chain, key)
    assert dot.startswith("digraph chain {") and dot.rstrip().endswith("}")
    assert 'fontname="Noto Sans CJK SC"' in dot and "rank=same" in dot
    for node in chain.nodes:
        assert views.dot_string(views.term_label(report_kg, node, "zh", chain.nodes[node]["label"])) in dot
    assert "领导" in dot or "指导" in dot or "监督" in dot
    assert "leads" in views.chain_dot(report_kg, chain, key, "en") or "guides" in views.chain_dot(
        report_kg, chain, key, "en") or "supervises" in views.chain_dot(report_kg, chain, key, "en")


def test_dot_strings_cannot_break_out_of_their_quotes():
    assert views.dot_string('a"];x->y;["') == '"a\\"];x->y;[\\""'
    assert views.dot_string("a\\") == '"a\\\\"'


def test_formula_views_show_parts_count_check_and_source(report_kg):
    shown = {v.name: v for v in views.formula_views(report_kg)}
    letter = shown["一书两单三会议"]
    assert letter.source == "text" and letter.status == "confirmed"
    assert dict(letter.groups) == {"一书": ("党风廉政责任书",), "两单": ("从严治党主体责任清单", "廉政建设主体责任清单"),
                                   "三会议": ("年度党建会", "从严治党会", "述职述责述廉会")}
    assert "6" in letter.check and letter.occurrences
    for view in shown.values():
        assert view.source in ("text", "glossary", "none")
        assert bool(view.groups) == (view.source != "none")
        assert view.check
        for evidence in view.occurrences:
            assert report_kg.document(evidence.doc).text[evidence.start:evidence.end] == evidence.text


def test_formula_known_only_to_the_glossary_says_so(report_kg):
    glossary = [v for v in views.formula_views(report_kg) if v.source == "glossary"]
    assert glossary, "the report names formulae it does not define (三会一课, 四个意识…)"
    for view in glossary:
        term = report_kg.lexicon_.get(view.key)
        assert [p for _, parts in view.groups for p in parts] == [zh for zh, _ in term.parts]
    english = {v.key: v for v in views.formula_views(report_kg, "en")}
    assert all(english[v.key].groups for v in glossary)


def test_formula_tree_as_dot(report_kg):
    view = next(v for v in views.formula_views(report_kg) if v.name == "一书两单三会议")
    dot = views.formula_dot(view)
    for _, parts in view.groups:
        for part in parts:
            assert views.dot_string(part) in dot
    assert dot.count("->") == len(view.groups) + sum(len(p) for _, p in view.groups)


def test_fact_graph_neighbourhood_is_filtered_by_kind_and_document(report_kg):
    graph = views.fact_graph(report_kg)
    assert views.fact_graph(report_kg) is graph  # built once
    centre = views.node_choices(graph)[0]
    near = views.neighbourhood(graph, centre, radius=1)
    assert centre in near and all(nx.has_path(near.to_undirected(), centre, n) for n in near)
    only_duties = views.neighbourhood(graph, centre, kinds={"duty"})
    assert all(only_duties.nodes[n]["kind"] == "duty" for n in only_duties if n != centre)
    assert list(views.neighbourhood(graph, centre, docs={"no such document"}).nodes) == [centre]
    assert len(views.neighbourhood(graph, centre, radius=3, limit=5)) <= 5
    assert len(views.neighbourhood(graph, "no such node")) == 0


def test_network_rows_place_the_centre_in_the_middle(report_kg):
    graph = views.fact_graph(report_kg)
    centre = views.node_choices(graph)[0]
    near = views.neighbourhood(graph, centre, radius=2)
    nodes, edges = views.network_rows(near, centre)
    middle = next(n for n in nodes if n["center"])
    assert (middle["x"], middle["y"]) == (0.0, 0.0)
    assert max((n["x"] ** 2 + n["y"] ** 2) ** 0.5 for n in nodes) == pytest.approx(1.0)
    assert len(edges) == 2 * near.number_of_edges()


def test_node_facts_carry_their_evidence(report_kg):
    graph = views.fact_graph(report_kg)
    for node in views.node_choices(graph)[:10]:
        rows = views.node_facts(report_kg, graph, node)
        assert rows
        for row in rows:
            assert row.kind and row.summary and row.evidence
            for view in row.evidence:
                assert report_kg.document(view.doc).text[view.start:view.end] == view.text


def test_document_statistics_add_up(report_kg):
    rows = views.document_stats(report_kg)
    stats = report_kg.stats()
    assert len(rows) == stats["documents"]
    for name in ("duties", "formulae", "holdings", "problems", "chains", "mentions", "sentences"):
        assert sum(r[name] for r in rows) == stats[name]
    assert views.document_stats(report_kg, uploaded={rows[0]["doc"]})[0]["uploaded"]


@pytest.mark.parametrize("query", UPDATES)
def test_sparql_updates_are_refused(query):
    with pytest.raises(views.ReadOnlyQueryError, match="read-only"):
        views.read_only_query(query)


@pytest.mark.parametrize("query, message", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("SELEC ?x", "not a valid SPARQL query"),
    ("   ", "empty"),
])
def test_sparql_remote_and_broken_queries_are_refused(query, message):
    with pytest.raises(views.ReadOnlyQueryError, match=message):
        views.read_only_query(query)


def test_sparql_select_ask_construct_describe_run(report_kg):
    select = views.run_sparql(report_kg, 'SELECT ?name WHERE { ?f a kg:Mechanism ; skos:prefLabel ?name . '
                                         'FILTER(lang(?name) = "zh") }')
    assert select.kind == "select" and select.columns == ("name",)
    assert ("一书两单三会议",) in select.rows
    assert views.run_sparql(report_kg, "ASK { ?d a kg:Duty }").boolean is True
    construct = views.run_sparql(report_kg, "CONSTRUCT { ?s a kg:Duty } WHERE { ?s a kg:Duty }")
    assert construct.kind == "graph" and "kg:Duty" in construct.turtle
    assert views.run_sparql(report_kg, "DESCRIBE kgv:FirstSecretary").kind == "graph"
    few = views.run_sparql(report_kg, "SELECT ?s WHERE { ?s a kg:Sentence }", limit=3)
    assert len(few.rows) == 3 and few.truncated


def test_uploads_are_read_with_clear_errors():
    text = "第一条　网格员每周走访1次党员家庭。".encode("utf-8")
    source = views.read_upload("网格 规则.txt", text, taken={"网格_规则"})
    assert source.doc_id == "网格_规则-2" and source.text.startswith("第一条")
    with pytest.raises(ReadError, match="only .txt and .md"):
        views.read_upload("report.pdf", text)
    with pytest.raises(ReadError, match="too large"):
        views.read_upload("big.txt", b"x" * (views.MAX_UPLOAD_BYTES + 1))
    with pytest.raises(ReadError, match="binary"):
        views.read_upload("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ReadError, match="empty"):
        views.read_upload("empty.md", b"")


def test_uploaded_identifiers_survive_being_read_again():
    from kg.reading import make_doc_id

    for name in ("v1.2.txt", "报告（修订）.md", "../../etc/passwd.txt", "a b.c.txt"):
        doc_id = views.unique_doc_id(name, ())
        assert make_doc_id(doc_id) == doc_id and "/" not in doc_id


def test_exports(report_kg):
    assert views.export_bytes(report_kg, "turtle").startswith(b"@prefix")
    assert views.export_bytes(report_kg, "json-ld").lstrip()[:1] in (b"[", b"{")
    graph = nx.read_graphml(io.BytesIO(views.graphml_bytes(report_kg)))
    assert graph.number_of_nodes() == views.fact_graph(report_kg).number_of_nodes()
    assert {d["kind"] for _, d in graph.nodes(data=True)} >= {"duty", "mechanism"}
    with pytest.raises(KgError, match="unknown export format"):
        views.export_bytes(report_kg, "rdfxml")


def test_escape_markdown_leaves_no_markup():
    assert views.escape_markdown("**粗** [链接](javascript:x) $a$ :red[b] <i>") == (
        "\\*\\*粗\\*\\* \\[链接\\]\\(javascript\\:x\\) \\$a\\$ \\:red\\[b\\] &lt;i&gt;")


# ---------------------------------------------------------------------------- the launcher
def test_launch_runs_streamlit_on_the_bundled_app(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(explore.subprocess, "call", lambda command, cwd: calls.append(command) or 0)
    assert explore.launch(corpus=[tmp_path], port=8600, address="127.0.0.1", open_browser=False) == 0
    command = calls[0]
    assert command[1:4] == ["-m", "kg.explore", "run"] and command[4].endswith("explorer.py")
    assert Path(command[4]).is_file()
    assert command[command.index("--server.port") + 1] == "8600"
    assert command[command.index("--server.headless") + 1] == "true"
    assert command[-3:] == ["--", "--corpus", str(tmp_path.resolve())]


def test_the_server_process_prebuilds_the_graph_for_the_app(tmp_path):
    (tmp_path / "rule.txt").write_text("第一条　党支部应当每月开展1次主题党日。", encoding="utf-8")
    corpus = explore.corpus_from_args(["--corpus", str(tmp_path)])
    assert explore.prebuilt_graph(corpus) is None
    kg = explore.prebuild(corpus)
    try:
        assert explore.prebuilt_graph(corpus) is kg
        assert [d.doc_id for d in kg.documents_] == ["rule"]
        assert "每月开展1次主题党日" in kg.ask("党支部要做什么？").text
    finally:
        explore._PREBUILT.clear()
    assert explore.prebuild(explore.corpus_from_args(["--corpus", str(tmp_path / "missing")])) is None


def test_launch_without_streamlit_says_how_to_install(monkeypatch):
    monkeypatch.setattr(explore.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(KgError, match=r"pip install 'kg-policy\[explorer\]'"):
        explore.launch()


def test_launch_names_a_missing_corpus(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        explore.launch(corpus=[tmp_path / "missing.txt"])


def test_the_library_never_imports_streamlit():
    import subprocess
    import sys

    code = "import sys, kg, kg.views, kg.explore, kg.cli; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------- the app, with AppTest
def _apptest():
    try:
        from streamlit.testing.v1 import AppTest
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("streamlit is missing, and CI is set: install the explorer extra")
        pytest.skip("streamlit is not installed (pip install 'kg-policy[explorer]')")
    return AppTest.from_file(str(APP), default_timeout=120)


@pytest.fixture
def app():
    at = _apptest().run()
    assert not at.exception, at.exception
    return at


def _page(at, page):
    at.radio(key="page").set_value(page).run()
    assert not at.exception, at.exception
    return at


def _plain(markdown: str) -> str:
    """Markdown escaped by kg.views.escape_markdown, back to its text."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def _html(at) -> str:
    return "\n".join(h.value for h in at.html)


def test_app_loads_without_exceptions(app):
    assert app.radio(key="page").options[:3] == ["提问", "角色", "数字化表述"]
    assert [b.label for b in app.button if b.key and b.key.startswith("example_")]
    for page in ("roles", "formulae", "graph", "documents", "sparql", "export"):
        _page(app, page)


def test_clicking_an_example_shows_an_answer_with_evidence(app):
    example = app.button(key="example_0")
    example.click().run()
    assert not app.exception
    assert app.text_input(key="question").value == example.label
    page = _html(app)
    assert 'class="kg-answer"' in page and "第一书记" in page
    marked = re.findall(r"<mark>(.*?)</mark>", page, re.S)
    assert marked, "the evidence sentences are marked inside their paragraphs"
    assert app.expander and any("如何理解" in e.label for e in app.expander)


def test_switching_to_english_changes_the_labels(app):
    app.toggle(key="english").set_value(True).run()
    assert not app.exception
    assert app.radio(key="page").options[:3] == ["Ask", "Roles", "Formulae"]
    assert app.button(key="example_0").label == "What must a first secretary do?"
    app.button(key="example_0").click().run()
    assert "Duties of" in _html(app) or "first secretary" in _html(app).lower()
    for page in ("roles", "formulae", "graph", "documents", "sparql", "export"):
        _page(app, page)
        title = app.subheader[0].value
        assert title and not re.search("[\u4e00-\u9fff]", title), f"the {page} page's title is in English"


def test_sparql_updates_are_refused_in_the_console(app):
    _page(app, "sparql")
    app.text_area(key="sparql_query").set_value("DELETE WHERE { ?s ?p ?o }").run()
    app.button(key="run_sparql").click().run()
    assert app.error and "read-only" in _plain(app.error[0].value) and "DELETE WHERE" in app.error[0].value
    app.text_area(key="sparql_query").set_value("SELECT ?s WHERE { ?s a kg:Duty } LIMIT 5").run()
    app.button(key="run_sparql").click().run()
    assert not app.error and len(app.dataframe[0].value) == 5


def test_sparql_examples_fill_the_query(app):
    _page(app, "sparql")
    app.selectbox(key="sparql_example").select("chains").run()
    assert "kg:ResponsibilityLink" in app.text_area(key="sparql_query").value


def test_roles_page_shows_the_duties_of_a_role(app, sample_kg):
    key = max(sample_kg.facts_.roles_with_duties(), key=lambda k: len(sample_kg.facts_.duties_of(k)))
    _page(app, "roles")
    app.selectbox(key="role").select(key).run()
    assert not app.exception
    page = html.unescape(_html(app))
    for duty in sample_kg.facts_.duties_of(key):
        assert duty.action in page
    assert any(m.value.startswith("#### 职责") for m in app.markdown)
    downloads = [b.proto.label for b in app.get("download_button")]
    assert any("Excel" in label for label in downloads) and any("CSV" in label for label in downloads)


def test_list_downloads_are_the_roles_rows(monkeypatch):
    import openpyxl

    _apptest()  # skips (or fails in CI) without streamlit
    monkeypatch.syspath_prepend(str(APP.parent))
    import explorer_browse

    from kg import KnowledgeGraph
    from kg.lists import responsibility_rows

    kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。党员应当按期交纳党费。"})
    rows = responsibility_rows(kg, organization="党支部")
    workbook = openpyxl.load_workbook(io.BytesIO(explorer_browse.xlsx_bytes(rows)))
    assert "党支部" in workbook.sheetnames
    text = explorer_browse.csv_bytes(rows).decode("utf-8")
    assert text.startswith("\ufeff") and "每月开展1次主题党日" in text and "按期交纳党费" not in text


def test_roles_page_draws_the_chain(app, sample_kg):
    links = sample_kg.facts_.chains
    if not links:
        pytest.skip("the sample corpus has no chain links yet")
    _page(app, "roles")
    app.selectbox(key="role").select(links[0].subordinate.key).run()
    charts = app.get("graphviz_chart")
    assert charts and links[0].superior.label in charts[0].proto.spec


def test_formula_page_shows_the_parts(app, sample_kg):
    with_parts = [v for v in views.formula_views(sample_kg) if v.source == "text" and v.groups]
    assert with_parts, "the sample corpus defines numbered formulae in its text"
    view = with_parts[-1]
    _page(app, "formulae")
    app.selectbox(key="formula").select(view.key).run()
    assert not app.exception
    spec = app.get("graphviz_chart")[0].proto.spec
    page = html.unescape(_html(app))
    for _, parts in view.groups:
        for part in parts:
            assert views.dot_string(part) in spec and part in page
    assert view.check in page


def test_graph_page_shows_the_facts_of_the_centre(app, sample_kg):
    _page(app, "graph")
    graph = views.fact_graph(sample_kg)
    centre = views.node_choices(graph)[0]
    app.selectbox(key="graph_node").select(centre).run()
    assert not app.exception
    assert any(graph.nodes[centre]["label"] in m.value for m in app.markdown)
    assert "<details>" in _html(app)


def test_uploaded_text_joins_the_graph_and_bad_files_are_refused(app):
    _page(app, "documents")
    uploader = app.file_uploader(key="uploads")
    uploader.upload("binary.txt", b"\x00\x01\x02PK\x03\x04" * 20, "text/plain")
    uploader.upload("网格规则.txt", "青川市社区网格工作规则\n第一条　网格事务协调员每周走访1次辖区内的党员家庭。\n"
                    .encode("utf-8"), "text/plain")
    app.run()
    app.button(key="add_uploads").click().run()
    assert not app.exception
    assert any("binary.txt" in _plain(e.value) and "text file" in _plain(e.value) for e in app.error)
    assert app.success and "网格规则" in app.success[0].value
    table = app.dataframe[0].value
    assert "网格规则" in list(table["文档"])
    app.button(key="remove_uploads").click().run()
    assert "网格规则" not in list(app.dataframe[0].value["文档"])
    app.file_uploader(key="uploads").set_value(("网格规则.txt", "第一条　网格事务协调员每周走访1次辖区内的党员家庭。\n"
                                                .encode("utf-8"), "text/plain"))
    app.run()
    app.button(key="add_uploads").click().run()
    assert app.success
    _page(app, "ask")
    app.text_input(key="question").set_value("网格事务协调员要做什么？").run()
    assert "走访1次辖区内的党员家庭" in html.unescape(_html(app))


def test_export_page_offers_three_downloads(app):
    _page(app, "export")
    labels = [b.proto.label for b in app.get("download_button")]
    assert len(labels) == 3 and any("GraphML" in label for label in labels)
