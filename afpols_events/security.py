"""HTTP hardening shared by every page: headers, refused raw input, private pages.

- :class:`SecurityHeadersMiddleware` adds a ``Permissions-Policy`` (the site uses no
  camera, microphone, location, payment...) to every response, and answers 400 to a
  URL, query string or form data holding a NUL byte (PostgreSQL refuses NUL in text: a
  NUL in a token, an admin search or a login reached it and gave a 500).
- :func:`private_page` marks a view whose URL holds a private token: its responses are
  never stored by a cache, never indexed, and never sent as a referrer.
"""

from functools import wraps

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


def _holds_nul(request):
    if "\x00" in request.path:
        return True
    queries = [request.GET]
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        queries.append(request.POST)
    return any(
        "\x00" in key or "\x00" in value
        for query in queries
        for key, values in query.lists()
        for value in values
        if isinstance(value, str)
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request):
            response = render(request, "400.html", status=400)
        else:
            response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; the admin also allows inline styles (``CSP_ADMIN_STYLE_SRC``)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/admin/"):
            parts.replace = {**(parts.replace or {}), "style-src": settings.CSP_ADMIN_STYLE_SRC}
        return parts


PRIVATE_REFERRER_POLICY = "strict-origin"


def mark_private(response):
    """Headers of a response that shows or carries a private token's content."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    response["X-Robots-Tag"] = "noindex"
    # Only the origin, never the path (it holds the token), goes out as Referer. Not
    # "no-referrer": with it browsers send "Origin: null" on the page's own form POSTs
    # (cancel, workshop, offer, signed convention), which Django's CSRF check refuses.
    response["Referrer-Policy"] = PRIVATE_REFERRER_POLICY
    return response


def private_page(view):
    """Decorate a view reached through a private token (see :func:`mark_private`)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return mark_private(view(request, *args, **kwargs))

    return wrapped
