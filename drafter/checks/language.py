"""Klarspråk and spelling (docs/klarsprak.md): lix, long-sentence, passive-no-agent, plain-word,
term-variant, agreement-error, spelling. All `info`, except spelling and language errors in text a user
wrote (the spec's `texts:`, a clause version in status utkast): `warning`."""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding, Severity
from drafter.language import spelling
from drafter.language.review import review_document
from drafter.language.rules import quote
from drafter.language.settings import load_settings

_NAME_FIELDS = {"name", "place", "municipality", "department", "committee", "signs_for"}


def check_language(ctx: CheckContext):
    settings = load_settings(getattr(ctx.library, "root", None))
    speller = spelling.Speller(spec_names(ctx) | settings.words) if spelling.available() else None
    parties = tuple(p.name for p in ctx.spec.parties)
    seen: set = set()
    statuses: dict[str, str] = {}
    spec_paths: dict[str, tuple | None] = {}
    written = [(path, _flat(value)) for path, value in ctx.spec_strings]
    all_written = "\x00".join(value for _, value in written)
    for doc in ctx.documents:
        review = review_document(doc, settings, speller, parties)
        for note in review.notes:
            where, by_user = _place(ctx, note, doc.kind, statuses, spec_paths, (written, all_written))
            remark = note.remark
            severity: Severity = "warning" if remark.error and by_user else "info"
            message = remark.message + (f" {quote(remark.sentence)}" if remark.message.endswith("meningen")
                                        else f" Meningen: {quote(remark.sentence)}" if remark.sentence else "")
            if (remark.code, where, message) in seen:
                continue
            seen.add((remark.code, where, message))
            yield Finding(remark.code, severity, message, where, doc.kind)


def spec_names(ctx: CheckContext) -> set[str]:
    """Words of the spec's names (parties, signatories, officials, place): spelled as the spec spells them."""
    return {w for path, value in ctx.spec_strings if path and str(path[-1]) in _NAME_FIELDS
            for w in value.replace("-", " ").split()}


def _flat(text: str) -> str:
    """Every run of white space as one space: a value written over several lines (a YAML block) is one
    sentence in the document, joined as the review reads it."""
    return " ".join(text.split())


def _spec_path(sentence: str, memo: dict[str, tuple | None],
               written: tuple[list[tuple[tuple, str]], str]) -> tuple | None:
    """The path of the spec string a sentence was written in, if any; the same sentence is asked about by
    several notes and documents, and each asking walks every string of the spec. `written`: the spec's
    strings (path, value) with their white space flattened, and all of them joined; a sentence not in
    the joined text is in none of them, found without the walk."""
    if sentence not in memo:
        values, joined = written
        flat = _flat(sentence)
        if not flat or flat[:60] not in joined:  # in no value (flat[:60] is in what flat is in)
            memo[sentence] = None
        else:
            memo[sentence] = next((path for path, value in values if flat in value or flat[:60] in value), None)
    return memo[sentence]


def _place(ctx: CheckContext, note, kind: str, statuses: dict[str, str],
           spec_paths: dict[str, tuple | None], written: tuple[list[tuple[tuple, str]], str]) -> tuple[str, bool]:
    """Where to point, and whether a user wrote the text there (the spec, or a clause in utkast)."""
    if note.part is None:
        return ctx.where("proposal" if kind == "proposal" else "document"), False
    path = _spec_path(note.remark.sentence, spec_paths, written)
    if path is not None:
        return ctx.where(*path), True
    clause = note.part.clause
    if clause:
        if clause not in statuses:
            try:
                statuses[clause] = ctx.library.get(clause).meta.status  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 (the clause checks report a clause that cannot be read)
                statuses[clause] = ""
        return clause, statuses[clause] == "utkast"
    return note.part.place or ctx.where("outline"), False


CHECKS = [check_language]
