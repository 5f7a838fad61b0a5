"""Actions on one registration, from its own admin page.

Each :class:`ObjectAction` calls a service, the same one as the list's action, so the
rules and their French refusals are the same wherever Victoria clicks. The page shows
the actions that fit the registration's state; a refusal (a ``ValidationError`` from the
service) comes back as an error message that says what to do instead.

To add one, append an ``ObjectAction`` to ``REGISTRATION_OBJECT_ACTIONS`` (``actions.py``):
a name (used in the URL), a French label, the service, the success message and, when the
action needs more input or a confirmation, a form class (a file upload too) or a question.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _g


def _always(obj):
    return True


@dataclass(frozen=True)
class ObjectAction:
    name: str
    label: Any
    service: Callable  # called as service(registration=obj, **form.cleaned_data)
    done: Any  # success message; may use %(registration)s
    fits: Callable = _always  # offered on the page when fits(obj) is true
    form_class: Any = None  # a form asked first (a period, a choice)
    confirm: Any = ""  # a question asked first (cancelling)
    style: str = ""  # "danger" for destructive actions
    permission: str = "change"
    form_initial: Callable = field(default=lambda obj: {})
    by_user: bool = False  # the service is also told who acted (``by=request.user``)

    @property
    def asks_first(self):
        return bool(self.form_class or self.confirm)


class ObjectActionsMixin:
    """Adds ``<pk>/action/<name>/`` to a ModelAdmin and the fitting buttons to its page."""

    object_actions = ()
    object_action_template = "admin/registrations/registration/object_action.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/action/<slug:name>/",
                self.admin_site.admin_view(self.object_action_view),
                name="{}_{}_object_action".format(*info),
            ),
            *super().get_urls(),
        ]

    def _allowed(self, request, action, obj):
        checker = getattr(self, f"has_{action.permission}_permission")
        return checker(request, obj)

    def offered_object_actions(self, request, obj):
        info = self.opts.app_label, self.opts.model_name
        return [
            {
                "action": action,
                "url": reverse(
                    "admin:{}_{}_object_action".format(*info),
                    kwargs={"object_id": obj.pk, "name": action.name},
                    current_app=self.admin_site.name,
                ),
            }
            for action in self.object_actions
            if action.fits(obj) and self._allowed(request, action, obj)
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None:
            extra_context["object_actions"] = self.offered_object_actions(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def object_action_view(self, request, object_id, name):
        obj = self.get_object(request, object_id)
        action = next((a for a in self.object_actions if a.name == name), None)
        if obj is None or action is None:
            raise Http404(_g("Action ou inscription introuvable."))
        if not self._allowed(request, action, obj):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )
        form = None
        if action.form_class is not None:
            form = action.form_class(
                request.POST if request.method == "POST" else None,
                request.FILES if request.method == "POST" else None,
                initial=action.form_initial(obj),
                obj=obj,
            )
        if request.method != "POST" or (form is not None and not form.is_valid()):
            if not action.asks_first and request.method != "POST":
                return redirect(change_url)
            context = {
                **self.admin_site.each_context(request),
                "title": action.label,
                "opts": self.opts,
                "original": obj,
                "action": action,
                "form": form,
                "change_url": change_url,
                "media": self.media + form.media if form is not None else self.media,
            }
            status = 400 if request.method == "POST" else 200
            return TemplateResponse(request, self.object_action_template, context, status=status)
        arguments = dict(form.cleaned_data) if form is not None else {}
        if action.by_user:
            arguments["by"] = request.user
        try:
            action.service(registration=obj, **arguments)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request, str(action.done) % {"registration": str(obj)}, messages.SUCCESS
            )
        return redirect(change_url)
