"""How long a person waits in the explorer: server start, page load, first answer (headless Chromium).

    python benchmarks/bench_explorer.py [--runs 3] [--corpus PATH ...]

Each run starts the explorer as ``kg explore`` does (``kg.explore.explorer_command``) on a free port and
measures, with Debian's Chromium driven by Playwright:

* start: from starting the process until Streamlit answers its health check (the graph is built first);
* page load: from opening the page until the browser's load event (Streamlit's frontend arrives);
* page: from opening the page until the question box is shown;
* first answer: from pressing Enter on the first question until its answer card is shown;
* page + first answer: the two together, what the explorer's 2-second goal is about;
* again: a second page in the same browser, opened, asked and answered (Streamlit's frontend now cached).

For scale: a Streamlit app holding nothing but a text box takes 2.2 s to show it on a first visit in a fresh
headless Chromium here, and 0.9-1.0 s on later visits.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.explore import explorer_command  # noqa: E402
from kg.resources import app_dir  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUESTION = "第一书记要做什么？"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_healthy(url: str, process, timeout=180.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the explorer exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the explorer did not answer within {timeout:.0f} s")


def one_run(playwright, corpus) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    process = subprocess.Popen(explorer_command(corpus, port=port, address="127.0.0.1", open_browser=False),
                               cwd=app_dir(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(url, process)
        start = time.perf_counter() - started
        with tempfile.TemporaryDirectory(prefix="kg-bench-") as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, locale="zh-CN",
                viewport={"width": 1440, "height": 1000})
            context.set_default_timeout(120_000)
            try:
                page = context.new_page()
                opened = time.perf_counter()
                page.goto(url)
                loaded = time.perf_counter()
                box = page.get_by_role("textbox", name="问题")
                box.wait_for()
                shown = time.perf_counter()
                box.fill(QUESTION)
                asked = time.perf_counter()
                box.press("Enter")
                page.locator(".kg-answer").filter(has_text="第一书记").wait_for()
                answered = time.perf_counter()
                page.close()
                # A second visitor's page in the same browser (Streamlit's frontend already cached)
                again = context.new_page()
                reopened = time.perf_counter()
                again.goto(url)
                box = again.get_by_role("textbox", name="问题")
                box.wait_for()
                box.fill(QUESTION)
                box.press("Enter")
                again.locator(".kg-answer").filter(has_text="第一书记").wait_for()
                second = time.perf_counter() - reopened
            finally:
                context.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    return {"start": start, "page load (Streamlit's frontend)": loaded - opened, "page": shown - opened,
            "first answer": answered - asked,
            "page + first answer": (shown - opened) + (answered - asked),
            "again: page + answer (cached frontend)": second}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", action="append", help="texts to explore (default: the bundled samples)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        runs = [one_run(playwright, args.corpus) for _ in range(args.runs)]
    print(f"explorer on {', '.join(args.corpus) if args.corpus else 'the bundled corpus'}, {args.runs} runs "
          f"(median, min-max, seconds)")
    for name in runs[0]:
        values = [r[name] for r in runs]
        print(f"  {name:<34} {statistics.median(values):6.2f}   ({min(values):.2f}-{max(values):.2f})")


if __name__ == "__main__":
    main()
