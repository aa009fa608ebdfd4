"""Find and read clause versions: `clauses/<id>/v<N>.md`, e.g. clauses/villkor/aterkrav/v2.md."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from drafter.clauses.front_matter import ClauseMeta
from drafter.errors import DrafterError, Where
from drafter.locations import library_root
from drafter.spec.refs import VERSION_FILE, split_ref, version_of_file
from drafter.validation import swedish_message
from drafter.xmlchars import first_bad_char



def default_library_path() -> Path:
    """clauses/ in the current folder (where an official runs drafter), else the project's."""
    return library_root(None)


class ClauseNotFound(DrafterError):
    """A well-formed clause id that the library does not have (a finding, exit 1)."""

    exit_code = 1
    code = "clause-unknown"


class ClauseVersionNotFound(ClauseNotFound):
    """A clause the library has, but not in the version asked for (or with none fastställd)."""

    code = "clause-version-unknown"


@dataclass(frozen=True)
class ClauseVersion:
    id: str
    path: Path
    meta: ClauseMeta
    body: str
    body_line: int  # file line of the body's first line

    @property
    def version(self) -> int:
        return self.meta.version

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()


class ClauseLibrary:
    def __init__(self, root: Path | str | None = None):
        self.root = library_root(root)
        self._cache: dict[Path, ClauseVersion] = {}
        self._bytes: dict[Path, bytes] = {}  # each file as read: what the input hash is made from
        self._files: dict[str, list[Path]] = {}  # each clause id's version files, as last listed

    def ids(self) -> list[str]:
        files = (p for p in self.root.rglob("v*.md") if VERSION_FILE.match(p.name))
        return sorted({p.parent.relative_to(self.root).as_posix() for p in files})

    def versions(self, clause_id: str) -> list[ClauseVersion]:
        folder = self.root / clause_id
        files = [p for p in folder.glob("v*.md") if VERSION_FILE.match(p.name)] if folder.is_dir() else []
        if not files:
            import difflib  # only when a clause is not found

            close = difflib.get_close_matches(clause_id, self.ids(), n=1, cutoff=0.6)
            raise ClauseNotFound(
                f"Klausulen '{clause_id}' finns inte i biblioteket {self.root}.",
                hint=f"Menade du '{close[0]}'?" if close else "Se `drafter clauses list`.",
            )
        versions = [self.read(p, clause_id) for p in files]
        self._files[clause_id] = files
        return sorted(versions, key=lambda v: v.version)

    def digest(self, clause_id: str) -> str | None:
        """The input hash of one clause (drafter.incremental's), from the bytes this library read and
        rendered, not from the disk now: a file edited during a build then makes the next one rebuild."""
        from drafter.incremental import clause_digest_of

        files = self._files.get(clause_id)
        if not files or any(p not in self._bytes for p in files):
            return None
        return clause_digest_of({p.name: self._bytes[p] for p in files})

    def get(self, ref: str) -> ClauseVersion:
        """`id@N` gives version N; plain `id` the newest fastställd version."""
        clause_id, pinned = split_ref(ref)
        return pick(clause_id, pinned, self.versions(clause_id))

    def read(self, path: Path, clause_id: str) -> ClauseVersion:
        if path not in self._cache:
            from drafter.spec.yaml_reader import read_input

            data = read_input(path, what="Klausulfilen")
            self._cache[path] = _read_clause_file(path, clause_id, data)
            self._bytes[path] = data
        return self._cache[path]


def pick(clause_id: str, pinned: int | None, versions: list[ClauseVersion]) -> ClauseVersion:
    """Of a clause's versions (oldest first), version `pinned`, or the newest fastställd when None."""
    if pinned is not None:
        for v in versions:
            if v.version == pinned:
                return v
        raise ClauseVersionNotFound(
            f"Klausulen '{clause_id}' har ingen version {pinned}.",
            hint="Versioner som finns: " + ", ".join(str(v.version) for v in versions) + ".",
        )
    approved = [v for v in versions if v.meta.status == "fastställd"]
    if not approved:
        raise ClauseVersionNotFound(
            f"Klausulen '{clause_id}' har ingen fastställd version.",
            hint=f"Ange en version uttryckligen, t.ex. {clause_id}@{versions[-1].version}, eller fastställ en.",
        )
    return approved[-1]


def _read_clause_file(path: Path, clause_id: str, data: bytes) -> ClauseVersion:
    from drafter.parse_cache import kept

    meta, body, body_line = kept("clause", data, lambda: _parse_clause(path, data), _is_parsed_clause)
    expected = version_of_file(path.name)
    assert expected is not None, path  # read() is given only the version files versions() listed
    if meta.version != expected:
        raise DrafterError(
            f"Front matter anger version {meta.version} men filen heter {path.name}.",
            Where(str(path), 2, None, "version"),
        )
    return ClauseVersion(clause_id, path, meta, body, body_line)


def _is_parsed_clause(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], ClauseMeta)
            and isinstance(value[1], str) and isinstance(value[2], int))


def _parse_clause(path: Path, data: bytes) -> tuple[ClauseMeta, str, int]:
    """Front matter, body and the body's first line, from the file's bytes alone (kept between runs by
    parse_cache; `path` only names the file in an error, and errors are never kept)."""
    from drafter.spec.yaml_reader import first_hidden_char, hidden_char_message

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DrafterError(f"Klausulfilen är inte sparad som UTF-8 (byte {exc.start}).", Where(str(path)),
                           "Spara filen med teckenkodningen UTF-8.") from None
    if bad := first_bad_char(text):
        line, column, char = bad
        raise DrafterError(f"Klausulfilen innehåller ett tecken som inte kan stå i ett dokument (U+{ord(char):04X}).",
                           Where(str(path), line, column), "Ta bort tecknet.")
    if hidden := first_hidden_char(text):
        line, column, char = hidden
        raise DrafterError(hidden_char_message(char), Where(str(path), line, column), "Ta bort tecknet.")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise DrafterError("Klausulfilen börjar inte med front matter (en rad med ---).", Where(str(path), 1))
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise DrafterError("Front matter avslutas inte med en rad med ---.", Where(str(path), 1)) from None
    try:
        front = _front_matter_yaml("".join(lines[1:end])) or {}
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark else 1
        from drafter.spec.yaml_reader import explain_problem

        raise DrafterError(f"Front matter är inte giltig YAML: {explain_problem(exc.problem or '')}.", Where(str(path), line),
                           "Kontrollera raden: en text med kolon (:) skrivs inom citattecken, eller som ett block "
                           "(rationale: >-) på raderna under.") from None
    try:
        meta = ClauseMeta.model_validate(front)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(map(str, err["loc"])) or None
        message, hint = swedish_message(err, ClauseMeta)
        key = str(err["loc"][0]) if err["loc"] else ""
        line = next((i + 1 for i in range(1, end) if lines[i].startswith(f"{key}:")), 2)
        raise DrafterError(f"Fel i front matter: {message}", Where(str(path), line, None, field), hint) from None
    return meta, "".join(lines[end + 1:]), end + 2


def _front_matter_yaml(text: str):
    """PyYAML's C parser when it reads the text (several times faster: every build reads every clause
    it uses); the Python one otherwise, so that an error is reported with the same words as always."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 (a safe loader)
        except Exception:
            pass
    return yaml.safe_load(text)
