"""Every link in README.md and docs/ leads somewhere: a file that exists, and an anchor (#…) that is a
heading of that file, slugged as GitHub does (lower case, punctuation dropped, spaces to hyphens)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT

FILES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def slug(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, flags=re.M)}


def links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`]*`", "", text)
    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_slug_is_githubs():
    assert slug("Fastställa och låsa en överenskommelse") == "fastställa-och-låsa-en-överenskommelse"
    assert slug("Är det här den överenskommelse vi undertecknade?") == "är-det-här-den-överenskommelse-vi-undertecknade"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_lead_somewhere(path):
    broken = []
    for link in links(path):
        if re.match(r"[a-z]+:", link):
            continue  # http:, mailto:
        target, _, anchor = link.partition("#")
        file = (path.parent / target).resolve() if target else path
        if target and path.parent.name == "_readme":  # README text to be spliced: its links are README's or docs/'s
            file = next((f for f in ((ROOT / target).resolve(), (ROOT / "docs" / target).resolve()) if f.exists()), file)
        if not file.exists():
            broken.append(link)
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(link)
    assert not broken, f"{path.name}: {broken}"
