"""Victoria's back office in the Django admin.

``registrations`` (the list, the change page, history), ``members`` (member organisations,
import), ``billing`` (invoices, payments), ``journal`` (the accountant's exports),
``identity`` (AFPOLS's legal identity), ``billing_forms``,
``actions`` (each calls a service), ``dashboard`` (per-event figures and staff
documents), ``offers`` (offers of freed places, read-only), ``resources`` (CSV/XLSX
import and export), ``permissions`` (the staff group).
"""

from . import billing, identity, members, offers, registrations, survey, training

__all__ = ["billing", "identity", "members", "offers", "registrations", "survey", "training"]
