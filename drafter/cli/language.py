"""`drafter language`: klarspråk and spelling of specs' documents, plain texts, or the clause library.

The command name is an English identifier like every drafter command (build, check, compare); what it
prints is Swedish.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from drafter.cli import main


@main.command("language")
@click.argument("paths", nargs=-1, metavar="[FIL]...", type=click.Path(path_type=Path))
@click.option("--library", "library_only", is_flag=True,
              help="Mät i stället varje klausulversion i biblioteket: LIX, ord, meningar över gränsen.")
@click.option("--format", "output_format", default="text", show_default=True, type=click.Choice(["text", "json"]),
              help="text: en tabell och en rad per fynd; json: siffror och fynd som JSON.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp (där också klarsprak.yaml läses). Standard: clauses/ i aktuell mapp.")
def language(paths, library_only, output_format, clauses_dir):
    """Klarspråk och stavning: LIX, långa meningar, passiv utan agent, ordlistan, termer och stavning.

    FIL är specar (*.yaml): deras dokument mäts och granskas som i `drafter check`,
    textfiler (*.txt, *.md), t.ex. text kopierad ur en undertecknad PDF, eller klausulversioner
    (villkor/period@2; utan version: varje version). Med --library mäts varje klausulversion.
    Gränser och egna ord: klarsprak.yaml (docs/klarsprak.md).
    Slutkod 0, eller 2 när en fil inte kan läsas."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.errors import DrafterError
    from drafter.language import spelling
    from drafter.spec.refs import CLAUSE_REF

    library = ClauseLibrary(clauses_dir)
    if library_only:
        _library(library, output_format)
        return
    if not paths:
        raise DrafterError("Ange en eller flera specar eller textfiler, eller --library.",
                           hint="T.ex. drafter language agreements/street-minds-2026.yaml")
    if not spelling.available():
        click.echo("obs: stavningen kontrolleras inte: hunspell med svensk ordlista saknas "
                   "(Debian: apt-get install hunspell hunspell-sv).", err=True)
    results = []
    for path in paths:
        if path.suffix.lower() in (".yaml", ".yml"):
            results += _spec(path, library)
        elif not path.exists() and CLAUSE_REF.fullmatch(str(path)):
            results += _clause(str(path), library)
        else:
            results.append(_text(path, library))
    if output_format == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for result in results:
        figures = result["figures"]
        sentences = f"{figures['sentences']} {'mening' if figures['sentences'] == 1 else 'meningar'}"
        click.echo(f"{result['name']}: LIX {figures['lix']:.0f} ({figures['level']}), {figures['words']} ord, "
                   f"{sentences}, {figures['long_sentences']} över {figures['sentence_limit']} ord, "
                   f"längsta {figures['longest']} ord")
        for finding in result["findings"]:
            click.echo(f"  {finding['line']}")
    sys.exit(0)


def _figures(stats, limit: int) -> dict:
    return {"lix": round(stats.lix, 1), "level": stats.level, "words": stats.words, "sentences": stats.sentences,
            "long_words": stats.long_words, "long_sentences": stats.long_sentences, "longest": stats.longest,
            "sentence_limit": limit}


def _spec(path: Path, library) -> list[dict]:
    from drafter.checks.finding import document_label
    from drafter.language.document import parts
    from drafter.language.measure import measure
    from drafter.language.settings import load_settings
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec

    settings = load_settings(library.root)
    prepared = prepare(load_spec(path), library)
    findings, documents = prepared.findings, prepared.documents
    ours = [f for f in findings if f.code in CODES]
    out = []
    for doc in documents:
        stats = measure("\n".join(p.text for p in parts(doc)), settings.long_sentence)
        name = f"{path} ({document_label(doc.kind, doc.part)})"
        out.append({"name": name, "figures": _figures(stats, settings.long_sentence),
                    "findings": [{**f.to_dict(), "line": f.line()} for f in ours if f.document == doc.kind]})
    return out


def _text(path: Path, library) -> dict:
    from drafter.errors import DrafterError, Where
    from drafter.language import spelling
    from drafter.language.review import review_text
    from drafter.language.rules import quote
    from drafter.language.settings import load_settings

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DrafterError(f"Filen kan inte läsas som UTF-8-text ({exc}).", Where(str(path))) from None
    settings = load_settings(library.root)
    speller = spelling.Speller(settings.words) if spelling.available() else None
    review = review_text(text, settings, speller)
    found = []
    for note in review.notes:
        r = note.remark
        where = f"{path}:{line}" if (line := _line_of(text, r.sentence)) else str(path)
        message = r.message + (f" {quote(r.sentence)}" if r.message.endswith("meningen")
                               else f" Meningen: {quote(r.sentence)}" if r.sentence else "")
        severity = "warning" if r.error else "info"
        found.append({"code": r.code, "severity": severity, "message": message, "where": where,
                      "line": f"{'varning' if r.error else 'info'} [{r.code}] {where}: {message}"})
    return {"name": str(path), "figures": _figures(review.stats, settings.long_sentence), "findings": found}


def _clause(ref: str, library) -> list[dict]:
    """Each version of a clause (or the one named), reviewed as its text reads in the library."""
    from drafter.clauses.library import ClauseNotFound
    from drafter.errors import DrafterError
    from drafter.language import spelling
    from drafter.language.document import Part
    from drafter.language.measure import clause_prose
    from drafter.language.review import review_parts
    from drafter.language.rules import quote
    from drafter.language.settings import load_settings

    settings = load_settings(library.root)
    speller = spelling.Speller(settings.words) if spelling.available() else None
    try:
        versions = [library.get(ref)] if "@" in ref else library.versions(ref)
    except ClauseNotFound as exc:
        raise DrafterError(exc.message, exc.where, exc.hint) from None
    out = []
    for v in versions:
        part = Part(v.meta.heading, clause_prose(v.body), v.ref, v.meta.heading, other=v.meta.heading)
        review = review_parts([part], settings, speller)
        found = []
        for note in review.notes:
            if note.part is None:
                continue  # the "document" is the clause itself: its LIX is the part's
            r = note.remark
            message = r.message + (f" {quote(r.sentence)}" if r.message.endswith("meningen")
                                   else f" Meningen: {quote(r.sentence)}" if r.sentence else "")
            severity = "warning" if r.error and v.meta.status == "utkast" else "info"
            found.append({"code": r.code, "severity": severity, "message": message, "where": v.ref,
                          "line": f"{'varning' if severity == 'warning' else 'info'} [{r.code}] {v.ref}: {message}"})
        out.append({"name": f"{v.ref} ({v.meta.status})", "figures": _figures(review.stats, settings.long_sentence),
                    "findings": found})
    return out


def _line_of(text: str, sentence: str) -> int | None:
    """The line a (reflowed) sentence starts on in the original text, found by its first words."""
    import re

    first = sentence.split()[:6]
    if not first:
        return None
    m = re.search(r"\s+".join(map(re.escape, first)), text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _library(library, output_format: str) -> None:
    from drafter.language.measure import measure_clause
    from drafter.language.settings import load_settings

    settings = load_settings(library.root)
    rows = []
    for clause_id in library.ids():
        for v in library.versions(clause_id):
            stats = measure_clause(v.body)
            limit = settings.lix_limit(v.meta.heading)
            judged = stats.words >= settings.min_words
            rows.append({"ref": v.ref, "heading": v.meta.heading, "status": v.meta.status, "limit": limit,
                         "over": judged and stats.lix > limit, **_figures(stats, settings.long_sentence)})
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'klausulversion':48} {'LIX':>5} {'gräns':>5} {'ord':>5} {'>' + str(settings.long_sentence):>4}  status")
    for row in rows:
        mark = " över" if row["over"] else ("" if row["words"] >= settings.min_words else " (kort)")
        click.echo(f"{row['ref']:48} {row['lix']:5.1f} {row['limit']:5.0f} {row['words']:5} "
                   f"{row['long_sentences']:4}  {row['status']}{mark}")


CODES = {"lix", "long-sentence", "passive-no-agent", "plain-word", "term-variant", "agreement-error", "spelling"}
