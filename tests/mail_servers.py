"""Real mail servers on the loopback for the outbox tests: a sink that accepts every
message (aiosmtpd), a port where nothing listens, and a server that never answers."""

import socket
import threading
from contextlib import contextmanager
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port():
    """A loopback port where nothing listens (a connection to it is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@contextmanager
def smtp_sink(port=None):
    """An SMTP server on ``port``; yields the list of (recipients, message) it received."""
    collector = _Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    try:
        yield controller.port, collector.messages
    finally:
        controller.stop()


class SilentServer:
    """Accepts TCP connections and never says a word (an SMTP server that hangs)."""

    def __init__(self):
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self._socket.settimeout(0.1)
        self.connections = []
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._closing.is_set():
            try:
                connection, _address = self._socket.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)

    def close(self):
        self._closing.set()
        self._thread.join(timeout=5)
        self._socket.close()
        for connection in self.connections:
            connection.close()


@contextmanager
def silent_server():
    server = SilentServer()
    try:
        yield server
    finally:
        server.close()


def use_smtp(settings, port, timeout=5):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = timeout
