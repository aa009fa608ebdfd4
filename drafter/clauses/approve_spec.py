"""What `drafter clauses approve --spec` works out before anything is written: the versions a spec uses
that are not fastställda for its public party, how each stands there, who may fastställa for it, and the
spec and organisation the messages name. The command (drafter/cli/clauses.py) only asks and writes."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from drafter.errors import DrafterError


def party_filled_in(spec_path: Path) -> None:
    """Exit 2 when the spec's public party still has the placeholders of `drafter new` ("[Kommunens namn]"):
    whom the approval is for cannot be told, and the tip must not be to type the placeholder."""
    from drafter.spec.load import load_spec
    from drafter.spec.placeholders import PLACEHOLDER

    loaded = load_spec(spec_path)
    public = loaded.spec.public
    index = next(i for i, p in enumerate(loaded.spec.parties) if p is public)
    blank = [f for f in ("name", "committee") if isinstance(getattr(public, f), str)
             and PLACEHOLDER.match(getattr(public, f).strip())]
    if blank:
        said = ", ".join(f"parties.{index}.{f}: {getattr(public, f)}" for f in blank)
        raise DrafterError(f"Den offentliga parten i {spec_path} är inte ifylld ({said}), så det går inte att säga vem "
                           "fastställelsen gäller; inget skrevs.", loaded.where("parties", index, blank[0]),
                           hint="Fyll i kommunens eller regionens namn och nämnden i specen, och kör kommandot igen.")


def spec_refs(spec_path: Path, library, scope, given: list[str], say: Callable[..., None]) -> list[str]:
    """The versions `spec_path` uses that are not fastställda for its public party, listed before
    anything is written (each line told to `say`, with err=True for a warning); bad input (exit 2) when
    the approval would not apply to that party either."""
    from drafter.clauses.affected import unapproved_in

    wanted = unapproved_in(spec_path, library)
    party_filled_in(spec_path)
    if not scope.covers(wanted.party):
        raise DrafterError(f"Fastställelsen skulle gälla {scope.describe()}, inte den offentliga parten i "
                           f"{spec_path} ({wanted.party.describe()}); versionerna räknades då ändå inte som "
                           "fastställda där, och inget skrevs.", hint=who_may_hint(wanted.party))
    new = [c for c in wanted.unapproved if c.ref not in given]
    for clause in wanted.retired:
        say(f"varning: {clause.ref} ({clause.meta.heading}) är upphävd och kan inte fastställas; "
                   "välj en gällande version i specen.", err=True)
    if not new:
        say(f"Alla klausulversioner som {spec_path} använder är redan fastställda för "
                   f"{wanted.party.describe()}.")
        return []
    say(f"Fastställs för {wanted.party.describe()} ({spec_path}):")
    for clause in new:
        say(f"  {clause.ref}  {clause.meta.heading} ({status_here(clause, wanted.party)})"
                   f"{newer_granskad(library, clause)}")
    return [c.ref for c in new]


def who_may_hint(party) -> str:
    """Who may fastställa for the spec's public party, as options to type: its own nämnd, or fullmäktige
    (a nämnd decides only within its own area: kommunallagen 6 kap. 2–3 §§; fullmäktige for them all)."""
    from drafter.clauses.scope import who_may_approve

    *own, council = who_may_approve(party)
    whole = f'--av "{council}"' + (f' --för "{party.organisation}" --för-nämnd "{party.committee}"'
                                   if party.committee else "")
    if not own:
        return f"För {party.describe()} fastställer fullmäktige: ange {whole} och beslutets datum."
    return (f"För {party.describe()} fastställer nämnden själv eller fullmäktige: ange --av \"{own[0]}\", "
            f"eller {whole}, och beslutets datum.")


def status_here(clause, party) -> str:
    """"granskad"; a version fastställd only for others says for whom, and that it is not for this party
    (trial 12: "(fastställd)" read as already approved here)."""
    from drafter.clauses.scope import scope_of
    from drafter.swedish.names import lista

    if clause.meta.status != "fastställd":
        return clause.meta.status
    others = list(dict.fromkeys(scope_of(a).describe() for a in clause.meta.all_approvals))
    return f"fastställd för {lista(others)}, inte för {party.describe()}"


def newer_granskad(library, clause) -> str:
    """"; v2 granskad finns" when a later granskad version of the clause exists: the jurist approving a
    spec's versions sees that a better text is waiting (trial7 item 14), as renew's report says it."""
    newer = [v.version for v in library.versions(clause.id)
             if v.version > clause.version and v.meta.status == "granskad"]
    return f"; v{newer[-1]} granskad finns" if newer else ""


def existing_spec(path: Path, specs_dir: Path) -> Path:
    """`--spec` as given, when it is there; else bad input with the spec the user most likely meant, as
    check and renew say it (the name as the web page shows it), or the nearest name in the folder."""
    import difflib

    from drafter.errors import Where
    from drafter.spec.yaml_reader import _meant

    if path.is_file():
        return path
    hint = _meant(path)
    if hint is None:
        folder = path.parent if path.parent.is_dir() and path.parent != Path(".") else specs_dir
        names = [p.name for p in folder.glob("*.yaml") if not p.name.startswith(".")] if folder.is_dir() else []
        wanted = path.name if path.suffix in (".yaml", ".yml") else f"{path.name}.yaml"
        close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.6)
        hint = f"Menade du {(folder / close[0]).as_posix()}?" if close else None
    raise DrafterError("Specen finns inte; inget fastställdes.", Where(str(path)), hint)


def known_organisation(spec_path: Path | None, library) -> str | None:
    """The kommun or region a message can take as its example: the spec's public party's, else the house
    style's (a Stockholm jurist is never told to write Sundbybergs stad)."""
    from drafter.clauses.approve import house_organisation
    from drafter.clauses.scope import party_scope
    from drafter.spec.load import load_spec

    if spec_path is not None:
        try:
            return party_scope(load_spec(spec_path).spec.public).organisation
        except DrafterError:
            pass
    return house_organisation(library)
