"""Downloads of an event's programme: printed agenda (PDF), iCalendar and JSON.

Every export follows one contract (:class:`~programme.exports.base.Exporter`): an
identifier, a file extension, a content type, the bytes, and an ETag derived from the
event's content version, so a client that already has the current file gets a 304.
"""
