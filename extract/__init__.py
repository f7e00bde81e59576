"""Extract: one article in, attributed claims and their evidenced parts out.

``Extractor`` owns the spaCy pipeline and the resources, built once on request;
``extract_many`` streams articles through ``Language.pipe``. With the ``parse``
setting at ``candidates`` (the default) each text first goes through the cheap pass
of :mod:`extract.candidates`, and the pipeline sees only the sentences a rule can read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from extract.candidates import CandidateFilter
from extract.claims import extraction_from_doc
from extract.model import AccountCount, Claim, Extraction, Mention, Speaker
from extract.pipeline import build_nlp
from extract.resources import Resources
from extract.settings import ExtractSettings
from ingest.model import Article

__all__ = [
    "AccountCount",
    "Claim",
    "ExtractSettings",
    "Extraction",
    "Extractor",
    "Mention",
    "Resources",
    "Speaker",
    "build_nlp",
]


class Extractor:
    """Turns articles into :class:`Extraction` records; pure apart from the model."""

    def __init__(
        self,
        resources: Resources | None = None,
        settings: ExtractSettings | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.resources = resources or Resources.load()
        self.settings = settings or ExtractSettings()
        self.nlp = nlp or build_nlp(self.resources)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars + 1)
        self.candidates = (
            CandidateFilter(self.nlp, self.resources)
            if self.settings.parse == "candidates"
            else None
        )

    def _prepare(self, article: Article) -> tuple[str, tuple[str, ...]]:
        text = article.text[: self.settings.max_chars]
        notes: list[str] = []
        if len(article.text) > self.settings.max_chars:
            notes.append(
                f"only the first {self.settings.max_chars:,} of {len(article.text):,} characters"
                " were analysed"
            )
        if not self._looks_english(text):
            notes.append("the text does not look like English; nothing was extracted")
            text = ""
        return text, tuple(notes)

    def _looks_english(self, text: str) -> bool:
        words = text.split()[:2000]
        if not words:
            return False
        stops = self.nlp.Defaults.stop_words
        share = sum(1 for w in words if w.casefold().strip(".,;:!?\"'") in stops) / len(words)
        return share >= self.settings.min_english_ratio

    def extract(self, article: Article) -> Extraction:
        """Extract one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract articles in order, batched through ``nlp.pipe``."""

        def prepared() -> Iterator[tuple[str | Doc, tuple[Article, tuple[str, ...]]]]:
            for article in articles:
                text, notes = self._prepare(article)
                if self.candidates is not None and text:
                    yield self.candidates.select(text).parse, (article, notes)
                else:
                    yield text, (article, notes)

        docs = self.nlp.pipe(
            prepared(),
            as_tuples=True,
            batch_size=self.settings.batch_size,
            n_process=self.settings.n_process,
        )
        for doc, (article, notes) in docs:
            yield extraction_from_doc(
                doc, article.article_id, article.published, self.resources, notes
            )
