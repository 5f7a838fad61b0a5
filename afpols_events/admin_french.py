"""The admin in proper French, for every model admin of the project.

Django builds its page titles by pasting the model's name into a sentence ("Modification
de %s" gives "Modification de inscription"); French needs the article ("de
l'inscription", "du tarif"). :class:`FrenchAdminMixin` gives each page its title from
three phrases the model admin declares. Django's yes/no icons say "True"/"False" to screen
readers: :func:`yes_no_icon` says "Oui"/"Non".
"""

from django.contrib import admin
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def yes_no_icon(value):
    """Django's yes/no/unknown icon, with a French text alternative."""
    icon, text = {
        True: ("yes", _("Oui")),
        False: ("no", _("Non")),
        None: ("unknown", _("Inconnu")),
    }[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


def yes_no_display(field_name, description):
    """A list or read-only column showing the boolean ``field_name`` as a French icon."""

    @admin.display(description=description, ordering=field_name)
    def display(self, obj):
        return yes_no_icon(getattr(obj, field_name))

    display.__name__ = f"{field_name}_display"
    return display


class FrenchAdminMixin:
    """Page titles with the French article: set the three phrases on the model admin.

    ``of_the``: "de l'inscription", "du tarif"; ``of_a``: "d'une inscription", "d'un
    tarif"; ``a``: "une inscription", "un tarif".
    """

    of_the = None
    of_a = None
    a = None

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": capfirst(self.model._meta.verbose_name_plural),
            "add_label": gettext("Ajouter %(a)s") % {"a": self.a},
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            title = gettext("Ajout %(of_a)s") % {"of_a": self.of_a}
        elif self.has_change_permission(request):
            title = gettext("Modification %(of_the)s") % {"of_the": self.of_the}
        else:
            title = gettext("Consultation %(of_the)s") % {"of_the": self.of_the}
        extra_context = {"title": title, **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {
            "title": gettext("Historique %(of_the)s") % {"of_the": self.of_the},
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        extra_context = {
            "title": gettext("Suppression %(of_the)s") % {"of_the": self.of_the},
            **(extra_context or {}),
        }
        return super().delete_view(request, object_id, extra_context)
