"""Starting the explorer: Streamlit serves the bundled app from a child process that has built the graph.

``kg explore`` runs ``python -m kg.explore run …/explorer.py [options] -- --corpus …`` as a child process.
That process reads the corpus, builds the graph and its indexes, keeps them in :func:`prebuilt_graph`, and
only then starts Streamlit in the same process (through Streamlit's own command line), so the app finds the
graph ready and the first question is answered at once. The parent never imports Streamlit.

>>> explorer_command(port=8502, open_browser=False)[1:4]
['-m', 'kg.explore', 'run']
>>> explorer_command(port=8502, open_browser=False)[5:11]
['--server.port', '8502', '--server.address', 'localhost', '--server.headless', 'true']
>>> explorer_command(["a.txt"])[-3:] == ["--", "--corpus", str(Path("a.txt").resolve())]
True
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import subprocess
import sys
import threading
import time
from pathlib import Path

from .errors import KgError
from .resources import app_dir, sample_corpus_dir

INSTALL_HINT = "pip install 'kg-policy[explorer]'"

# Graphs built before the server started, by their corpus (absolute paths). Read by the app.
_PREBUILT: dict = {}


def _absolute(path) -> str:
    return str(Path(path).expanduser().resolve())


def _paths(corpus) -> list:
    if corpus is None:
        return []
    return [corpus] if isinstance(corpus, (str, Path)) else list(corpus)


def corpus_from_args(argv) -> tuple:
    """The corpus of the app's arguments (``--corpus PATH``, repeatable), as absolute paths; the bundled
    sample corpus when none is given.

    >>> corpus_from_args([]) == (str(sample_corpus_dir().resolve()),)
    True
    """
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--corpus", action="append", default=[])
    known, _ = parser.parse_known_args(argv)
    return tuple(_absolute(p) for p in (known.corpus or [sample_corpus_dir()]))


def prebuilt_graph(corpus: tuple):
    """The graph built for ``corpus`` before the server started, or ``None``."""
    return _PREBUILT.get(tuple(corpus))


def explorer_command(corpus=None, port: int = 8501, address: str = "localhost", open_browser: bool = True) -> list:
    """The command line that runs the explorer: ``python -m kg.explore run …/explorer.py … -- --corpus …``.

    Its options are Streamlit's (``streamlit run``); corpus paths are made absolute, so the app finds them
    whatever its working folder.
    """
    command = [sys.executable, "-m", "kg.explore", "run", str(app_dir() / "explorer.py"),
               "--server.port", str(int(port)), "--server.address", str(address),
               "--server.headless", "false" if open_browser else "true",
               "--browser.gatherUsageStats", "false", "--client.toolbarMode", "viewer"]
    paths = [_absolute(p) for p in _paths(corpus)]
    if paths:
        command.append("--")
        for path in paths:
            command += ["--corpus", path]
    return command


def check_streamlit():
    """Raise a :class:`KgError` saying how to install Streamlit when it is missing."""
    if importlib.util.find_spec("streamlit") is None:
        raise KgError(f"the explorer needs Streamlit, which is not installed: {INSTALL_HINT}")


def launch(corpus=None, port: int = 8501, address: str = "localhost", open_browser: bool = True) -> int:
    """Run the explorer until it stops; returns Streamlit's exit status.

    Parameters
    ----------
    corpus : path or list of paths, optional
        Texts and folders to explore; the bundled sample corpus when ``None``.
    port, address : int, str
        Where the explorer listens.
    open_browser : bool
        Open a browser window on start (Streamlit's ``--server.headless false``).
    """
    check_streamlit()
    for path in _paths(corpus):
        if not Path(path).exists():
            raise KgError(f"{path}: no such file or folder")
    command = explorer_command(corpus, port, address, open_browser)
    try:
        # From the app's own folder: ``python -m`` puts the working folder first on sys.path, and a
        # stray click.py or pandas.py there would be imported instead of the real one.
        return subprocess.call(command, cwd=app_dir())
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        raise KgError(f"cannot start the explorer ({exc.strerror or exc})") from None


def prebuild(corpus: tuple):
    """Build the graph of ``corpus`` with its question indexes, and keep it for the app.

    The RDF graph (for the SPARQL and export pages) is built in a background thread.
    A corpus that cannot be read is left to the app, which says why on the page.
    """
    from .knowledge import KnowledgeGraph

    started = time.perf_counter()
    print(f"kg: building the graph of {', '.join(corpus)} …", file=sys.stderr, flush=True)
    try:
        kg = KnowledgeGraph().fit(corpus=list(corpus))
    except KgError as exc:
        print(f"kg: warning: {exc}", file=sys.stderr, flush=True)
        return None
    for error in kg.read_errors_:
        print(f"kg: warning: skipped {error}", file=sys.stderr, flush=True)
    kg.ask("第一书记要做什么？")  # builds the tokenizer and the TF-IDF indexes
    threading.Thread(target=lambda: kg.graph, name="kg-rdf-graph", daemon=True).start()
    _PREBUILT[tuple(corpus)] = kg
    print(f"kg: graph ready in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return kg


def serve(argv) -> int:
    """``python -m kg.explore run APP [streamlit options] -- [--corpus PATH]...``: prebuild, then serve."""
    app_args = argv[argv.index("--") + 1:] if "--" in argv else []
    prebuild(corpus_from_args(app_args))
    # What the app's first run would otherwise import while the first visitor waits.
    for module in ("streamlit", "pandas", "altair", "networkx"):
        importlib.import_module(module)
    from streamlit.web import cli

    sys.argv = ["streamlit", *argv]
    return cli.main()


if __name__ == "__main__":
    # Share one module between this runner and the app: the app imports ``kg.explore``.
    from kg import explore

    sys.exit(explore.serve(sys.argv[1:]))
