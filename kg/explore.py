"""Starting the explorer: ``streamlit run`` on the bundled app, as a child process.

Streamlit is imported by the child only; this module merely checks that it is installed.

>>> explorer_command(port=8502, open_browser=False)[5:11]
['--server.port', '8502', '--server.address', 'localhost', '--server.headless', 'true']
>>> explorer_command(["a.txt"])[-3:] == ["--", "--corpus", str(Path("a.txt").resolve())]
True
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from .errors import KgError
from .resources import app_dir

INSTALL_HINT = "pip install 'kg-policy[explorer]'"


def _absolute(path) -> str:
    return str(Path(path).expanduser().resolve())


def _paths(corpus) -> list:
    if corpus is None:
        return []
    return [corpus] if isinstance(corpus, (str, Path)) else list(corpus)


def explorer_command(corpus=None, port: int = 8501, address: str = "localhost", open_browser: bool = True) -> list:
    """The command line that runs the explorer: ``python -m streamlit run …/explorer.py … -- --corpus …``.

    Corpus paths are made absolute, so the app finds them whatever its working folder.
    """
    command = [sys.executable, "-m", "streamlit", "run", str(app_dir() / "explorer.py"),
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
