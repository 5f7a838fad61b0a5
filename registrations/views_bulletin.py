"""The pages that lead to a registration: the bulletin d'inscription (cached for every
visitor but its CSRF token, docs/performance.md) and "Déjà inscrit ?", which sends the
private link again.

Views stay thin: forms validate what was typed, services apply the rules. The session keys
(``session_keys.py``) set here are read by the private page's views (``registrations.views``).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView

from afpols_events.pages import cached_form_page
from afpols_events.ratelimit import rate_limited
from programme.models import Event
from programme.selectors import complete_event, published_event_stamp

from . import selectors, services
from .forms import PrivateLinkForm, RegistrationForm
from .selectors import places_left
from .session_keys import SESSION_COLLEAGUE, SESSION_EMAIL, SESSION_TOKENS

# The organisation's fields that "Inscrire un(e) collègue" carries to the next bulletin.
COLLEAGUE_FIELDS = ("organisation_name", "member_number", "address", "contact_person")


def closed_response(request, event, *, status=200):
    return render(request, "registrations/closed.html", {"event": event}, status=status)


class InvalidFormStatusMixin:
    """An invalid form comes back with its French errors, what was typed, and a 4xx status.

    400 for input that does not validate; views set 409 when valid input conflicts with
    the event's state (membership not verified, no place left).
    """

    invalid_status = 400

    def form_invalid(self, form, *, status=None):
        return self.render_to_response(
            self.get_context_data(form=form), status=status or self.invalid_status
        )


@method_decorator(rate_limited("bulletin"), name="dispatch")
class RegisterView(InvalidFormStatusMixin, FormView):
    form_class = RegistrationForm
    template_name = "registrations/register.html"

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            # A cached bulletin needs only the event's stamp; the rest of the row is read
            # when the page is rendered (complete_event).
            self.event = published_event_stamp(kwargs["slug"])
            if self.event is None:
                raise Http404
        else:
            self.event = get_object_or_404(Event.objects.published(), slug=kwargs["slug"])
        if not self.event.registration_is_open():
            return closed_response(
                request,
                complete_event(self.event),
                status=403 if request.method != "GET" else 200,
            )
        self.places = places_left(self.event)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        """The unfilled bulletin is the same for every visitor but its CSRF token: cached
        by what it shows (content version, places left, member list, today's date)."""
        if self.get_initial():  # a colleague's organisation carried over: this visitor's
            complete_event(self.event)
            return super().get(request, *args, **kwargs)
        places = self.places
        key_parts = [
            self.event.pk,
            self.event.content_version,
            self.event.registration_closes_at,
            places.seats,
            sorted(places.tariffs.items()),
            sorted(places.workshops.items()),
            selectors.member_list_stamp(),
            timezone.localdate(),
        ]
        return cached_form_page(
            request,
            template_name=self.template_name,
            key_parts=key_parts,
            render=lambda: self.render_complete(request, *args, **kwargs),
        )

    def render_complete(self, request, *args, **kwargs):
        complete_event(self.event)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event, "places": self.places}

    def get_initial(self):
        prefill = self.request.session.get(SESSION_COLLEAGUE) or {}
        if self.request.method == "GET" and prefill.get("event") == self.event.slug:
            return {name: prefill.get(name, "") for name in COLLEAGUE_FIELDS}
        return super().get_initial()

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, places=self.places, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                event=self.event,
                bulletin=form.bulletin(),
                allow_pending_membership=data.get("submit_pending", False),
                join_waiting_list=data.get("join_waiting_list", False),
            )
        except services.RegistrationClosed:
            return closed_response(self.request, self.event, status=403)
        except services.AlreadyRegistered:
            return self.already_registered(form, data)
        except services.MembershipNotVerified as error:
            form.refuse_membership(error.check)
            return self.form_invalid(form, status=409)
        except services.CapacityError as error:
            form.refuse_capacity(error)
            return self.form_invalid(form, status=409)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        tokens = self.request.session.get(SESSION_TOKENS, [])
        self.request.session[SESSION_TOKENS] = [*tokens, registration.token][-10:]
        self.request.session.pop(SESSION_COLLEAGUE, None)
        return redirect(registration)

    def already_registered(self, form, data):
        """A double submit from this browser lands on its registration; from elsewhere the
        refusal looks like any other (409, the form as typed): the link goes by e-mail."""
        tokens = self.request.session.get(SESSION_TOKENS, [])
        mine = (
            selectors.active_registrations_of_person(
                self.event,
                email=data["email"],
                last_name=data["last_name"],
                first_name=data["first_name"],
            )
            .filter(token__in=tokens)
            .first()
        )
        if mine is not None:
            messages.info(self.request, _("Votre inscription est déjà enregistrée."))
            return redirect(mine)
        services.send_private_link(event=self.event, email=data["email"])
        form.refuse_email()
        return self.form_invalid(form, status=409)


@method_decorator(rate_limited("private_link"), name="dispatch")
class PrivateLinkView(InvalidFormStatusMixin, FormView):
    """ "Already registered": send the private link again, revealing nothing on screen."""

    form_class = PrivateLinkForm
    template_name = "registrations/resend_link.html"

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(Event.objects.published(), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"email": self.request.session.get(SESSION_EMAIL, "")}

    def get_context_data(self, **kwargs):
        already = self.request.method == "GET" and bool(self.request.session.get(SESSION_EMAIL))
        return super().get_context_data(event=self.event, already_registered=already, **kwargs)

    def form_valid(self, form):
        services.send_private_link(event=self.event, email=form.cleaned_data["email"])
        self.request.session.pop(SESSION_EMAIL, None)
        messages.success(
            self.request,
            _(
                "Si une inscription à cette rencontre correspond à cette adresse, un e-mail avec "
                "le lien de chaque inscription faite avec cette adresse vient d'y être envoyé."
            ),
        )
        return redirect("registrations:resend_link", slug=self.event.slug)
