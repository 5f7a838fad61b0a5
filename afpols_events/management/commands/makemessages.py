"""Django's makemessages without fuzzy matching (Django's documented way to set options).

Our source strings are French and each translation repeats its msgid (``make messages``
runs msgen); a fuzzy match would give a new string the translation of a similar old one
("%(count)d inscription confirmée" shown as "Votre inscription est confirmée").
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
