"""Native Word tracked changes: wrap runs in w:ins / w:del, mark paragraph marks and table rows.

Word and LibreOffice show these as revisions that can be accepted or rejected one by one. A
deleted run's text moves from w:t to w:delText (as Word writes it). A paragraph that is inserted
or deleted as a whole also has its paragraph mark marked (w:pPr/w:rPr/w:ins|w:del), so rejecting
or accepting removes the paragraph, not just its text; a table row likewise (w:trPr/w:ins|w:del).
Every revision has a unique w:id, the author and a fixed date: the same input, the same bytes.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from drafter.writers.docx.oxml import el

KIND = {"insert": "w:ins", "delete": "w:del", "ins": "w:ins", "del": "w:del"}


class Tracker:
    """Makes revision elements for one document; `date` is an ISO 8601 time ("2026-07-01T00:00:00Z")."""

    def __init__(self, author: str, date: str):
        self.author = author
        self.date = date
        self._next_id = 1000  # clear of footnote and bookmark ids

    def revision(self, kind: str):
        element = el(KIND[kind], id=self._next_id, author=self.author, date=self.date)
        self._next_id += 1
        return element

    def wrap_runs(self, runs: list, kind: str) -> None:
        """Put consecutive sibling runs `runs` into one w:ins or w:del."""
        if not runs:
            return
        wrapper = self.revision(kind)
        runs[0].addprevious(wrapper)
        for run in runs:
            wrapper.append(run)
            if KIND[kind] == "w:del":
                _to_deleted_text(run)

    def mark_paragraph(self, p, kind: str) -> None:
        """Mark the paragraph mark of w:p `p` as inserted or deleted (w:ins/w:del come first in its w:rPr)."""
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = el("w:rPr")
            following = [ppr.find(qn(t)) for t in ("w:sectPr", "w:pPrChange")]
            following = [f for f in following if f is not None]
            if following:
                following[0].addprevious(rpr)
            else:
                ppr.append(rpr)
        rpr.insert(0, self.revision(kind))

    def mark_row(self, tr, kind: str) -> None:
        trpr = tr.get_or_add_trPr()
        change = trpr.find(qn("w:trPrChange"))
        mark = self.revision(kind)
        if change is not None:
            change.addprevious(mark)
        else:
            trpr.append(mark)

    def mark_elements(self, elements: list, kind: str) -> list[str]:
        """Everything in `elements` (w:p, w:tbl, w:tr) as one inserted or deleted whole: runs,
        paragraph marks, table rows (a cell's paragraph mark stays: the row carries the change).
        Returns the ids of the footnotes referred to inside, to be marked too."""
        notes: list[str] = []
        for element in elements:
            in_table = element.tag != qn("w:p")
            if in_table:
                rows = [element] if element.tag == qn("w:tr") else list(element.iter(qn("w:tr")))
                for tr in rows:
                    self.mark_row(tr, kind)
            for p in [element] if not in_table else list(element.iter(qn("w:p"))):
                runs = [child for child in p if child.tag == qn("w:r")]
                notes += footnote_references(runs)
                self.wrap_runs(runs, kind)
                if not in_table:
                    self.mark_paragraph(p, kind)
        return notes


def _to_deleted_text(run) -> None:
    for t in run.findall(qn("w:t")):
        t.tag = qn("w:delText")
    for instr in run.findall(qn("w:instrText")):
        instr.tag = qn("w:delInstrText")


def footnote_references(runs: list) -> list[str]:
    return [ref.get(qn("w:id")) for run in runs for ref in run.iter(qn("w:footnoteReference"))]
