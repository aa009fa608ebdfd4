"""Swedish language rules drafter applies, one home each: names (`names`), writing amounts and dates
(`format`) and reading them back from prose (`parse`). "1 000 000 kr" with no-break spaces;
"1 juli 2026" in prose; 2026-07-01 in data."""
