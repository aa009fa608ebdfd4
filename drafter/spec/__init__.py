"""The spec: one partnership's YAML file, read with positions (yaml_reader), validated (model), loaded
(load), its placeholders found (placeholders); `refs` is the one grammar of clause references.

Kept light: importing drafter.spec.refs must not load pydantic (drafter/incremental.py uses it).
"""
