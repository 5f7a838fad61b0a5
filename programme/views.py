"""Public pages of the programme: thin views over :mod:`programme.selectors`."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from afpols_events.pages import cached_page

from . import selectors


class EventListView(TemplateView):
    """``/``: the event itself when only one is published, else the list of events."""

    template_name = "programme/event_list.html"

    def get(self, request, *args, **kwargs):
        events = selectors.events_by_period()
        if len(events) == 1:
            return redirect(next(iter(events)))
        return self.render_to_response(
            self.get_context_data(
                events=list(events),
                upcoming=events.upcoming,
                past=events.past,
                today=timezone.localdate(),
            )
        )


def registration_state(event):
    """What an event page says about registrations: it changes with the clock alone."""
    if event.registration_not_yet_open():
        return "soon"
    return "open" if event.registration_is_open() else "closed"


class EventPageMixin:
    """A public page of one event, the same for every visitor: one query (the event row,
    with its content version) when cached, else its selectors too; ETag and 304."""

    def get(self, request, *args, **kwargs):
        self.event = selectors.published_event_stamp(kwargs["slug"])
        if self.event is None:
            raise Http404
        key_parts = [self.event.pk, self.event.content_version, registration_state(self.event)]
        return cached_page(
            request,
            template_name=self.template_name,
            key_parts=[type(self).__name__, *key_parts],
            render=lambda: self.build(request, *args, **kwargs),
        )

    def build(self, request, *args, **kwargs):
        selectors.complete_event(self.event)
        return super().get(request, *args, **kwargs)


class EventDetailView(EventPageMixin, TemplateView):
    template_name = "programme/event_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class AgendaView(EventPageMixin, TemplateView):
    template_name = "programme/agenda.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event, days=selectors.agenda_days(self.event), **kwargs
        )


class SpeakerListView(EventPageMixin, TemplateView):
    template_name = "programme/speakers.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event, speakers=selectors.event_speakers(self.event), **kwargs
        )
