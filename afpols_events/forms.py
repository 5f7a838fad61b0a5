"""The boundary of every form, public or admin: control characters never get in.

Every public form inherits :class:`CleanTextMixin`; every admin (and inline) of the
project sets ``form`` to a :class:`CleanModelForm` or a subclass (a test checks it). The
mixin cleans the submitted data before any field sees it: one place, whatever the field
type, and what was typed is otherwise kept (a form that comes back with errors shows it
without the control characters).
"""

from django import forms
from django.http import QueryDict

from .cleaning import clean_text


class CleanTextMixin:
    """Submitted text loses its control characters; ``Textarea`` fields keep line breaks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = self._cleaned_data_dict(self.data)

    def _multiline_names(self):
        return {
            self.add_prefix(name)
            for name, field in self.fields.items()
            if isinstance(field.widget, forms.Textarea)
        }

    def _cleaned_data_dict(self, data):
        multiline = self._multiline_names()
        if isinstance(data, QueryDict):
            cleaned = QueryDict(mutable=True, encoding=data.encoding)
            for key, values in data.lists():
                cleaned.setlist(
                    clean_text(key),
                    [clean_text(value, multiline=key in multiline) for value in values],
                )
            cleaned._mutable = False
            return cleaned
        return {
            clean_text(key): (
                [clean_text(item, multiline=key in multiline) for item in value]
                if isinstance(value, list | tuple)
                else clean_text(value, multiline=key in multiline)
            )
            for key, value in data.items()
        }


class CleanForm(CleanTextMixin, forms.Form):
    pass


class CleanModelForm(CleanTextMixin, forms.ModelForm):
    pass


class CleanTextAdminMixin:
    """For a ``ModelAdmin`` or an inline: its forms are :class:`CleanModelForm`."""

    form = CleanModelForm
