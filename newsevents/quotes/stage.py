"""The registered ``quotes`` stage: runs the steps in order on one article."""
from __future__ import annotations

from ..pipeline import register_stage
from .assemble import records
from .cues import CueLexicon
from .channels import drop_channels
from .direct import colon_paragraphs, drop_nested, link_quotes
from .marks import find_quote_spans, join_paragraph_quotes, markup_tags
from .nominal import colon_attrs, noun_attr, phrase_attr
from .parse import relative_source, verb_attr
from .spans import Attr, RangeIndex, doc_text


@register_stage("quotes", requires=("actors",), assigns=("quotes",))
class QuoteStage:
    """Find direct, indirect and mixed quotations and resolve their speakers.

    options (Options): ``options.data_paths`` extend ``data/quotes/cues.yaml``.
    Called with a :class:`~newsevents.pipeline.Context`, appends
    :class:`~newsevents.records.Quote` records (ids ``Q1``, ``Q2``...) to
    ``ctx.analysis.quotes`` in text order and publishes
    ``ctx.shared["quotes"] = {"by_content": {(start, end): Quote}}``.
    Never raises on odd input (empty doc, unbalanced quote marks).
    The stage keeps only the cue lexicon; everything about an article is passed along.
    """

    def __init__(self, options):
        self.lex = CueLexicon(getattr(options, "data_paths", None))

    def __call__(self, ctx) -> None:
        doc = ctx.doc
        if len(doc) == 0 or not doc_text(doc).strip():
            ctx.shared["quotes"] = {"by_content": {}}
            return
        qspans = join_paragraph_quotes(doc_text(doc), find_quote_spans(doc_text(doc)))
        tags = RangeIndex(markup_tags(doc_text(doc)))
        qspans = [q for q in qspans if tags.find(q[0]) is None]
        attrs = self.attributions(doc, qspans)
        quotes = records(ctx, attrs, qspans, self.lex.carriers, self.lex.group_nouns, self.lex.reason_stances,
                         lex=self.lex)
        ctx.analysis.quotes.extend(quotes)
        ctx.shared["quotes"] = {"by_content": {(q.content.start, q.content.end): q for q in quotes}}

    def attributions(self, doc, qspans=None) -> list[Attr]:
        """All attributions of a parsed Doc, in text order (internal records).

        qspans (list[tuple[int, int]] | None): quotation spans if already found.
        """
        lex = self.lex
        text = doc_text(doc)
        tags = RangeIndex(markup_tags(text))
        if qspans is None:
            qspans = [q for q in join_paragraph_quotes(text, find_quote_spans(text)) if tags.find(q[0]) is None]
        in_quote = RangeIndex(qspans)
        attrs: list[Attr] = []
        contentless: list[Attr] = []
        for tok in doc:
            if in_quote.find(tok.idx) is not None or tags.find(tok.idx) is not None:
                continue  # inside a quotation, or a markup tag's name or attributes ('<tweet tweet-id=...>')
            a = verb_attr(lex, doc, tok, in_quote) or phrase_attr(lex, doc, tok) or noun_attr(lex, doc, tok)
            if a is None:
                continue
            if a.content is None:
                if a.source is not None:
                    contentless.append(a)
                continue
            if a.source is None and a.origin not in ("passive", "noun"):
                continue
            attrs.append(a)
        attrs.extend(colon_attrs(lex, doc))
        link_quotes(lex, doc, qspans, attrs, contentless)
        colon_paragraphs(lex, doc, contentless, attrs)
        # a source inside a quotation is a piece of what was said, never who said it ('"My reaction,
        # that was outrageous," Axelrod said' read with the quotation as subject); transcript labels
        # inside a quoted transcript ('"WALLACE: ...') are the exception
        attrs = [a for a in attrs if a.origin == "colon" or a.source is None or in_quote.find(a.source[0]) is None
                 or in_quote.find(a.source[0]) != in_quote.find(a.source[1] - 1)]
        attrs = [relative_source(doc, a) for a in drop_nested(drop_channels(lex, attrs))]
        attrs.sort(key=lambda a: a.content[0])
        return attrs
