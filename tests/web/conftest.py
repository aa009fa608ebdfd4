"""A throw-away project (agreements/, clauses/ as in the repository, in git) and a test client over it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.spec import yaml_write as yw

REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-token"
# An official's own section with an amount typed in its text (the budget's sum, 1 000 000 kr).
OWN_TEXT = "Socialförvaltningen betalar 1 000 000 kr för perioden enligt budgeten nedan."


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


def make_project(root: Path, with_text: bool = True) -> Path:
    shutil.copytree(REPO / "clauses", root / "clauses")
    (root / "agreements").mkdir()
    for spec in (REPO / "agreements").glob("*.yaml"):
        shutil.copy(spec, root / "agreements" / spec.name)
    if with_text:
        path = root / "agreements" / "street-minds-2026.yaml"
        data = yw.load_rt(path.read_text(encoding="utf-8"))
        data["outline"][4]["sections"].insert(2, yw.new_map({"key": "ersattning-text", "heading": "Ersättningens storlek"}))
        yw.set_value(data, ("texts", "ersattning-text"), OWN_TEXT, ["budget", "figures", "texts", "outline"])
        path.write_text(yw.dump_rt(data), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    return root


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "projekt")


@pytest.fixture
def client(project):
    from starlette.testclient import TestClient

    from drafter.web.app import create_app

    with TestClient(create_app(project, {"testserver"}, token=TOKEN), raise_server_exceptions=False) as c:
        yield c
