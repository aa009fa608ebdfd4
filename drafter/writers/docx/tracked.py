"""Native Word tracked changes: wrap runs in w:ins / w:del, mark paragraph marks and table rows.

Word and LibreOffice show these as revisions that can be accepted or rejected one by one. A
deleted run's text moves from w:t to w:delText (as Word writes it). A paragraph that is inserted
or deleted as a whole also has its paragraph mark marked (w:pPr/w:rPr/w:ins|w:del), so rejecting
or accepting removes the paragraph, not just its text; a table row likewise (w:trPr/w:ins|w:del).
Every revision carries the author and the fixed date of its `Revision`; its w:id is given once the
document is written (changes.number_revisions), in document order: the same input, the same bytes.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from drafter.model.changes import Revision
from drafter.writers.docx.oxml import el

KIND = {"insert": "w:ins", "delete": "w:del"}
FIRST_ID = 1000  # revision ids start clear of footnote and bookmark ids


def revision(kind: str, rev: Revision):
    """A w:ins / w:del; without a date when the revision has none (w:date is optional)."""
    return el(KIND[kind], id=0, author=rev.author, **({"date": rev.date} if rev.date else {}))


def revisions(root) -> list:
    """The w:ins and w:del elements under `root`, in document order."""
    return list(root.iter(qn("w:ins"), qn("w:del")))


def wrap_runs(runs: list, kind: str, rev: Revision) -> None:
    """Put consecutive sibling runs `runs` into one w:ins or w:del."""
    if not runs:
        return
    wrapper = revision(kind, rev)
    runs[0].addprevious(wrapper)
    for run in runs:
        wrapper.append(run)
        if kind == "delete":
            _to_deleted_text(run)


def mark_paragraph(p, kind: str, rev: Revision) -> None:
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
    rpr.insert(0, revision(kind, rev))


def mark_row(tr, kind: str, rev: Revision) -> None:
    trpr = tr.get_or_add_trPr()
    change = trpr.find(qn("w:trPrChange"))
    mark = revision(kind, rev)
    if change is not None:
        change.addprevious(mark)
    else:
        trpr.append(mark)


def mark_elements(elements: list, kind: str, rev: Revision, runs: bool = True) -> list[str]:
    """Everything in `elements` (w:p, w:tbl, w:tr) as one inserted or deleted whole: runs,
    paragraph marks, table rows (a cell's paragraph mark stays: the row carries the change).
    With `runs=False` only the marks (the runs are tracked already).
    Returns the ids of the footnotes referred to inside, to be marked too."""
    notes: list[str] = []
    for element in elements:
        in_table = element.tag != qn("w:p")
        if in_table:
            rows = [element] if element.tag == qn("w:tr") else list(element.iter(qn("w:tr")))
            for tr in rows:
                mark_row(tr, kind, rev)
        for p in [element] if not in_table else list(element.iter(qn("w:p"))):
            if runs:
                own = [child for child in p if child.tag == qn("w:r")]
                notes += footnote_references(own)
                wrap_runs(own, kind, rev)
            if not in_table:
                mark_paragraph(p, kind, rev)
    return notes


def _to_deleted_text(run) -> None:
    for t in run.findall(qn("w:t")):
        t.tag = qn("w:delText")
    for instr in run.findall(qn("w:instrText")):
        instr.tag = qn("w:delInstrText")


def footnote_references(runs: list) -> list[str]:
    return [ref.get(qn("w:id")) for run in runs for ref in run.iter(qn("w:footnoteReference"))]
