"""Rate limits per client on the forms a robot would hammer, with a French 429 page.

``rate_limited("bulletin")`` decorates a view (or ``method_decorator`` a class-based
view's ``dispatch``); the rate of each group is in ``settings.RATE_LIMITS`` (e.g.
``"10/m"``), counted per client address (:func:`client_ip`) by django-ratelimit in the
``default`` cache, which several app servers must share. Only the methods given are
counted (POST by default): reading a page is never limited.

Groups: ``bulletin`` and ``private_link`` ("Déjà inscrit ?") in ``registrations.views_bulletin``;
``check_in`` on the staff check-in pages (``registrations.views_checkin``: the scan, a GET
that writes, and the roll's POST).
"""

import ipaddress
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited


def _valid_address(text):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's address: the connection's, or, behind ``settings.TRUSTED_PROXY_COUNT``
    proxies, the one the outermost of them appended to ``X-Forwarded-For`` (what a client
    writes there itself is further left, so never believed). Used by the rate limits and
    by django-axes."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= proxies:
            address = _valid_address(forwarded[-proxies])
            if address:
                return address
    return _valid_address(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"


def too_many_requests(request):
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


def rate_limited(group, *, methods=("POST",), key="ip"):
    """Answer 429 once a client went over ``settings.RATE_LIMITS[group]``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            limited = request.method in methods and is_ratelimited(
                request,
                group=f"afpols:{group}",
                key=key,
                rate=settings.RATE_LIMITS[group],
                method=list(methods),
                increment=True,
            )
            if limited:
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
