"""kg: Chinese policy texts into an RDF knowledge graph of roles, duties, numbered formulae and problems.

>>> from kg import KnowledgeGraph
>>> kg = KnowledgeGraph().fit(texts={"rules": "第一条　党支部每月召开1次支部委员会会议。"})
>>> kg.ask("党支部多久召开一次支部委员会会议？").evidence[0].text
'党支部每月召开1次支部委员会会议。'
"""

__version__ = "0.1.0"

from .errors import CorpusError, KgError, NotBuiltError, QuestionError, ReadError  # noqa: E402
from .knowledge import KnowledgeGraph  # noqa: E402

__all__ = ["KnowledgeGraph", "KgError", "ReadError", "CorpusError", "QuestionError", "NotBuiltError", "__version__"]
