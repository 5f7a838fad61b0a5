"""The address the site is really served at, for absolute links.

``SITE_URL`` when it is set in the environment (production, ``make run``); otherwise, for
a page rendered in answer to a request, the request's own address (a development server on
any port, a test server); otherwise the default ``SITE_URL`` (``http://127.0.0.1:$PORT``).
E-mails and cached documents have no request: they use ``SITE_URL``.
"""

from django.conf import settings


def site_url(request=None):
    if request is not None and not settings.SITE_URL_FROM_ENVIRONMENT:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL


def absolute_url(path, request=None):
    return site_url(request) + path
