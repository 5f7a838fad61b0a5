"""The training details of an event (règlement intérieur, practical details, terms)."""

from ..models import EventTraining


def event_training(event):
    """The event's :class:`EventTraining`, or one with the default texts if none is saved."""
    try:
        return EventTraining.objects.get(event=event)
    except EventTraining.DoesNotExist:
        return EventTraining(event=event)
