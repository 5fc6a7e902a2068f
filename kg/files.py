"""Writing files so that a crash leaves the old file or the new one, never half of one.

>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as folder:
...     target = Path(folder) / "out.txt"
...     with written_atomically(target) as handle:
...         _ = handle.write(b"new")
...     print(target.read_bytes(), sorted(p.name for p in Path(folder).iterdir()))
b'new' ['out.txt']
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

from .errors import KgError


@contextmanager
def written_atomically(path, what: str = "the file"):
    """A binary file to write ``path`` through: a temporary file beside it, renamed over it at the end.

    On any error the temporary file is removed and ``path`` is left as it was; an ``OSError`` becomes a
    one-line :class:`KgError` naming the file (``what`` says what was being written).
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # a new name beside the target (same file system, so the rename is atomic), opened as the
        # target itself would be, so that it gets the usual permissions
        tmp = directory / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
        with open(tmp, "xb") as handle:
            yield handle
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise KgError(f"{path}: cannot write {what} ({exc.strerror or exc})") from None
    finally:
        if tmp is not None and tmp.exists():
            tmp.unlink()
