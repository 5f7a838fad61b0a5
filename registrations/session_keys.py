"""What the participant's pages keep in a browser session, named once: the bulletin's views
write these keys, and erasing a person (``services/privacy.py``) deletes the sessions that
still hold their tokens or address."""

# Tokens of the registrations made in this browser session: a double submit then lands
# on the registration just made instead of the "already registered" page.
SESSION_TOKENS = "registration_tokens"
SESSION_EMAIL = "already_registered_email"
# What "Inscrire un(e) collègue" carries to the next bulletin: the organisation's fields.
SESSION_COLLEAGUE = "colleague_prefill"
