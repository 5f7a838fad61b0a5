"""openpyxl loaded only when a spreadsheet is read or written, never by a web worker that
serves pages.

django-import-export probes every tablib format when its ``formats`` module is imported,
which the admin does at start-up: tablib then imports its XLSX module, hence openpyxl
(0.4 s and about 8 MiB per process). Here the XLSX entry of tablib's registry is replaced,
before that probe, by a stand-in that knows the format's name and extensions and loads the
real class on first use (export, import, detection). Imported by ``registrations.apps``,
which Django imports before any app is ready (the admin's autodiscovery comes then).
``tests/test_web_worker_imports.py`` checks the effect, ``tests/backoffice/test_exports.py``
and ``test_member_import.py`` that XLSX still works.
"""

from tablib.formats import load_format_class, registry


class LazyFormat:
    """A tablib format whose module is imported on the first use of anything but its name."""

    def __init__(self, dotted_path, title, extensions):
        self.dotted_path = dotted_path
        self.title = title
        self.extensions = extensions

    def __getattr__(self, name):
        return getattr(load_format_class(self.dotted_path), name)


def install():
    path = registry._formats.get("xlsx")
    if isinstance(path, str):  # openpyxl is installed and the class not loaded yet
        registry._formats["xlsx"] = LazyFormat(path, "xlsx", ("xlsx",))


install()
