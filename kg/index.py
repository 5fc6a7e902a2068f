"""Indexes: a jieba tokenizer that knows the lexicon, and TF-IDF search over sentences and facts.

Both keep scikit-learn's contract: parameters in ``__init__``, ``fit`` returns ``self``, learned
state ends in ``_``, and searching never changes the object (one index serves many threads).

>>> index = TextIndex().fit(["党组每季专题研究党建工作。", "党员每年至少认领一个微心愿。"])
>>> [i for i, score in index.search("党组多久研究一次党建工作？", k=1)]
[0]
"""

from __future__ import annotations

import re
import threading

from .errors import NotBuiltError
from .normalize import fold

# Words that carry no meaning for retrieval: question words, particles, punctuation runs.
STOPWORDS = frozenset("""
的 了 和 与 及 或 是 在 对 把 被 将 等 中 上 下 之 其 这 那 些 个 为 以 于 由 从 向 并 而 且 也 都 就 还 要 会 能 有 没有
什么 哪些 哪个 哪 谁 怎么 怎样 如何 多少 多久 几 吗 呢 吧 啊 请问 请 文中 文本 报告 条例 规定 提出 提到 问 一下
什么样 怎么样 哪种 哪类 按照 依据
what which who whom whose how when where why does do did is are was were the a an of to in on for and or by with
must should shall can may as at from be this that these those it its their there any all about
""".split())

_TOKEN_OK = re.compile(r"[\w*%\-]", re.UNICODE)


class Tokenizer:
    """jieba segmentation of folded text, with the lexicon's names added as words.

    The segmenter is jieba-rs (through ``rjieba``): jieba's dictionary and algorithm in Rust, ready in
    about 0.1 s where Python jieba loads its dictionary in 0.6–1 s, and about ten times faster.

    Parameters
    ----------
    words : iterable of str
        Extra words (role names, formula names) that must come out whole.

    >>> Tokenizer(["一书两单三会议"]).fit().tokens("一书两单三会议包括哪些内容？")
    ['一书两单三会议', '包括', '内容']
    """

    def __init__(self, words=()):
        self.words = tuple(sorted(set(words)))

    def fit(self):
        """Load jieba's dictionary and add the extra words; returns ``self``."""
        import rjieba

        tokenizer = rjieba.Jieba()
        for word in self.words:
            folded = fold(word)
            if len(folded) > 1:
                tokenizer.add_word(folded, max(tokenizer.suggest_freq(folded), 2000), None)
        self.tokenizer_ = tokenizer
        return self

    def tokens(self, text: str) -> list:
        """The meaningful tokens of ``text`` (folded, without stop words and punctuation)."""
        if not hasattr(self, "tokenizer_"):
            raise NotBuiltError("Tokenizer.fit() has not been called")
        out = []
        for token in self.tokenizer_.cut(fold(text), True):
            token = token.strip()
            if token and token not in STOPWORDS and _TOKEN_OK.search(token):
                out.append(token)
        return out

    __call__ = tokens

    def proper_nouns(self, text: str) -> list:
        """The names of people, places and bodies in ``text`` as jieba's dictionary tags them (nr, ns, nt,
        nz), or as it guesses for a word it does not know.

        >>> Tokenizer().fit().proper_nouns("王建国同志任市委书记")
        ['王建国']
        """
        if not hasattr(self, "tokenizer_"):
            raise NotBuiltError("Tokenizer.fit() has not been called")
        return [word for word, flag in self.tokenizer_.tag(fold(text), True)
                if flag in ("nr", "ns", "nt", "nz") and len(word) >= 2]


_SHARED = {}
_SHARED_LOCK = threading.Lock()


def shared_tokenizer(words=()) -> Tokenizer:
    """A fitted tokenizer for this word list, built once per process."""
    key = tuple(sorted(set(words)))
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED.clear()  # keep one: a new corpus replaces the old vocabulary
            _SHARED[key] = Tokenizer(key).fit()
        return _SHARED[key]


def _char_ngrams(text: str):
    folded = re.sub(r"[\s，。、；：？！“”‘’（）《》,.;:?!()\"']+", " ", fold(text))
    grams = []
    for chunk in folded.split():
        grams.extend(chunk[i:i + 2] for i in range(len(chunk) - 1))
        if len(chunk) == 1:
            grams.append(chunk)
    return grams


class TextIndex:
    """TF-IDF over word tokens and character bigrams, blended: robust to segmentation slips.

    Parameters
    ----------
    tokenizer : Tokenizer or None
        The word tokenizer; a plain jieba one when ``None``.
    word_weight : float
        Weight of the word-level similarity; the bigram similarity gets the rest.
    """

    def __init__(self, tokenizer=None, word_weight=0.6):
        self.tokenizer = tokenizer
        self.word_weight = word_weight

    def fit(self, texts):
        """Learn the vocabularies and weights of ``texts``; returns ``self``."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = list(texts)
        tokenizer = self.tokenizer or shared_tokenizer()
        self.tokenizer_ = tokenizer
        self.n_texts_ = len(texts)
        if not texts:
            self.words_ = self.chars_ = None
            return self
        self.words_ = TfidfVectorizer(tokenizer=tokenizer.tokens, token_pattern=None, lowercase=False,
                                      sublinear_tf=True, norm="l2")
        self.chars_ = TfidfVectorizer(analyzer=_char_ngrams, lowercase=False, sublinear_tf=True, norm="l2")
        try:
            self.word_matrix_ = self.words_.fit_transform(texts)
        except ValueError:  # no token at all (texts of punctuation only)
            self.words_, self.word_matrix_ = None, None
        try:
            self.char_matrix_ = self.chars_.fit_transform(texts)
        except ValueError:
            self.chars_, self.char_matrix_ = None, None
        return self

    def scores(self, query: str):
        """Similarity of ``query`` to every text, as a list of floats."""
        if not hasattr(self, "n_texts_"):
            raise NotBuiltError("TextIndex.fit() has not been called")
        import numpy as np

        total = np.zeros(self.n_texts_)
        if self.words_ is not None:
            total += self.word_weight * (self.word_matrix_ @ self.words_.transform([query]).T).toarray().ravel()
        if self.chars_ is not None:
            total += (1 - self.word_weight) * (self.char_matrix_ @ self.chars_.transform([query]).T).toarray().ravel()
        return total

    def word_counts(self) -> dict:
        """``{word: number of texts holding it}`` over the fitted texts (``{}`` when none had a word).

        >>> TextIndex().fit(["党组研究党建工作。", "党组听取汇报。"]).word_counts()["党组"]
        2
        """
        if not hasattr(self, "n_texts_"):
            raise NotBuiltError("TextIndex.fit() has not been called")
        if self.words_ is None:
            return {}
        counts = (self.word_matrix_ > 0).sum(axis=0).A1
        return {word: int(counts[column]) for word, column in self.words_.vocabulary_.items()}

    def search(self, query: str, k: int = 5, among=None) -> list:
        """The ``k`` best ``(position, score)`` pairs, best first; ``among`` limits the positions."""
        if not self.n_texts_:
            return []
        scores = self.scores(query)
        positions = range(self.n_texts_) if among is None else among
        ranked = sorted(((i, float(scores[i])) for i in positions), key=lambda x: (-x[1], x[0]))
        return [(i, s) for i, s in ranked[:k] if s > 0]


_PASSAGE_CUT = re.compile(r"[；;]")
_CLAUSE_CUT = re.compile(r"[，,：:]")


def sentence_passages(text: str, window: int = 3, max_chars: int = 60) -> list:
    """Spans ``(start, end)`` of a sentence's passages: its ``；`` clauses, and comma windows of long ones.

    Long sentences dilute TF-IDF; a question usually matches one clause of them.

    >>> text = "党组履行主体责任；机关党委聚焦职责职能，扛起主责，抓好主业。"
    >>> [text[s:e] for s, e in sentence_passages(text, window=2, max_chars=10)]
    ['党组履行主体责任；', '机关党委聚焦职责职能，扛起主责，抓好主业。', '机关党委聚焦职责职能，扛起主责，', '扛起主责，抓好主业。']
    """
    spans, start = [], 0
    for match in _PASSAGE_CUT.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    out = list(spans) if len(spans) > 1 else []
    for s, e in spans:
        if e - s <= max_chars:
            continue
        cuts = [s] + [m.end() + s for m in _CLAUSE_CUT.finditer(text[s:e])] + [e]
        cuts = sorted(set(cuts))
        for i in range(max(1, len(cuts) - window)):
            out.append((cuts[i], cuts[min(i + window, len(cuts) - 1)]))
    return [span for span in dict.fromkeys(out) if span[1] > span[0]]


class PassageIndex:
    """TF-IDF over passages of sentences; scores each sentence by its best passage.

    Parameters
    ----------
    tokenizer : Tokenizer or None
        As for :class:`TextIndex`.
    """

    def __init__(self, tokenizer=None):
        self.tokenizer = tokenizer

    def fit(self, sentences):
        """Index the passages of ``sentences`` (a list of str); returns ``self``."""
        sentences = list(sentences)
        owners, texts, spans = [], [], []
        for i, sentence in enumerate(sentences):
            for s, e in sentence_passages(sentence):
                owners.append(i)
                texts.append(sentence[s:e])
                spans.append((s, e))
        self.n_sentences_ = len(sentences)
        self.owners_, self.spans_ = owners, spans
        self.index_ = TextIndex(self.tokenizer).fit(texts)
        return self

    def best(self, query: str):
        """Per sentence, the best passage score and its span (``(0.0, None)`` for sentences without passages)."""
        import numpy as np

        if not hasattr(self, "index_"):
            raise NotBuiltError("PassageIndex.fit() has not been called")
        scores = np.zeros(self.n_sentences_)
        spans = [None] * self.n_sentences_
        if not self.owners_:
            return scores, spans
        passage_scores = self.index_.scores(query)
        for p, owner in enumerate(self.owners_):
            if passage_scores[p] > scores[owner]:
                scores[owner] = passage_scores[p]
                spans[owner] = self.spans_[p]
        return scores, spans
