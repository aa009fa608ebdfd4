"""`drafter serve`: the web page over the current project (agreements/, clauses/, output/)."""

from __future__ import annotations

import click

from drafter.cli import main


@main.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Porten att lyssna på.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adressen att lyssna på. Annat än 127.0.0.1 gör sidan nåbar för andra – den har ingen inloggning.")
def serve(port, host):
    """Starta webbgränssnittet på http://127.0.0.1:8000 för specarna i agreements/ och klausulerna i clauses/.

    Sidan visar översikten, formuläret för varje spec med kontroller och förhandsvisning medan du
    skriver, bygget med nedladdning, och klausulbiblioteket för jurister. Avsluta med Ctrl+C."""
    import uvicorn

    from drafter.web.app import create_app
    from drafter.web.security import allowed_hosts

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"varning: drafter serve lyssnar på {host}, inte bara på den här datorn. Sidan har ingen "
                   "inloggning: alla som når adressen kan läsa och ändra specarna.", err=True)
    app = create_app(".", allowed_hosts(host, port))
    from drafter.startup import modules_loaded, warm_up

    warm_up()  # the first check and preview in the page as quick as the next (drafter/startup.py)
    modules_loaded()  # a server runs long: its garbage collected as usual from here
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"drafter serve: öppna http://{shown}:{port} (Ctrl+C avslutar)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
