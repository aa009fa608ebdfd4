"""drafter serve is a long-lived process: a preview that compiled something new hands its memory back
(drafter.worker_memory.release), and the pages drawn after Typst's cache was emptied are the same."""

from __future__ import annotations

from drafter import worker_memory
from drafter.web import service

SPEC = "street-minds-2026"


def test_a_new_preview_releases_memory_and_a_cached_one_does_not(project, monkeypatch):
    released = []
    monkeypatch.setattr(worker_memory, "release", lambda: released.append(1))
    site = service.Project(project)
    text = (project / "agreements" / f"{SPEC}.yaml").read_text(encoding="utf-8")
    result = service.inspect_text(site, SPEC, text.replace("Street Minds", "Förening Förhandsvisning"))
    assert not result.errors
    key = service.preview_documents(result)[0][0]
    digest, pages, _ = service.preview(result, key)
    assert pages >= 2 and released == [1]
    assert service.preview(result, key)[0] == digest and released == [1]  # the pages kept: nothing compiled


def test_the_pages_are_the_same_after_typsts_cache_was_emptied(project):
    site = service.Project(project)
    text = (project / "agreements" / f"{SPEC}.yaml").read_text(encoding="utf-8")
    result = service.inspect_text(site, SPEC, text.replace("Street Minds", "Förening Tömd Cache"))
    key = service.preview_documents(result)[1][0]
    digest, count, _ = service.preview(result, key)
    before = [service.preview_page(digest, n) for n in range(count)]
    worker_memory.evict_typst_cache()
    with service._previews_lock:
        service._previews.pop(digest)
    assert service.preview(result, key)[:2] == (digest, count)
    after = [service.preview_page(digest, n) for n in range(count)]
    assert after == before
