"""The values a browser would post for the editor form of a page (inputs, selects, textareas)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.values = form_id, False, {}
        self._select = self._textarea = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = self.form_id in (a.get("id"), a.get("class"))
        if not self.inside:
            return
        if tag == "input" and a.get("type") == "checkbox":
            if a.get("name") and "checked" in a:  # a browser posts a checkbox only when it is checked
                self.values[a["name"]] = a.get("value", "on")
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            self.values[a["name"]] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            self._select, self._first_option = a["name"], None
        elif tag == "option" and self._select:
            value = a.get("value")
            self._option_value = value
            if "selected" in a:
                self.values[self._select] = value
            self._pending = "selected" in a
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.values[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data
        elif self._select and getattr(self, "_pending", False) and self._option_value is None:
            self.values[self._select] = self.values.get(self._select) or ""
            self.values[self._select] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            if self._select and self._select not in self.values:
                self.values[self._select] = ""
            self._select = None
        elif tag == "option":
            self._pending = False
        elif tag == "form":
            self.inside = False


def form_values(html: str, form_id: str = "editor") -> dict[str, str]:
    parser = _Form(form_id)
    parser.feed(html)
    return parser.values
