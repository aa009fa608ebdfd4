"""Swedish language rules drafter applies: names, and (in sibling modules) numbers, dates and holidays."""
