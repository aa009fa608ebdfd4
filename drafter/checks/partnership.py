"""clause-other-partnership: a clause that belongs to one partnership, used in another's documents.

A clause with `partnership: street-minds` in its front matter tells one partnership's facts (its
background, target group, the decision its nämnd took). In another partnership's agreement those are
false statements in a legal document, and nothing else flags them: they are fastställda, and they
name the parties through {{ }}. A spec is of partnership P when it says so in the ways specs already
do: its file's name is P or has P as a whole part (street-minds-2026.yaml; `drafter import` names a
spec as its clauses' partnership), one of its idéburna parties is named so (Street Minds →
street-minds), or a spec it renews (`renews:`, followed back) is of P.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding

RENEWALS_FOLLOWED = 20  # a chain of renewals longer than this is a loop


def check_other_partnership(ctx: CheckContext):
    from drafter.lockfile import document_name

    other: dict[str, bool] = {}  # clause version → of another partnership than the spec's
    seen: set[tuple[str, bool]] = set()
    names: set[str] | None = None
    for doc in ctx.documents:
        locked: bool | None = None  # read only when needed: the lock is the pipeline's to read once
        for section in doc.walk_sections():
            use = section.clause
            if use is None:
                continue
            ref = f"{use.id}@{use.version}"
            if ref not in other:
                clause = ctx.library.get(ref)
                owner = clause.meta.partnership
                if owner and names is None:
                    names = spec_partnership_names(ctx)
                other[ref] = bool(owner) and not any(_is_of(name, owner or "") for name in names or ())
            if not other[ref]:
                continue
            if locked is None:  # signed: a legal fact, warned of, never stopped; the agreement as amended is its text
                name = "overenskommelse" if doc.kind == "consolidated" else document_name(doc)
                locked = name in ctx.locked
            if (ref, locked) in seen:
                continue
            seen.add((ref, locked))
            clause = ctx.library.get(ref)
            owner = clause.meta.partnership
            said = (f"Klausulen {clause.ref} ({clause.meta.heading}) hör till partnerskapet {owner} (partnership: i "
                    f"klausulens huvud), men specen gäller inte det partnerskapet. Den beskriver det partnerskapets "
                    "verksamhet och beslut, och de uppgifterna stämmer inte i en annan överenskommelse. ")
            if locked:
                said += ("Dokumentet är redan undertecknat och låst, så texten ändras inte här: rätta det som inte "
                         "stämmer genom ett tillägg (amendments:). ")
            else:
                said += ("Skriv partnerskapets egen text i stället: ett avsnitt med key: och heading: och texten "
                         "under texts:, eller standardmallens avsnitt på samma plats. ")
            yield Finding(
                "clause-other-partnership", "warning" if locked else "error",
                said + "Hör specen ändå till partnerskapet, ge den ett namn som börjar med "
                f"{owner}- (t.ex. {owner}-2027.yaml).",
                ctx.where_clause_used(clause.id, clause.version), doc.kind)


def spec_partnership_names(ctx: CheckContext) -> set[str]:
    """Every name the spec goes by: its file's, its idéburna parties', and those of the specs it renews."""
    names = {_file_name(ctx.loaded.path)} | {_as_id(p.name) for p in ctx.spec.partners}
    renewed = ctx.renewed
    seen = {ctx.loaded.path.resolve()}
    for _ in range(RENEWALS_FOLLOWED):
        if renewed is None or isinstance(renewed, Exception) or renewed.path.resolve() in seen:
            break
        seen.add(renewed.path.resolve())
        names |= {_file_name(renewed.path)} | {_as_id(p.name) for p in renewed.spec.partners}
        renewed = _renewed(renewed)
    return names - {""}


def _renewed(loaded):
    from drafter.errors import DrafterError
    from drafter.spec.renewed import load_renewed

    if not loaded.spec.renews:
        return None
    try:
        return load_renewed(loaded)
    except DrafterError:
        return None


def _is_of(name: str, partnership: str) -> bool:
    """`partnership` is the name, or a whole part of it: street-minds-2026, iop-0001-street-minds."""
    return f"-{partnership}-" in f"-{name}-"


def _file_name(path: Path) -> str:
    """The spec's name; the web page checks an unsaved edit as ".NAME.utkast-….yaml": NAME."""
    return path.stem.lstrip(".").split(".utkast-")[0]


def _as_id(text: str) -> str:
    """A name as an id is written ("Street Minds" → "street-minds", "Läxhjälp i Järva" → "laxhjalp-i-jarva")."""
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


CHECKS = [check_other_partnership]
