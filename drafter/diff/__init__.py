"""Redlines: what changed between two clause versions or two documents, for legal reviewers.

words.py diffs token sequences (words, spaces, punctuation; characters inside one changed word);
blocks.py pairs model blocks and diffs their inlines; compare.py matches the sections of two
assembled documents; text_format.py and html_format.py print the result. The DOCX with native
tracked changes is written by drafter.writers.docx.redline.
"""
