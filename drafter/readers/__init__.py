"""Readers: each turns one input format into model nodes."""
