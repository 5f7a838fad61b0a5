"""Victoria's back office in the Django admin.

``registrations`` (the list, the change page, history), ``members`` (member organisations,
import), ``billing`` (invoices, payments, AFPOLS's identity, the accountant's journal),
``actions`` (each calls a service), ``dashboard`` (per-event figures and staff
documents), ``offers`` (offers of freed places, read-only), ``resources`` (CSV/XLSX
import and export), ``permissions`` (the staff group).
"""

from . import billing, members, offers, registrations

__all__ = ["billing", "members", "offers", "registrations"]
