"""`drafter serve`: the web page over a project (app.py), a thin client of the library (service.py)."""
