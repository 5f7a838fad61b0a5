"""Export formats that open cleanly in French Excel and in LibreOffice.

- XLSX: one sheet named after what it holds, real dates and amounts (dates as
  DD/MM/YYYY HH:MM, amounts in a € number format), a bold frozen header row with filters,
  columns as wide as their content (within bounds).
- CSV: what French Excel writes and reads: ``;`` between columns, the decimal comma, dates
  as 14/11/2012 09:30, and a byte order mark (``to_encoding = "utf-8-sig"`` on the admins).

The resources give typed values to binary formats (import-export's ``force_native_type``:
``Decimal``, naive local ``datetime``) and French text to CSV.
"""

import datetime as dt
import io
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from import_export.formats import base_formats

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
EURO_FORMAT = '#,##0.00\\ "€"'
MIN_WIDTH, MAX_WIDTH = 8, 50
# Excel refuses these in a sheet name, and names longer than 31 characters.
SHEET_NAME_FORBIDDEN = set("[]:*?/\\")


def sheet_name(title):
    name = "".join(c for c in str(title or "") if c not in SHEET_NAME_FORBIDDEN).strip()
    return name[:31] or "Export"


def shown_width(value):
    """How many characters a cell shows (its longest line)."""
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, Decimal):
        return len(f"{value:,.2f} €")
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


class FrenchCSV(base_formats.CSV):
    """CSV as French Excel writes it: ``;`` between columns (amounts carry a decimal comma)."""

    def get_title(self):
        return _("CSV (Excel en français : « ; » et virgule décimale)")

    def export_data(self, dataset, **kwargs):
        kwargs.setdefault("delimiter", ";")
        return dataset.export("csv", **kwargs)


class FrenchXLSX(base_formats.XLSX):
    """A workbook built with openpyxl: typed cells, number formats, frozen filtered header."""

    def get_title(self):
        return _("XLSX (Excel, LibreOffice)")

    def export_data(self, dataset, **kwargs):
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = sheet_name(dataset.title)
        headers = [str(header) for header in dataset.headers or []]
        sheet.append(headers)
        widths = [len(header) for header in headers]
        for row in dataset:
            values = []
            for index, value in enumerate(row):
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
                values.append(value)
                widths[index] = max(widths[index], shown_width(value))
            sheet.append(values)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(cell.value, dt.date):
                    cell.number_format = DATE_FORMAT
                elif isinstance(cell.value, Decimal | float):
                    cell.number_format = EURO_FORMAT
        for index, width in enumerate(widths, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


class TypedExportMixin:
    """For a ModelAdmin with import-export: binary formats (our XLSX) get typed values.

    import-export recognises only its own classes as binary (``BINARY_FORMATS``); this is its
    ``get_export_data`` asking the format itself instead.
    """

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(
            request, queryset, force_native_type=file_format.is_binary(), **kwargs
        )
        export_data = file_format.export_data(data)
        encoding = kwargs.get("encoding")
        if not file_format.is_binary() and encoding:
            export_data = export_data.encode(encoding)
        return export_data
