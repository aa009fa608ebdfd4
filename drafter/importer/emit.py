"""Write the imported sections as draft clauses (Markdown + Jinja) and the draft spec (YAML).

The source's text is literal: Markdown specials are backslash-escaped and every `{` is written as the
Jinja expression `{{ "{" }}`, so nothing in a hostile file is executed, read as a template or as
markup. (`{% raw %}` was not chosen: a file containing `{% endraw %}` would break out of it.) Only
the importer's own expressions (recognised data, `block()`) are Jinja.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from drafter.importer.model import FOOTNOTE_CLOSE, FOOTNOTE_OPEN, Block, Section, Text

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")
_MARKER = re.compile(f"{FOOTNOTE_OPEN}(\\d+){FOOTNOTE_CLOSE}")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")
LEFT_BRACE = '{{ "{" }}'


def jinja_literal(text: str) -> str:
    """Text Jinja prints as written: every { becomes an expression that prints {."""
    return text.replace("{", "\0").replace("\0", LEFT_BRACE)


def md_literal(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    return jinja_literal(text)


def slug(text: str, max_len: int = 40) -> str:
    """A short id from a heading: ascii words joined by "-", at most `max_len` characters, cut
    between words ("ekonomisk-ersattning", never "ekonomisk-ersat")."""
    text = text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_len:
        cut = text[:max_len + 1]
        text = cut.rsplit("-", 1)[0] if "-" in cut else text[:max_len]
    return text.strip("-") or "avsnitt"


def inline(text: Text, line_start: bool = True) -> tuple[str, list[int]]:
    """The text as Markdown with Jinja; and the footnote numbers it references."""
    cuts = sorted({0, len(text.plain), *[p for s, e, _ in text.emph for p in (s, e)],
                   *[p for s, e, _ in text.subs for p in (s, e)]})
    subs = {s: (e, expr) for s, e, expr in text.subs}
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for s, e, kind in text.emph:
        opens.setdefault(s, []).append(kind)
        closes.setdefault(e, []).insert(0, kind)
    out = []
    notes: list[int] = []
    pos = 0
    for cut in cuts[1:] + [None]:
        if pos in closes:
            out.extend(closes[pos])
        if cut is None:
            break
        if pos in opens:
            out.extend(opens[pos])
        if pos in subs:
            end, expr = subs[pos]
            out.append("{{ " + expr + " }}")
            pos = end
            continue
        chunk = text.plain[pos:cut]
        pieces = _MARKER.split(chunk)
        for i, piece in enumerate(pieces):
            if i % 2:
                notes.append(int(piece))
                out.append(f"[^{piece}]")
            else:
                out.append(md_literal(piece))
        pos = cut
    result = "".join(out)
    if line_start:
        result = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), result.lstrip(), count=1)
    return result.strip(), notes


def block_markdown(block: Block) -> tuple[str, list[int]]:
    if block.kind == "data":
        return '{{ block("' + block.name + '") }}', []
    if block.kind == "para":
        return inline(block.texts[0])
    if block.kind == "emph":
        body, notes = inline(block.texts[0])
        return (f"*{body}*" if body else ""), notes
    if block.kind in ("bullets", "nums"):
        lines, notes = [], []
        for i, text in enumerate(block.texts):
            body, more = inline(text)
            notes += more
            marker = "-" if block.kind == "bullets" else f"{block.start + i}."
            lines.append(f"{marker} {body}" if body else f"{marker} \\-")
        return "\n".join(lines), notes
    if block.kind == "table":
        rows, notes = [], []
        for row in block.rows or []:
            cells = []
            for cell in row:
                body, more = inline(cell)
                notes += more
                cells.append(body)
            rows.append("| " + " | ".join(cells) + " |")
        width = len(block.rows[0]) if block.rows else 1
        rows.insert(1, "|" + "---|" * width)
        return "\n".join(rows), notes
    return "", []


def clause_body(section: Section, footnotes: dict[int, str]) -> str:
    parts = []
    for block in section.blocks:
        text, notes = block_markdown(block)
        if text:
            parts.append(text)
        for n in notes:
            if n in footnotes:
                parts.append(f"[^{n}]: {inline(Text(footnotes[n]))[0]}")
    return "\n\n".join(parts) + "\n"


def clause_file(section: Section, footnotes: dict[int, str], file_name: str, partnership: str) -> str:
    meta = {
        "heading": jinja_literal(section.heading),
        "version": 1,
        "status": "utkast",
        "rationale": f"Importerad från {file_name}",
        "source": {"document": file_name, "section": section.number or section.heading},
        "partnership": partnership,
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{clause_body(section, footnotes)}"


class _Dumper(yaml.SafeDumper):
    """No anchors and aliases (&id001 / *id001): drafter refuses YAML aliases."""

    def ignore_aliases(self, data):
        return True


def spec_yaml(data: dict, file_name: str) -> str:
    """The spec as YAML, with a comment after each value saying where in the source it was found:
    a dict's "#key" entry notes its "key", its "#" entry the dict itself (the entries are not written;
    a note is written on one line, control characters never reach the file)."""
    header = (f"# Utkast importerat från {file_name} med `drafter import`.\n"
              "# Kontrollera uppgifterna, fyll i platshållarna ([…], ÅÅÅÅ-MM-DD, NNNNNN-NNNN, N, MM-DD)\n"
              "# och kör `drafter check` på filen: den listar det som återstår.\n")
    lines: list[str] = []
    _emit(data, 0, lines)
    return header + "\n".join(lines) + "\n"


def _scalar(value) -> str:
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _comment(note) -> str:
    if not note:
        return ""
    note = "".join(c if unicodedata.category(c)[0] != "C" and c not in "\u2028\u2029\x85" else " " for c in str(note))
    return f"  # {note}"


def without_notes(value):
    """The data without the "#…" notes."""
    if isinstance(value, dict):
        return {k: without_notes(v) for k, v in value.items() if not str(k).startswith("#")}
    if isinstance(value, list):
        return [without_notes(v) for v in value]
    return value


def _emit(value, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key).startswith("#"):
                continue
            note = _comment(value.get(f"#{key}") or (item.get("#") if isinstance(item, dict) else None))
            shown = without_notes(item)
            if isinstance(shown, (dict, list)) and shown:
                out.append(f"{pad}{_scalar(key)}:{note}")
                _emit(item, indent + 2 if isinstance(item, dict) else indent, out)
            else:
                out.append(f"{pad}{_scalar(key)}: {_scalar(shown)}{note}")
    elif isinstance(value, list):
        for item in value:
            shown = without_notes(item)
            if isinstance(shown, (dict, list)) and shown:
                start = len(out)
                _emit(item, indent + 2, out)
                out[start] = f"{pad}- {out[start][indent + 2:]}"
                note = _comment(item.get("#") if isinstance(item, dict) else None)
                if note and "  # " not in out[start]:
                    out[start] += note
            else:
                out.append(f"{pad}- {_scalar(shown)}")
