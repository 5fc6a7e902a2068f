"""The one error family of kg: everything a user can cause raises a subclass of :class:`KgError`."""


class KgError(Exception):
    """Base class of every error that kg raises on purpose.

    The command line catches this class once and prints its message on one line.
    """


class ReadError(KgError, ValueError):
    """A file could not be read as text (missing, empty, binary, undecodable, too large)."""

    def __init__(self, path, cause):
        self.path = str(path)
        self.cause = cause
        super().__init__(f"{self.path}: {cause}")


class CorpusError(KgError, ValueError):
    """A corpus could not be assembled (nothing readable found, duplicate names)."""


class QuestionError(KgError, ValueError):
    """A question was refused (empty, or not text)."""


class NotBuiltError(KgError, AttributeError):
    """A :class:`kg.KnowledgeGraph` was used before ``fit`` built it."""


class StoreError(KgError, RuntimeError):
    """A graph store could not be opened, read or written."""
