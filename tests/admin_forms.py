"""What a browser would post from an admin change form, read from the page's HTML.

``form_data(client, url)`` returns the form's fields with the values the page shows
(inlines included), so a test changes only what it is about and posts the rest as is.
"""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data = {}
        self._select = None
        self._select_first = None
        self._textarea = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name and "__prefix__" not in name:
            self._select, self._select_first = name, None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in attrs:
                self.data[self._select] = value
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            self.data.setdefault(self._select, self._select_first or "")
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = reader.data
    data.pop("csrfmiddlewaretoken", None)
    # Textareas start with a newline the browser drops.
    return {name: value[1:] if value.startswith("\n") else value for name, value in data.items()}
