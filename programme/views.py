"""Public pages of the programme: thin views over :mod:`programme.selectors`."""

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from . import selectors
from .models import Event


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


class EventMixin:
    def get_event(self):
        return get_object_or_404(Event.objects.published(), slug=self.kwargs["slug"])


class EventDetailView(DetailView):
    template_name = "programme/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.published().prefetch_related("tariffs")


class AgendaView(EventMixin, TemplateView):
    template_name = "programme/agenda.html"

    def get_context_data(self, **kwargs):
        event = self.get_event()
        return super().get_context_data(event=event, days=selectors.agenda_days(event), **kwargs)


class SpeakerListView(EventMixin, TemplateView):
    template_name = "programme/speakers.html"

    def get_context_data(self, **kwargs):
        event = self.get_event()
        return super().get_context_data(
            event=event, speakers=selectors.event_speakers(event), **kwargs
        )
