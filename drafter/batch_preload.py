"""Imported last by the batch's fork server (drafter.batch.PRELOAD): what the server imported before is
moved out of the cyclic collector's sight (gc.freeze) before any worker is forked from it.

Every worker is a fork of the server and inherits its objects: the modules, classes, compiled regexes
and pydantic validators, which live as long as the worker and are never garbage. Frozen, an
older-generation collection in a worker does not walk them (and does not write to their pages, which
so stay shared with the server), as Python's documentation recommends before a fork (gc.freeze)."""

from __future__ import annotations

import gc

from drafter import parse_cache
from drafter.checks import all_checks

parse_cache.writes = False  # the workers read what earlier runs kept; a batch's own texts are not kept
all_checks()  # the check modules, loaded at first use elsewhere (drafter/checks/__init__.py)
gc.freeze()
