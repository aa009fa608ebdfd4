"""`drafter serve`: Swedish help, 127.0.0.1 by default, a warning when it listens wider."""

from __future__ import annotations

from click.testing import CliRunner

from drafter.cli import main


def run(monkeypatch, *args):
    started = {}
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(kw, app=app))
    result = CliRunner().invoke(main, ["serve", *args])
    return result, started


def test_help_is_swedish():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "Starta webbgränssnittet" in result.output and "--port" in result.output


def test_listens_on_localhost_by_default_without_warning(monkeypatch):
    result, started = run(monkeypatch)
    assert result.exit_code == 0, result.output
    assert started["host"] == "127.0.0.1" and started["port"] == 8000
    assert "http://127.0.0.1:8000" in result.output and "varning" not in result.output


def test_another_host_warns_that_there_is_no_login(monkeypatch):
    result, started = run(monkeypatch, "--host", "0.0.0.0", "--port", "8080")
    assert started["host"] == "0.0.0.0" and started["port"] == 8080
    assert "ingen inloggning" in result.output


def test_a_bad_port_is_refused_in_the_usual_way():
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 2
