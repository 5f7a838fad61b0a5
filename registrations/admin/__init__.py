"""Victoria's back office in the Django admin.

``registrations`` (the list, the change page, history), ``members`` (member organisations,
import), ``actions`` (each calls a service), ``dashboard`` (per-event figures and staff
documents), ``resources`` (CSV/XLSX import and export), ``permissions`` (the staff group).
"""

from . import members, registrations

__all__ = ["members", "registrations"]
