# Django's French formats apply, except the ones set here.

# "28 novembre 2026 à 06:32" (Django's French: "28 novembre 2026 06:32").
DATETIME_FORMAT = r"j F Y \à H:i"
