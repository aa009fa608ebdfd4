"""clause-other-partnership: a clause that belongs to one partnership, used in another's documents.

A clause with `partnership: street-minds` in its front matter tells one partnership's facts (its
background, target group, the decision its nämnd took). In another partnership's agreement those are
false statements in a legal document, and nothing else flags them: they are fastställda, and they
name the parties through {{ }}.

Which partnership a spec is of is decided once per spec (`Belonging`). A spec that writes it
(`partnership: street-minds`, the folder in clauses/ with that partnership's texts) is of that one and
no other: nothing is guessed. A value with no such folder is `partnership-unknown` (misspelt, "Menade
du …?"), unless the spec's own names say the same (a new partnership, `drafter new`, has no folder
yet). A spec that does not write it is of P as specs always said so: its file's name is P or has P as
a whole part (street-minds-2026.yaml; `drafter import` names a spec as its clauses' partnership), one
of its idéburna parties is named so (Street Minds → street-minds), or a spec it renews (`renews:`,
followed back; one that writes `partnership:` says it) is of P. Such a spec that uses a partnership's
clauses is told once which partnership was inferred and how to write it down (`partnership-inferred`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding

RENEWALS_FOLLOWED = 20  # a chain of renewals longer than this is a loop
NOT_PARTNERSHIPS = ("outlines",)  # folders of clauses/ that hold no clause texts


@dataclass
class Belonging:
    """The partnership a spec is of: the one it writes, else the names it goes by."""

    written: str | None  # `partnership:` as the spec writes it
    names: dict[str, str] = field(default_factory=dict)  # name → how the spec goes by it (Swedish), when not written

    def is_of(self, owner: str) -> bool:
        if self.written is not None:
            return owner == self.written
        return any(_is_of(name, owner) for name in self.names)

    def how(self, owner: str) -> str:
        """How an inferred partnership was read: the first of the spec's names that has it."""
        return next(how for name, how in self.names.items() if _is_of(name, owner))


def decided(ctx: CheckContext) -> tuple[str | None, str]:
    """The spec's partnership and how it was decided (Swedish): the one it writes, else the one of its
    documents' partnership clauses that its names infer (`drafter renew` writes it down); (None, "")."""
    if ctx.spec.partnership:
        return ctx.spec.partnership, "partnership:"
    owners = {ctx.library.get(f"{s.clause.id}@{s.clause.version}").meta.partnership
              for doc in ctx.documents for s in doc.walk_sections() if s.clause is not None}
    owners.discard(None)
    if not owners:
        return None, ""
    belonging = Belonging(None, spec_partnership_names(ctx))
    mine = sorted(owner for owner in owners if owner and belonging.is_of(owner))
    return (mine[0], belonging.how(mine[0])) if len(mine) == 1 else (None, "")


def check_other_partnership(ctx: CheckContext):
    from drafter.lockfile import document_name

    written = ctx.spec.partnership
    belonging: Belonging | None = None
    if written is not None:
        unknown = _unknown_partnership(ctx, written)
        if unknown is not None:
            yield unknown
            return  # misspelt: every partnership clause would be "another's"; the one error says it
        belonging = Belonging(written)
    other: dict[str, bool] = {}  # clause version → of another partnership than the spec's
    inferred: list[str] = []  # partnerships the spec uses clauses of, inferred from its names
    seen: set[tuple[str, bool]] = set()
    for doc in ctx.documents:
        locked: bool | None = None  # read only when needed: the lock is the pipeline's to read once
        for section in doc.walk_sections():
            use = section.clause
            if use is None:
                continue
            ref = f"{use.id}@{use.version}"
            if ref not in other:
                owner = ctx.library.get(ref).meta.partnership
                if owner and belonging is None:
                    belonging = Belonging(None, spec_partnership_names(ctx))  # once per spec, when it matters
                other[ref] = bool(owner) and belonging is not None and not belonging.is_of(owner or "")
                if owner and not other[ref] and written is None and owner not in inferred:
                    inferred.append(owner)
            if not other[ref]:
                continue
            if locked is None:  # signed: a legal fact, warned of, never stopped; the agreement as amended is its text
                name = "overenskommelse" if doc.kind == "consolidated" else document_name(doc)
                locked = name in ctx.locked
            if (ref, locked) in seen:
                continue
            seen.add((ref, locked))
            yield _other_finding(ctx, ctx.library.get(ref), written, bool(locked), doc.kind)
    if inferred and belonging is not None:
        yield _inferred_finding(ctx, inferred, belonging)


def _other_finding(ctx: CheckContext, clause, written: str | None, locked: bool, kind: str) -> Finding:
    owner = clause.meta.partnership
    said = f"Klausulen {clause.ref} ({clause.meta.heading}) hör till partnerskapet {owner} (partnership: i klausulens huvud), "
    if written is not None:
        said += f"men specen hör till partnerskapet {written} (partnership: på {ctx.where('partnership')}). "
    else:
        said += "men specen gäller inte det partnerskapet. "
    said += ("Den beskriver det partnerskapets verksamhet och beslut, och de uppgifterna stämmer inte i en annan "
             "överenskommelse. ")
    if locked:
        said += ("Dokumentet är redan undertecknat och låst, så texten ändras inte här: rätta det som inte "
                 "stämmer genom ett tillägg (amendments:). ")
    else:
        said += ("Skriv partnerskapets egen text i stället: ett avsnitt med key: och heading: och texten "
                 "under texts:, eller standardmallens avsnitt på samma plats. ")
    if written is not None:
        said += f"Hör specen ändå till partnerskapet {owner}, skriv partnership: {owner}."
    else:
        said += f"Hör specen ändå till partnerskapet, skriv partnership: {owner} överst i specen."
    return Finding("clause-other-partnership", "warning" if locked else "error", said,
                   ctx.where_clause_used(clause.id, clause.version), kind)


def _inferred_finding(ctx: CheckContext, owners: list[str], belonging: Belonging) -> Finding:
    first = owners[0]
    hows = "; ".join(f"{owner}: {belonging.how(owner)}" for owner in owners)
    which = (f"partnerskapet {first}, härlett ur {belonging.how(first)}" if len(owners) == 1
             else f"partnerskapen {', '.join(owners)} ({hows})")
    hint = (f"Skriv partnership: {first} överst i specen (under renews:, om den finns), så avgörs det av fältet "
            "och inte av namn som kan ändras.")
    return Finding("partnership-inferred", "info",
                   f"Specen använder klausuler som hör till {which}. {hint}",
                   ctx.where("renews") if ctx.spec.renews else ctx.where("document"), hint=hint)


def _unknown_partnership(ctx: CheckContext, written: str) -> Finding | None:
    """`partnership-unknown` when clauses/ has no folder `written` with clause texts and the spec's own
    names do not say it either (a new partnership's spec, named after it, before it has any clause)."""
    problem = folder_problem(ctx.library, written, lambda: spec_partnership_names(ctx))
    if problem is None:
        return None
    said, hint = problem
    said = f"Fältet partnership: anger {written}, men {said}"
    return Finding("partnership-unknown", "error", f"{said} {hint}", ctx.where("partnership"), hint=hint)


def folder_problem(library, written: str, names) -> tuple[str, str] | None:
    """What is wrong with `partnership: written` (what the library has, to follow "…, men "; a hint), or
    None: the library has a folder of that partnership's texts, or none yet and one of `names()` (the
    names the spec goes by) says it."""
    root = library.root
    folder = root / written
    if not folder.is_dir() and (root / "import" / written).is_dir():
        folder = root / "import" / written  # `drafter import` writes a partnership's texts to import/<name>/
    if written not in NOT_PARTNERSHIPS and folder.is_dir():
        shared = _shared_folder(library, folder)
        if shared is None:
            return None
        said = (f"mappen {shared} i klausulbiblioteket har det gemensamma bibliotekets klausuler (utan "
                "partnership: i huvudet), inte ett partnerskaps egna texter.")
    else:
        if any(_is_of(name, written) for name in names()):
            return None
        said = f"klausulbiblioteket ({_shown(root)}) har ingen mapp {written}/ med partnerskapets egna texter."
    import difflib  # only for a value that names no partnership

    folders = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
                     and p.name not in NOT_PARTNERSHIPS and p.name != written)
    close = difflib.get_close_matches(written, folders, n=1, cutoff=0.6)
    hint = (f"Menade du '{close[0]}'?" if close else
            "Skriv namnet på mappen i clauses/ som har partnerskapets egna klausuler (som street-minds), eller "
            "specens eget namn utan årtal för ett nytt partnerskap utan egna klausuler.")
    return said, hint


def _shown(path: Path) -> str:
    """The library's folder as the user named it: from the current folder when it is under it."""
    try:
        return path.relative_to(Path.cwd()).as_posix() or "."
    except ValueError:
        return str(path)


def _shared_folder(library, folder: Path) -> str | None:
    """The folder's name when its first clause text belongs to no partnership (villkor/, parter/), else None."""
    from drafter.spec.refs import VERSION_FILE

    # the first clause text, by name: one level down (street-minds/bakgrund/v1.md) lists little on every check
    near = (p for sub in sorted(folder.iterdir()) if sub.is_dir() for p in sorted(sub.glob("v*.md")))
    first = next((p for p in near if VERSION_FILE.match(p.name)), None) or next(
        (p for p in sorted(folder.rglob("v*.md")) if VERSION_FILE.match(p.name)), None)
    if first is None:
        return None  # a partnership's folder before its first clause
    version = library.read(first, first.parent.relative_to(library.root).as_posix())
    return None if version.meta.partnership else f"{folder.name}/"


def spec_partnership_names(ctx: CheckContext) -> dict[str, str]:
    """Every name the spec goes by, with how (Swedish): its file's, its idéburna parties', and those of the
    specs it renews (a renewed spec that writes `partnership:` says its partnership, and is followed no
    further back)."""
    names: dict[str, str] = {}

    def add(name: str, how: str) -> None:
        if name and name not in names:
            names[name] = how

    add(_file_name(ctx.loaded.path), f"filens namn ({ctx.loaded.path.name})")
    for p in ctx.spec.partners:
        add(_as_id(p.name), f"den idéburna partens namn ({p.name})")
    renewed = ctx.renewed
    if isinstance(renewed, Exception) and ctx.spec.renews:  # unreadable: still a name the spec goes by
        add(_file_name(Path(str(ctx.spec.renews))), f"specen den förnyar ({Path(str(ctx.spec.renews)).name})")
    seen = {ctx.loaded.path.resolve()}
    for _ in range(RENEWALS_FOLLOWED):
        if renewed is None or isinstance(renewed, Exception) or renewed.path.resolve() in seen:
            break
        seen.add(renewed.path.resolve())
        said = f"specen den förnyar ({renewed.path.name})"
        if renewed.spec.partnership:
            add(renewed.spec.partnership, f"partnership: {renewed.spec.partnership} i {said}")
            break
        add(_file_name(renewed.path), said)
        for p in renewed.spec.partners:
            add(_as_id(p.name), said)
        renewed = _renewed(renewed)
    return names


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
