"""Redlines as one self-contained HTML page: inline CSS, no scripts, fonts or images from elsewhere.

Deletions are struck through, insertions underlined, so colour is never the only signal; the
colours are orange and blue, which read apart also for red–green colour-blind reviewers. Every
text is escaped (html.escape).
"""

from __future__ import annotations

from html import escape

from drafter.diff.html_blocks import section_html
from drafter.diff.report import ClauseReport, ComparisonReport, VersionInfo

CSS = """
body { font-family: "Liberation Serif", Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; margin: 1.5rem 0 .3rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .6rem; border-bottom: 1px solid #ccc; }
th { background: #f0f0f0; }
del { color: #8c3b00; background: #fde3c8; text-decoration: line-through; text-decoration-thickness: 2px; }
ins { color: #0b3d91; background: #d6e6fa; text-decoration: underline; text-decoration-thickness: 2px; }
.text { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: .8rem; margin: .3rem 0 1rem; }
.meta { color: #444; font-size: .92rem; margin: 0; }
.status { font-size: .85rem; font-weight: normal; color: #444; }
.legend { font-size: .9rem; }
.same h3 { color: #555; font-weight: normal; }
.body { border-left: 3px solid #ccc; padding-left: .8rem; margin: .3rem 0 1rem; }
.body p { margin: .3rem 0; } .body ul, .body ol { margin: .3rem 0; padding-left: 1.6rem; }
.body ul { list-style-type: "– "; } ol.renumbered { list-style: none; padding-left: 0; }
.inserted, .deleted { margin: .2rem 0; } td.num, th.num { text-align: right; }
sup.fn { font-size: .75em; } ol.notes { font-size: .9rem; border-top: 1px solid #ccc; padding-top: .3rem; }
.people p { margin: .5rem 0; }
"""


def ops_html(ops: list) -> str:
    out = []
    for op, text in ops:
        text = escape(text)
        out.append(text if op == "equal" else f"<del>{text}</del>" if op == "delete" else f"<ins>{text}</ins>")
    return "".join(out)


def _page(title: str, body: list[str]) -> str:
    legend = ('<p class="legend">Teckenförklaring: <del>borttagen text</del> (överstruken), '
              '<ins>tillagd text</ins> (understruken).</p>')
    return ("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{escape(title)}</h1>\n{legend}\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n")


def _version_rows(label: str, info: VersionInfo) -> str:
    return (f"<tr><th scope=\"row\">{escape(label)}</th><td>{escape(info.ref)}</td><td>{escape(info.status)}</td>"
            f"<td>{escape(info.approval)}</td><td>{escape(info.rationale)}</td></tr>")


def clause_html(report: ClauseReport, readability: str = "") -> str:
    title = f"Klausul {report.clause_id}: {report.old.ref} jämförd med {report.new.ref}"
    body = [
        "<table><tr><th></th><th>Version</th><th>Status</th><th>Fastställd</th><th>Motivering</th></tr>",
        _version_rows("Äldre", report.old), _version_rows("Nyare", report.new), "</table>",
        *([f"<p class=\"meta readability\">{escape(readability)}</p>"] if readability else []),
        *([f"<p class=\"note\">{escape(report.note)}</p>"] if report.note else []),
        f"<h2>Rubrik: {ops_html(report.heading_ops)}</h2>",
        f"<div class=\"text\">{ops_html(report.body_ops).rstrip()}</div>",
    ]
    return _page(title, body)


def comparison_html(report: ComparisonReport, readability: str = "") -> str:
    c = report.counts
    title = f"Jämförelse av {report.document_name}"
    body = [
        f"<p class=\"meta\">Äldre: {escape(report.old_name)}<br>Nyare: {escape(report.new_name)}</p>",
        *([f"<p class=\"meta readability\">{escape(readability)}</p>"] if readability else []),
        f"<p>Avsnitt: {c['added']} tillagda, {c['removed']} borttagna, {c['moved']} flyttade, "
        f"{c['renumbered']} omnumrerade, {c['changed']} ändrade, {c['same']} oförändrade.</p>",
    ]
    if report.data:
        body += ["<h2>Ändrade uppgifter i specen</h2>",
                 "<table><tr><th>Uppgift</th><th>Förut</th><th>Nu</th></tr>"]
        body += [f"<tr><td>{escape(d.what)}</td><td>{_value(d.old, 'del')}</td><td>{_value(d.new, 'ins')}</td></tr>"
                 for d in report.data]
        body.append("</table>")
    body.append("<h2>Avsnitt</h2>")
    for s in report.sections:
        clause = f" · {escape(s.clause_id)} {escape(s.versions)}" if s.clause_id else ""
        body.append(f"<section class=\"{s.status}\"><h3>{escape(s.label)} {ops_html(s.heading_ops)} "
                    f"<span class=\"status\">({escape(s.notes)}{clause})</span></h3>")
        if s.rationale:
            body.append(f"<p class=\"meta\">Motivering: {escape(s.rationale)}</p>")
        if s.status != "same":
            body.append(f"<div class=\"body\">{section_html(s.blocks)}</div>")
        body.append("</section>")
    return _page(title, body)


def _value(text: str, tag: str) -> str:
    from drafter.diff.data import UNDECIDED

    if text == UNDECIDED:  # not yet there, neither inserted nor deleted
        return f"<em>{escape(text)}</em>"
    return f"<{tag}>{escape(text)}</{tag}>" if text else "–"
