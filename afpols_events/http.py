"""Downloads: one way to answer with a file, its name, its ETag, and 304 when unchanged.

``Content-Disposition`` is built here only (:func:`file_response`), with Django's
``content_disposition_header`` (non-ASCII names included); ``If-None-Match`` is answered
by Django's ``get_conditional_response``.
"""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header


def file_response(content, *, filename, content_type, as_attachment=True):
    """A response holding the file ``content`` named ``filename``.

    ``as_attachment=False`` lets the browser show it (a PDF in a tab) instead of saving it.
    """
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


def download_response(
    request, *, content, etag, filename, content_type, as_attachment=True, private=False
):
    """The file, or 304 Not Modified when ``If-None-Match`` already names ``etag``.

    ``content`` is the bytes, or a callable returning them, called only when the client
    does not hold this version. Clients keep the file but ask before reusing it.
    """
    response = get_conditional_response(request, etag=etag)
    if response is None:
        body = content() if callable(content) else content
        response = file_response(
            body, filename=filename, content_type=content_type, as_attachment=as_attachment
        )
    response["ETag"] = etag
    patch_cache_control(
        response, no_cache=True, **({"private": True} if private else {"public": True})
    )
    return response
