"""A tiny browser for tests against real servers: cookies shared by host, no redirects
followed, CSRF token from the cookie, hidden inputs of a form read from the page."""

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Browser:
    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect
        )

    def _open(self, request):
        try:
            with self._opener.open(request, timeout=60) as response:
                return Response(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read())

    def get(self, url):
        return self._open(urllib.request.Request(url))

    def post(self, url, fields, files=None):
        fields = {**fields, "csrfmiddlewaretoken": self.csrf_token()}
        if files:
            body, content_type = _multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields, doseq=True).encode()
            content_type = "application/x-www-form-urlencoded"
        request = urllib.request.Request(
            url, data=body, headers={"Content-Type": content_type, "Referer": url}
        )
        return self._open(request)

    def csrf_token(self):
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")


def _multipart(fields, files):
    boundary = "----afpols-test-boundary"
    lines = []
    for name, value in fields.items():
        lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", value]
    parts = "\r\n".join(lines).encode() + b"\r\n"
    for name, (filename, content) in files.items():
        parts += (
            (
                f"--{boundary}\r\n"
                f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    parts += f"--{boundary}--\r\n".encode()
    return parts, f"multipart/form-data; boundary={boundary}"


class _FormInputs(HTMLParser):
    def __init__(self, action_part):
        super().__init__()
        self.action_part = action_part
        self.inside = False
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.action_part in (attrs.get("action") or "")
        elif tag == "input" and self.inside and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_inputs(page, action_part):
    """The named inputs of the form whose action contains ``action_part``."""
    parser = _FormInputs(action_part)
    parser.feed(page)
    return parser.values
