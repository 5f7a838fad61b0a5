"""Pages that are the same for every visitor, served from the ``pages`` cache with an ETag.

A cacheable page names everything its HTML depends on in ``key_parts`` (for an event page:
the event, its content version, the state of its registrations); the templates, static
assets and translations it uses are added here (a deployment changes the key). The body is
rendered once per key and process; a client holding the current ETag gets a 304.

What differs per visitor stays live: a request that has messages to show
(``django.contrib.messages``) is rendered for it alone, without ETag. Live figures (places
left) belong in ``key_parts``.

A page with a form (the bulletin) uses :func:`cached_form_page`: its body is cached with a
placeholder where the CSRF token was, and each visitor gets their own token in it; it has
no ETag (the token differs per visitor).
"""

import hashlib
import re

from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from .documents import layout_digest


def has_messages(request):
    """Whether this request carries messages to show (counting them consumes none)."""
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


# Where the CSRF token was in a cached form page (no template or input can produce it).
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def page_key(template_name, key_parts):
    source = ":".join(
        ["page", *map(str, key_parts), get_language() or "", layout_digest(template_name)]
    )
    return "page:" + hashlib.sha256(source.encode()).hexdigest()


def _rendered(render):
    response = render()
    if hasattr(response, "render"):
        response.render()
    return response


def cached_page(request, *, template_name, key_parts, render):
    """The page, from the cache or by ``render()`` (a response, rendered if lazy)."""
    if has_messages(request):
        response = render()
        patch_cache_control(response, private=True, no_cache=True)
        return response
    key = page_key(template_name, key_parts)
    etag = f'"{key[5:37]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        cache = caches["pages"]
        content = cache.get(key)
        if content is None:
            response = _rendered(render)
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


def cached_form_page(request, *, template_name, key_parts, render):
    """A page with a form, the same for every visitor but its CSRF token (and messages).

    ``key_parts`` must name everything the page shows: content version, places left, the
    member list... The token is put back for each visitor (``get_token`` also sets the
    CSRF cookie, as rendering ``{% csrf_token %}`` would).
    """
    if has_messages(request):
        return render()
    key = page_key(template_name, ["form", *key_parts])
    cache = caches["pages"]
    content = cache.get(key)
    if content is None:
        response = _rendered(render)
        tokens = set(CSRF_INPUT.findall(response.content))
        if response.status_code == 200 and len(tokens) == 1:
            cache.set(key, response.content.replace(tokens.pop(), CSRF_PLACEHOLDER))
        return response
    return HttpResponse(content.replace(CSRF_PLACEHOLDER, get_token(request).encode()))
