"""Pages that are the same for every visitor, served from the ``pages`` cache with an ETag.

A cacheable page names everything its HTML depends on in ``key_parts`` (for an event page:
the event, its content version, the state of its registrations); the templates, static
assets and translations it uses are added here (a deployment changes the key). The body is
rendered once per key and process; a client holding the current ETag gets a 304.

What differs per visitor stays live: a request that has messages to show
(``django.contrib.messages``) is rendered for it alone, without ETag. Pages with a form
(CSRF token) or live figures must not use this.
"""

import hashlib

from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from .documents import layout_digest


def has_messages(request):
    """Whether this request carries messages to show (counting them consumes none)."""
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def cached_page(request, *, template_name, key_parts, render):
    """The page, from the cache or by ``render()`` (a response, rendered if lazy)."""
    if has_messages(request):
        response = render()
        patch_cache_control(response, private=True, no_cache=True)
        return response
    source = ":".join(
        ["page", *map(str, key_parts), get_language() or "", layout_digest(template_name)]
    )
    key = "page:" + hashlib.sha256(source.encode()).hexdigest()
    etag = f'"{key[5:37]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        cache = caches["pages"]
        content = cache.get(key)
        if content is None:
            response = render()
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                return response
            cache.set(key, response.content)
        else:
            response = HttpResponse(content)
    response["ETag"] = etag
    # Browsers keep the page and ask before reusing it (a 304 costs one query); the
    # messages cookie changes what is shown.
    patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
