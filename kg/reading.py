"""Reading texts: files and folders in, decoded and normalised text out, or a one-line error.

What reading normalises, so that every offset refers to the stored text:

* the byte order mark is dropped;
* line endings ``\\r\\n`` and ``\\r`` become ``\\n``;
* the text is put in Unicode NFC (a no-op for ordinary Chinese text);
* an HTML page (a file that starts with ``<!DOCTYPE html`` or ``<html``, as web pages saved under a ``.txt``
  name do) is stored as its visible text: one line per block element, scripts and styles dropped, entities
  decoded. Offsets then count in that visible text.

Nothing else is changed: full-width spaces, quotes and ``*`` redactions stay as they are.
All offsets that kg reports are code-point offsets into this stored text.

>>> source = read_bytes("一、主要做法\\r\\n".encode("gb18030"), name="demo")
>>> source.text, source.encoding
('一、主要做法\\n', 'gb18030')
"""

from __future__ import annotations

import hashlib
import html.parser
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError, ReadError

TEXT_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Source:
    """One text as read: its identifier, stored text, and where it came from."""

    doc_id: str
    text: str
    path: str = ""
    encoding: str = "utf-8"


@dataclass
class Corpus:
    """The texts read from some paths, and the files that could not be read."""

    sources: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def normalise_text(text: str) -> str:
    """Apply reading's normalisation: no BOM, ``\\n`` line endings, NFC.

    >>> normalise_text("\\ufeff第一条\\r\\n第二条\\r")
    '第一条\\n第二条\\n'
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_HTML_START = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
               "title", "blockquote", "pre", "dd", "dt", "ul", "ol", "header", "footer", "hr"}


class _VisibleText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_data(self, data):
        if not self._hidden:
            self.pieces.append(data)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one line per block element.

    >>> html_to_text("<html><head><style>p{}</style></head><body><p>第一条&nbsp;党组</p><p>第二条</p></body></html>")
    '第一条 党组\\n第二条\\n'
    """
    parser = _VisibleText()
    parser.feed(page)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.pieces).splitlines())
    return "".join(f"{line}\n" for line in lines if line.strip())


def looks_like_html(text: str) -> bool:
    """True for an HTML page (a doctype or an ``<html>`` tag at the start), not for prose that mentions a tag."""
    return bool(_HTML_START.match(text[:2000]))


def _plausible(text: str) -> bool:
    """True when decoded text looks like prose rather than mis-decoded bytes."""
    if not text:
        return False
    bad = len(_CONTROL.findall(text))
    odd = sum(1 for ch in text if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return (bad + odd) / len(text) < 0.01


def _utf16_without_bom(data: bytes):
    if len(data) % 2 or b"\x00" not in data:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, codec
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file, detecting its encoding.

    Tries, in order: a BOM (UTF-8, UTF-16), strict UTF-8, UTF-16 without BOM,
    and GB18030 (a superset of GBK and GB2312). Raises ``ValueError`` with the
    cause when none gives plausible text.

    >>> decode_bytes("党组".encode("utf-16"))
    ('党组', 'utf-16')
    """
    if not data:
        raise ValueError("the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" not in text and _plausible(text):
            return text, "utf-8"
    guessed = _utf16_without_bom(data)
    if guessed:
        return guessed
    if b"\x00" in data:
        raise ValueError("binary data (NUL bytes), not a text file")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValueError("not text in UTF-8, UTF-16 or GB18030/GBK") from None
    if not _plausible(text):
        raise ValueError("binary data or an unknown encoding, not a text file")
    return text, "gb18030"


def make_doc_id(name: str) -> str:
    """A document identifier from a file name: the stem, with unsafe characters replaced.

    >>> make_doc_id("机关 党建/report v2.txt")
    'report_v2'
    """
    stem = Path(name).stem if name else "text"
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("_.")
    return stem or "text"


def read_bytes(data: bytes, name: str = "text", doc_id: str | None = None) -> Source:
    """Read a text from bytes (an upload, say): decode, normalise, check it has content."""
    try:
        raw, encoding = decode_bytes(data)
    except ValueError as exc:
        raise ReadError(name, str(exc)) from None
    if looks_like_html(raw):
        raw = html_to_text(raw)
        if not raw.strip():
            raise ReadError(name, "an HTML page with no visible text")
    text = normalise_text(raw)
    if not text.strip():
        raise ReadError(name, "the file holds no text (only white space)")
    return Source(doc_id or make_doc_id(name), text, str(name), encoding)


def read_text(text: str, name: str = "text", doc_id: str | None = None) -> Source:
    """Take a text already in memory, with reading's normalisation applied.

    >>> read_text("第一条　党组织应当……", name="rule").doc_id
    'rule'
    """
    if not isinstance(text, str):
        raise ReadError(name, f"expected a str, got {type(text).__name__}")
    text = normalise_text(text)
    if not text.strip():
        raise ReadError(name, "the text is empty")
    return Source(doc_id or make_doc_id(name), text, str(name), "utf-8")


def read_file(path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file into a :class:`Source`, or raise :class:`ReadError` naming it."""
    path = Path(path)
    if not path.exists():
        raise ReadError(path, "no such file or folder")
    if not path.is_file():
        raise ReadError(path, "not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(path, f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    return read_bytes(data, name=str(path), doc_id=make_doc_id(path.name))


def list_text_files(path) -> list[Path]:
    """The ``.txt`` and ``.md`` files below a folder, recursively, in a stable order."""
    path = Path(path)
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):
                if name.upper() not in ("README.MD", "FEATURES.MD"):
                    found.append(Path(root) / name)
    return found


def read_corpus(paths, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read files and folders of texts; unreadable files become errors, not exceptions.

    A folder is read recursively (``.txt`` and ``.md``; ``README.md`` is skipped);
    a file named directly is read whatever its suffix. Two files with the same
    stem get distinct identifiers. Raises :class:`CorpusError` only when a path
    does not exist or nothing at all could be read.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    corpus = Corpus()
    files = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            listed = list_text_files(path)
            if not listed:
                corpus.errors.append(ReadError(path, "the folder holds no .txt or .md files"))
            files.extend(listed)
        elif path.exists():
            files.append(path)
        else:
            raise CorpusError(f"{path}: no such file or folder")
    seen = set()
    for file in files:
        try:
            source = read_file(file, max_bytes=max_bytes)
        except ReadError as exc:
            corpus.errors.append(exc)
            continue
        doc_id = source.doc_id
        if doc_id in seen:
            digest = hashlib.sha1(str(file).encode("utf-8")).hexdigest()[:6]
            doc_id = f"{doc_id}-{digest}"
            source = Source(doc_id, source.text, source.path, source.encoding)
        seen.add(doc_id)
        corpus.sources.append(source)
    if not corpus.sources:
        causes = "; ".join(str(e) for e in corpus.errors) or "no files given"
        raise CorpusError(f"nothing could be read: {causes}")
    return corpus
