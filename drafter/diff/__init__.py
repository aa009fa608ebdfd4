"""Redlines: what changed between two clause versions or two documents, for legal reviewers.

Pure: diffs over model nodes and texts, no files, no specs, no command line. words.py diffs
token sequences (whole words, amounts, dates; characters inside one changed word); blocks.py
pairs model blocks and diffs their inlines; sections.py matches the sections of two documents;
redline.py makes one model document with tracked changes (drafter.model.changes), which the one
DOCX writer renders; text_format.py and html_format.py print reports. What the commands load is
in drafter.comparison.
"""
