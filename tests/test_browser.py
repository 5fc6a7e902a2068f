"""End to end: the explorer served by Streamlit and driven in headless Chromium (Debian's, through Playwright).

Needs ``/usr/bin/chromium`` (never downloaded: Playwright only drives it), the ``playwright`` Python package,
Streamlit and CJK fonts (``fonts-noto-cjk``). Skipped, saying what is missing, when one is absent and ``CI`` is
unset; a failure when ``CI`` is set. Screenshots go to ``tests/screenshots/``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from kg import explore

from .conftest import ROOT

APP = ROOT / "app" / "explorer.py"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1440, "height": 1400}
COLD_START_SECONDS = 120   # the first session builds the graph (imports, jieba, extraction)
STEP_MS = 30_000
UPLOADED_TEXT = ("青川市社区网格工作规则\n"
                 "第一条　网格事务协调员每周走访1次辖区内的党员家庭。\n"
                 "第二条　网格事务协调员应当及时上报群众诉求，不得推诿。\n")


def _require(present, what: str):
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI is set: the browser test must run")
    pytest.skip(f"{what} is missing: the browser test needs it")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_healthy(url: str, process, log: Path, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the explorer exited with status {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"the explorer did not answer on {url} within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The explorer on the bundled corpus, on a free localhost port; stopped after the module."""
    _require(CHROMIUM.exists(), str(CHROMIUM) + " (apt-get install chromium)")
    _require(importlib.util.find_spec("playwright"), "the playwright Python package (pip install playwright)")
    _require(importlib.util.find_spec("streamlit"), "streamlit (pip install 'kg-policy[explorer]')")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("explorer") / "streamlit.log"
    with open(log, "wb") as out:
        # The command `kg explore` runs: the graph is built before the server answers.
        process = subprocess.Popen(explore.explorer_command(port=port, address="127.0.0.1", open_browser=False),
                                   cwd=APP.parent, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_healthy(url, process, log)
        yield url, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def browser_context(server):
    """A fresh Chromium profile; every request that leaves localhost is refused and recorded."""
    from playwright.sync_api import sync_playwright

    outside = []

    def only_localhost(route):
        if re.match(r"^(https?|wss?)://(127\.0\.0\.1|localhost)[:/]", route.request.url) or \
                route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, viewport=VIEWPORT,
            locale="zh-CN")
        context.route("**/*", only_localhost)
        context.set_default_timeout(STEP_MS)
        try:
            yield context, outside
        finally:
            context.close()


def _screenshot(page, name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.mouse.move(1, 1, steps=8)  # no hover toolbar or tooltip over the content
    page.wait_for_timeout(600)  # let charts and fonts settle
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _no_exception(page):
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]').first.inner_text()


def _open_page(page, label: str):
    page.locator('[data-testid="stSidebar"]').get_by_text(label, exact=True).click()


def _ask(page, question: str):
    box = page.get_by_role("textbox", name=re.compile("问题|Question"))
    box.fill(question)
    box.press("Enter")


def _answer_card(page, containing: str):
    card = page.locator(".kg-answer").filter(has_text=containing)
    card.wait_for()
    return card


def _choose(page, label: str, option: str):
    """Pick ``option`` (its visible text starts so) in the selectbox labelled ``label``."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.locator("input").click()
    page.keyboard.type(option)
    page.get_by_role("option", name=re.compile("^" + re.escape(option))).first.click()


def _check_ask(page):
    """Ask: the answer, its evidence marked in its paragraph, and how the question was understood."""
    _ask(page, "第一书记要做什么？")
    answer = _answer_card(page, "第一书记")
    assert "第一书记" in answer.inner_text()
    evidence = page.locator(".kg-evidence mark")
    evidence.first.wait_for()
    assert evidence.count() >= 1 and len(evidence.first.inner_text()) > 5
    _no_exception(page)
    _screenshot(page, "ask")
    page.get_by_text("如何理解这个问题").click()
    trace = page.locator('[data-testid="stJson"]').first
    trace.wait_for()
    trace.scroll_into_view_if_needed()
    assert page.get_by_text("第一书记 / ").count() >= 1  # the tokens
    _screenshot(page, "ask_understood")


def _check_roles(page):
    """Roles: duties, posts and the chain of responsibility drawn as a layered graph."""
    _open_page(page, "角色")
    page.get_by_role("heading", name="责任链条").wait_for()
    chain = page.locator('[data-testid="stGraphVizChart"] svg').first
    chain.wait_for()
    assert "第一书记" in chain.text_content()
    assert page.locator(".kg-list details").count() >= 1
    _choose(page, "选择角色或组织", "党支部")
    page.locator('[data-testid="stGraphVizChart"] svg').filter(has_text="党支部").first.wait_for()
    _no_exception(page)
    _screenshot(page, "roles_chain")


def _check_formulae(page):
    """Formulae: the chosen formula drawn as a tree with its count check; every formula as a small tree."""
    _open_page(page, "数字化表述")
    tree = page.locator('[data-testid="stGraphVizChart"] svg').first
    tree.wait_for()
    tree.locator("g.node").nth(2).wait_for()  # drawn node by node: wait for three
    page.locator(".kg-tag").filter(has_text="数目相符").first.wait_for()
    page.locator(".kg-tree").first.wait_for()  # the small trees come after the chosen formula
    _no_exception(page)
    _screenshot(page, "formulae")


def _check_graph(page):
    """Graph: the neighbourhood of a node; clicking a neighbour shows its facts."""
    _open_page(page, "关系图")
    centre = page.get_by_role("heading", name=re.compile("「.+」的事实"))
    centre.wait_for()
    centre_label = re.search("「(.+)」", centre.inner_text()).group(1)
    circles = page.locator('[data-testid="stVegaLiteChart"] [aria-roledescription="circle"]')
    circles.first.wait_for()
    labels = [re.search(r"名称: ([^;]+)", c.get_attribute("aria-label") or "") for c in circles.all()]
    labels = [m.group(1).strip() if m else "" for m in labels]
    neighbour = next(label for label in labels if label and label != centre_label)
    circles.nth(labels.index(neighbour)).click()
    page.get_by_role("heading", name=f"「{neighbour}」的事实").wait_for()
    assert page.locator(".kg-list details").count() >= 1
    _no_exception(page)
    _screenshot(page, "graph")


def _upload_and_ask(page, folder: Path):
    """Documents: a text of our own joins the graph, and questions find it."""
    upload = folder / "网格规则.txt"
    upload.write_text(UPLOADED_TEXT, encoding="utf-8")
    _open_page(page, "文档")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
    page.wait_for_function("() => [...document.querySelectorAll('button')].some("
                           "b => b.innerText.includes('加入知识图谱') && !b.disabled)")
    page.get_by_role("button", name="加入知识图谱").click()
    page.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="网格规则").wait_for()
    _no_exception(page)
    _screenshot(page, "documents_upload")
    _open_page(page, "提问")
    _ask(page, "网格事务协调员要做什么？")
    page.locator(".kg-evidence").filter(has_text="网格事务协调员").first.wait_for()
    assert page.locator(".kg-evidence").filter(has_text="网格规则").count() >= 1
    _no_exception(page)
    _screenshot(page, "ask_uploaded")


def _check_english_and_sparql(page):
    """The English switch, and the SPARQL console refusing an update."""
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    _open_page(page, "SPARQL")
    query = page.get_by_role("textbox", name="Query")
    query.fill("DROP ALL")
    query.press("Control+Enter")
    page.get_by_role("button", name="Run query").click()
    page.locator('[data-testid="stAlertContentError"]').filter(has_text="read-only").wait_for()
    _no_exception(page)
    _screenshot(page, "sparql_refused")


def test_explorer_in_a_real_browser(server, browser_context, tmp_path):
    url, log = server
    context, outside = browser_context
    page = context.new_page()
    page.goto(url, timeout=COLD_START_SECONDS * 1000)
    page.get_by_role("button", name="第一书记要做什么？").wait_for(timeout=COLD_START_SECONDS * 1000)
    _check_ask(page)
    _check_roles(page)
    _check_formulae(page)
    _check_graph(page)
    _upload_and_ask(page, tmp_path)
    _check_english_and_sparql(page)
    assert not outside, f"the explorer tried to reach the internet: {outside[:5]}"
    assert "Traceback" not in log.read_text(errors="replace")


def test_a_second_visitor_asks_an_example_and_gets_its_evidence(server, browser_context):
    """A new session shares the graph built before the server started: clicking an example answers it.
    How fast is measured by benchmarks/bench_explorer.py, not here (a shared CI machine makes timings noise)."""
    url, _ = server
    context, _ = browser_context
    page = context.new_page()
    page.goto(url, timeout=COLD_START_SECONDS * 1000)
    page.get_by_role("button", name="第一书记要做什么？").click()
    _answer_card(page, "第一书记")
    page.locator(".kg-evidence mark").first.wait_for()
    _no_exception(page)
    page.close()
