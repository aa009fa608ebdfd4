"""A clause text is compiled once and kept compiled between runs (Jinja's bytecode cache, by the text's
sha256); a text with no Jinja in it is not compiled at all. Neither may change a rendered character
or the line an error names."""

import pytest
from jinja2.sandbox import SandboxedEnvironment

from drafter.clauses import render
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.render import render_clause, render_heading
from drafter.errors import DrafterError
from clauses.test_library import write_version
from helpers import CLAUSES

TRICKY = ["Text.\n", "Utan radslut", "50 % { och } } {\n", "Slut med två radslut\n\n", "# rubrik #}\n",
          "  indrag\n\tflik\n", "Ett {{ uttryck }}\n"]


def _library_texts():
    library = ClauseLibrary(CLAUSES)
    for cid in library.ids():
        for version in library.versions(cid):
            yield version.body
            yield version.meta.heading


@pytest.mark.parametrize("env", [render._MARKDOWN_ENV, render._PLAIN_ENV], ids=["markdown", "plain"])
def test_a_text_without_jinja_is_what_jinja_would_print(env):
    plain = [t for t in [*_library_texts(), *TRICKY] if isinstance(render._compiled(env, t), str)]
    assert len(plain) > 80  # most headings and a fifth of the bodies
    fresh = SandboxedEnvironment(**{k: getattr(env, k) for k in ("trim_blocks", "lstrip_blocks",
                                                                 "keep_trailing_newline", "finalize")})
    for text in plain:
        assert fresh.from_string(text).render() == text
    assert not isinstance(render._compiled(env, "Ett {{ uttryck }}\n"), str)


def test_compiled_texts_are_cached_between_runs_and_read_back_alike(tmp_path, monkeypatch):
    (tmp_path / "cache").mkdir()
    cache = render._Bytecode(str(tmp_path / "cache"), "drafter-%s.cache")
    body = "Rad ett för {{ partner.name }}.\n\nRad tre {{ partner.namn }}.\n"
    write_version(tmp_path / "lib", "t/x", 1, "fastställd", body)
    clause = ClauseLibrary(tmp_path / "lib").get("t/x")
    outcomes = []
    for run in range(2):  # the first run compiles and writes the cache, the second reads it
        env = render._environment(escape=True)
        env.bytecode_cache = cache
        if run:
            monkeypatch.setattr(env, "compile", lambda *a, **k: pytest.fail("compiled again"), raising=False)
        monkeypatch.setattr(render, "_MARKDOWN_ENV", env)
        render._compiled.cache_clear()
        good = render_clause(clause, {"partner": {"name": "Ös & Co", "namn": "X"}})
        with pytest.raises(DrafterError) as caught:
            render_clause(clause, {"partner": {"name": "Y"}})
        outcomes.append((good, caught.value.message, caught.value.where.line))
        assert len(list((tmp_path / "cache").iterdir())) == 1
    render._compiled.cache_clear()
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == "Rad ett för Ös \\& Co.\n\nRad tre X.\n"
    lines = (tmp_path / "lib" / "t/x/v1.md").read_text(encoding="utf-8").splitlines()
    assert "partner.namn" in lines[outcomes[1][2] - 1]  # the line, read back from the cache too


def test_a_damaged_cache_file_is_compiled_anew(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    cache = render._Bytecode(str(folder), "drafter-%s.cache")
    env = render._environment(escape=False)
    env.bytecode_cache = cache
    assert env.get_template(env.loader.name("A {{ x }}")).render(x=1) == "A 1"
    for path in folder.iterdir():
        path.write_bytes(path.read_bytes()[:20])  # cut off inside the marshalled code
    again = render._environment(escape=False)
    again.bytecode_cache = cache
    assert again.get_template(again.loader.name("A {{ x }}")).render(x=2) == "A 2"


def test_headings_render_as_before():
    clause = ClauseLibrary(CLAUSES).get("villkor/aterkrav")
    assert render_heading(clause, {}) == clause.meta.heading
