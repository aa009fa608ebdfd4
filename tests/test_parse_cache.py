"""What one run keeps for the next (drafter.parse_cache) only saves time: a damaged, foreign or unwritable
cache folder gives the same findings without a traceback, an edited clause file is read at once, and
nothing built with the cache differs from what is built without it."""

import json
import os
import pickle
import shutil
import subprocess
import sys

import pytest

from drafter import parse_cache
from drafter.clauses.library import ClauseLibrary
from helpers import ROOT, example_data, write_spec

SPECS = ["agreements/street-minds-2026.yaml", "agreements/street-minds-2023.yaml"]


def _check(tmp: str, cwd=ROOT, spec: str = SPECS[0]) -> tuple[int, list, str]:
    """`drafter check --format json` in its own process, the temp folder (and so the cache) at `tmp`."""
    env = {**os.environ, "TMPDIR": str(tmp)}
    result = subprocess.run([sys.executable, "-m", "drafter", "check", "--format", "json", spec], cwd=cwd,
                            env=env, capture_output=True, text=True, check=False, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout), result.stderr


def _kept(tmp) -> list:
    return sorted((tmp / f"drafter-cache-{os.getuid()}" / "parsed").iterdir())


@pytest.fixture(scope="module")
def uncached(tmp_path_factory):
    """The findings of each example with no cache at all (a cache folder open to others is never used)."""
    tmp = tmp_path_factory.mktemp("open")
    (tmp / f"drafter-cache-{os.getuid()}").mkdir(mode=0o777)
    os.chmod(tmp / f"drafter-cache-{os.getuid()}", 0o777)
    found = {spec: _check(tmp, spec=spec)[:2] for spec in SPECS}
    assert not (tmp / f"drafter-cache-{os.getuid()}" / "parsed").exists()
    return found


def test_a_warm_cache_gives_the_findings_of_none(tmp_path, uncached):
    for spec in SPECS:
        first = _check(tmp_path, spec=spec)[:2]
        assert first == uncached[spec]
        assert _check(tmp_path, spec=spec)[:2] == uncached[spec]
    kinds = {p.name.rsplit("-", 1)[0] for p in _kept(tmp_path)}
    assert kinds == {"clause", "markdown", "glyphs", "jinja-reach"}


@pytest.mark.parametrize("damage", ["empty", "garbage", "cut", "checksum", "wrong type"])
def test_a_damaged_cache_gives_the_same_findings(tmp_path, uncached, damage):
    _check(tmp_path)
    files = _kept(tmp_path)
    assert len(files) == 4  # clause, markdown, glyphs, jinja-reach
    for path in files:
        data = path.read_bytes()
        if damage == "empty":
            path.write_bytes(b"")
        elif damage == "garbage":
            path.write_bytes(os.urandom(len(data)))
        elif damage == "cut":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "checksum":
            path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
        else:  # a well-formed file holding what no reader expects
            import hashlib
            import pickle

            payload = pickle.dumps({hashlib.sha256(b"x").digest(): {"type": 1, "root": None}})
            path.write_bytes(parse_cache._MAGIC + hashlib.sha256(payload).digest() + payload)
    assert _check(tmp_path)[:2] == uncached[SPECS[0]]


def test_an_unwritable_cache_folder_gives_the_same_findings(tmp_path, uncached):
    """Nothing can be written where the kept files go (a file stands there: the tests run as root, whom
    a folder's mode does not stop)."""
    folder = tmp_path / f"drafter-cache-{os.getuid()}"
    folder.mkdir(mode=0o700)
    (folder / "parsed").write_text("")
    assert _check(tmp_path)[:2] == uncached[SPECS[0]]
    assert (folder / "parsed").read_text() == ""


def test_a_cache_folder_that_is_a_file_gives_the_same_findings(tmp_path, uncached):
    (tmp_path / f"drafter-cache-{os.getuid()}").write_text("not a folder")
    assert _check(tmp_path)[:2] == uncached[SPECS[0]]


def test_a_spec_with_errors_is_told_the_same_with_a_warm_cache(tmp_path):
    """A spec with errors is told the same from an empty cache and a warm one: the same messages, fields
    and lines, and nothing of the error kept."""
    data = example_data()
    data["period"]["start"] = "1 juli 2026"
    data["parties"][1]["organisationsnummer"] = "802524-2878"
    data["parties"][0]["nmae"] = "Stockholms stad"
    data["budget"]["rows"][0]["amount"] = "mycket"
    spec = write_spec(tmp_path, data)
    told = []
    for cache in ("cold", "warm", "warm"):
        (tmp_path / "tmp").mkdir(exist_ok=True)
        if cache == "cold":
            shutil.rmtree(tmp_path / "tmp")
            (tmp_path / "tmp").mkdir()
        env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
        result = subprocess.run([sys.executable, "-m", "drafter", "check", str(spec)], cwd=ROOT, env=env,
                                capture_output=True, text=True, check=False, timeout=120)
        told.append((result.returncode, result.stdout, result.stderr))
    assert told[0][0] == 2 and "kontrollsiffra" in told[0][1] + told[0][2] and "Traceback" not in told[0][2]
    assert told[0] == told[1] == told[2]


def test_an_edited_clause_file_is_read_at_once(tmp_path):
    """The same size, the same modification time: the cache is keyed by the bytes, so the edit shows."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "clauses", project / "clauses")
    shutil.copytree(ROOT / "agreements", project / "agreements")
    clause = project / "clauses" / "street-minds" / "foreningens-verksamhet" / "v1.md"
    _, before, _ = _check(tmp_path, cwd=project)
    assert any("jamm" in f["message"] for f in before["findings"])
    info = clause.stat()
    clause.write_bytes(clause.read_bytes().replace(b"musik/jamm-grupper", b"musik/jxmm-grupper"))
    os.utime(clause, ns=(info.st_atime_ns, info.st_mtime_ns))
    _, after, _ = _check(tmp_path, cwd=project)
    messages = [f["message"] for f in after["findings"]]
    assert any('"jxmm"' in m for m in messages) and not any('"jamm"' in m for m in messages)


def _own_packs(monkeypatch, tmp_path):
    monkeypatch.setattr(parse_cache, "_base", lambda: (tmp_path / "parsed", b"0" * 64))
    monkeypatch.setattr(parse_cache, "_PACKS", {})


def _forms(tmp_path, kind: str) -> dict:
    parse_cache.save()
    [pack] = (tmp_path / "parsed").glob(f"{kind}-*.pack")
    return {key: pickle.loads(form) for key, form in parse_cache._read(pack).items()}  # each form a pickle of its own


def test_a_front_matter_edit_is_read_at_once(tmp_path, monkeypatch):
    _own_packs(monkeypatch, tmp_path)
    root = tmp_path / "clauses"
    (root / "villkor" / "prov").mkdir(parents=True)
    path = root / "villkor" / "prov" / "v1.md"
    text = "---\nheading: Prov\nversion: 1\nstatus: granskad\nrationale: Ny.\n---\nFörsta lydelsen.\n"
    path.write_text(text, encoding="utf-8")
    first = ClauseLibrary(root).get("villkor/prov@1")
    path.write_text(text.replace("granskad", "utkast").replace("Första", "Andra"), encoding="utf-8")
    second = ClauseLibrary(root).get("villkor/prov@1")
    assert (first.meta.status, first.body) == ("granskad", "Första lydelsen.\n")
    assert (second.meta.status, second.body) == ("utkast", "Andra lydelsen.\n")
    assert len(_forms(tmp_path, "clause")) == 2
    # the kept form is the parsed one: read back, it is equal to what parsing gives
    monkeypatch.setattr(parse_cache, "_PACKS", {})
    again = ClauseLibrary(root).get("villkor/prov@1")
    assert (again.meta, again.body, again.body_line) == (second.meta, second.body, second.body_line)


def test_a_clause_error_is_never_kept(tmp_path, monkeypatch):
    from drafter.errors import DrafterError

    _own_packs(monkeypatch, tmp_path)
    root = tmp_path / "clauses"
    (root / "villkor" / "prov").mkdir(parents=True)
    (root / "villkor" / "prov" / "v1.md").write_text("---\nheading: Prov\nversion: 2\nstatus: granskad\n"
                                                     "rationale: Ny.\n---\nText.\n", encoding="utf-8")
    for _ in range(2):  # the second time from the kept parse: the file's name is checked again
        with pytest.raises(DrafterError, match="anger version 2 men filen heter v1.md"):
            ClauseLibrary(root).get("villkor/prov@1")
        parse_cache.save()
        monkeypatch.setattr(parse_cache, "_PACKS", {})
    (root / "villkor" / "prov" / "v1.md").write_text("---\nheading: [\n---\nText.\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="inte giltig YAML"):
        ClauseLibrary(root).get("villkor/prov@1")
    assert len(_forms(tmp_path, "clause")) == 1  # the good front matter only


def test_the_markdown_tree_read_back_is_markdown_its(tmp_path, monkeypatch):
    from drafter.readers import markdown_tree

    _own_packs(monkeypatch, tmp_path)
    texts = [path.read_text(encoding="utf-8").split("---\n", 2)[2] for path in sorted((ROOT / "clauses").rglob("v*.md"))]
    texts.append("# Rubrik\n\n| a | b |\n|--:|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Not.\n\n3. tre\n4. fyra\n")

    def shape(node):
        return (node.type, node.tag, node.attrs, node.meta, node.map, node.content,
                [shape(c) for c in node.children])

    made = [shape(markdown_tree.syntax_tree(text)) for text in texts]
    assert len(_forms(tmp_path, "markdown")) == len(set(texts))
    monkeypatch.setattr(parse_cache, "_PACKS", {})
    read_back = [shape(markdown_tree.syntax_tree(text)) for text in texts]
    assert made == read_back == [shape(markdown_tree.Node(markdown_tree.parse(text))) for text in texts]


def test_a_pack_keeps_its_newest_forms_within_its_limit(tmp_path, monkeypatch):
    _own_packs(monkeypatch, tmp_path)
    monkeypatch.setitem(parse_cache.LIMITS, "prov", 5)
    def run(numbers):
        monkeypatch.setattr(parse_cache, "_PACKS", {})  # a process of its own
        for i in numbers:
            assert parse_cache.kept("prov", str(i).encode(), lambda i=i: i * i, lambda v: isinstance(v, int)) == i * i
        return sorted(_forms(tmp_path, "prov").values())

    assert run(range(8)) == [0, 1, 4, 9, 16]  # one process keeps no more than the pack holds
    assert run(range(3, 8)) == [9, 16, 25, 36, 49]  # the next one's new forms last, the oldest dropped


def test_the_pruned_folder_keeps_the_newest(tmp_path, monkeypatch):
    monkeypatch.setattr(parse_cache, "MAX_FILES", 10)
    for i in range(14):
        path = tmp_path / f"f{i:02}"
        path.write_text("x")
        os.utime(path, ns=(i * 10**9, i * 10**9))
    parse_cache._prune(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"f{i:02}" for i in range(7, 14)]
