"""A renewal says what it replaces (trial 12): the new agreement takes the place of the old one from its
first day, and the old one ends then. Nothing in a renewed set said so — the clause that would
(inledning/fornyad-overenskommelse) was only in the Street Minds example's own outline, never in the
standard outlines a `drafter new` spec uses, and renew did not add it — while an old agreement that can
be extended runs on unless it is sagt upp in time, so both could be paid for the same year.

`drafter renew` therefore brings in the versions that say it: inledning/fornyad-overenskommelse@3 at the
start of the agreement (under Bakgrund when there is one, as 1.1 in the 2026 example), and
tjansteutlatande/giltighetstid@3 in the tjänsteutlåtande, in place of an earlier version of either. The
förslag till beslut says it too (tjansteutlatande/forslag-till-beslut@7, or its stadsdelsnämnd form @5):
the nämnd decides to enter the new agreement in place of the current one, which ends on a named day. All
are granskade versions; the renewal report lists them under Att känna till.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AGREEMENT = ("inledning/fornyad-overenskommelse", 3)
PROPOSAL = ("tjansteutlatande/giltighetstid", 3)
DECISION = (("tjansteutlatande/forslag-till-beslut", 7), ("tjansteutlatande/forslag-till-beslut-stadsdelsnamnd", 5))


@dataclass
class Replaced:
    """What renew changed in an outline so that the documents say what the renewal replaces."""

    document: str  # "agreement" or "proposal"
    ref: str  # the clause version brought in
    was: int | None  # the version it replaced; None when it was added


def say_what_it_replaces(data: dict, documents, used: dict[str, int], library) -> list[Replaced]:
    """Bring the clause versions that say the renewal replaces the old agreement into `data`'s outlines."""
    from drafter.clauses.library import ClauseNotFound

    done: list[Replaced] = []
    wanted = [(AGREEMENT, "agreement"), (PROPOSAL, "proposal"), *((d, "proposal") for d in DECISION)]
    for (clause_id, version), kind in wanted:
        ref = f"{clause_id}@{version}"
        try:
            library.get(ref)
        except (ClauseNotFound, ValueError):
            continue  # a library of its own without them: nothing to bring in
        holder = data if kind == "agreement" else data.get("proposal")
        if not isinstance(holder, dict) or "outline" not in holder:
            continue
        doc = next((d for d in documents if d.kind == kind), None)
        was = _used_in(doc, clause_id)
        if was is not None and was >= version:
            continue
        outline = holder["outline"]
        if was is not None:
            if not _swap(outline, clause_id, ref) and isinstance(outline, dict):
                outline.setdefault("replace", {})[clause_id] = ref  # the standard outline's own section
            done.append(Replaced(kind, ref, was))
            used[clause_id] = version  # chosen: not offered again among the newer versions
        elif kind == "agreement" and doc is not None:  # the tjänsteutlåtande without one is left as written
            _add_first(holder, outline, doc, ref)
            done.append(Replaced(kind, ref, None))
    return done


def _used_in(doc, clause_id: str) -> int | None:
    if doc is None:
        return None
    return next((s.clause.version for s in doc.walk_sections() if s.clause and s.clause.id == clause_id), None)


def _swap(items, clause_id: str, ref: str) -> bool:
    """Replace the outline's own references to `clause_id` (a list item, a `clause:`, a `replace:` value or
    an `add:` item) by `ref`; False when the outline names none (it comes from a standard outline).
    `remove:` and `move:` name sections, not versions, and stay."""
    pattern = re.compile(rf"{re.escape(clause_id)}(@\d+)?")
    found = False
    pairs = list(items.items()) if isinstance(items, dict) else list(enumerate(items)) if isinstance(items, list) else []
    for key, value in pairs:
        if key in ("remove", "move"):
            continue
        if isinstance(value, str) and pattern.fullmatch(value):
            items[key] = ref
            found = True
        elif isinstance(value, (dict, list)):
            found = _swap(value, clause_id, ref) or found
    return found


def _add_first(holder: dict, outline, doc, ref: str) -> None:
    """At the start of the agreement: inside Bakgrund when the agreement opens with it, else first."""
    first = doc.sections[0] if doc.sections else None
    if isinstance(outline, dict):  # a standard outline
        if first is None:
            return
        place = {"into": first.name} if first.name == "bakgrund" else {"before": first.name}
        outline.setdefault("add", []).append({**place, "item": ref})
    elif isinstance(outline, list) and outline:
        head = outline[0]
        if first is not None and first.name.rsplit("/", 1)[-1].split("@")[0] == "bakgrund":
            if isinstance(head, str):
                outline[0] = head = {"clause": head}
            if isinstance(head, dict):
                head.setdefault("sections", []).append(ref)
                return
        outline.insert(0, ref)


def replaced_review(path, replaced: Replaced):
    """What the renewal report says of it: to know, with the line of the new spec that names it."""
    from drafter.renew_review import Review

    lines = path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if replaced.ref in text), 1)
    where = "överenskommelsen" if replaced.document == "agreement" else "tjänsteutlåtandet"
    says = ("säger i beslutspunkt 1 att den nya överenskommelsen ersätter den nuvarande från den nya periodens "
            "början, när den nuvarande upphör och, när renews_ended_by: är ifyllt, hur den sades upp eller "
            "avslutades" if "forslag-till-beslut" in replaced.ref else
            "säger att den nya överenskommelsen ersätter den tidigare från den nya periodens början och när den "
            "tidigare upphör" if replaced.document == "agreement" else
            "säger att den nya överenskommelsen ersätter den nuvarande från den nya periodens början, när den "
            "nuvarande upphör och, när renews_ended_by: är ifyllt, hur den sades upp eller avslutades")
    done = (f"lagd till i {where}" if replaced.was is None
            else f"i {where} i stället för version {replaced.was}")
    return Review(f"{path.as_posix()}:{line}",
                  f"{replaced.ref} {done}: den {says}. Den är granskad, inte fastställd; läs den och låt "
                  "nämnden fastställa den med överenskommelsen", replaced.ref)
