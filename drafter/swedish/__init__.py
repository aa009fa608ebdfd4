"""Swedish conventions drafter needs without heavy dependencies: the calendar's helgdagar, and more."""
