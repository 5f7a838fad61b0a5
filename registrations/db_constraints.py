"""Database guards Django cannot declare: a registration's tariff and workshop belong to
its event.

PostgreSQL: composite foreign keys (tariff_id, event_id) and (workshop_id, event_id)
referencing the unique (id, event_id) of tariffs and workshops. SQLite cannot add a
foreign key to an existing table, so triggers abort the offending insert or update.
Installed by migration 0002; on SQLite they are installed again after every ``migrate``
because Django rebuilds a table (and drops its triggers) for some schema changes.
"""

INSTALLED_BY = "0002_registration_choices_within_event"

POSTGRESQL_FORWARD = [
    """ALTER TABLE registrations_registration
       ADD CONSTRAINT registration_tariff_same_event
       FOREIGN KEY (tariff_id, event_id) REFERENCES registrations_tariff (id, event_id)""",
    """ALTER TABLE registrations_registration
       ADD CONSTRAINT registration_workshop_same_event
       FOREIGN KEY (workshop_id, event_id) REFERENCES programme_workshop (id, event_id)""",
]
POSTGRESQL_BACKWARD = [
    "ALTER TABLE registrations_registration DROP CONSTRAINT IF EXISTS "
    "registration_tariff_same_event",
    "ALTER TABLE registrations_registration DROP CONSTRAINT IF EXISTS "
    "registration_workshop_same_event",
]

_TARIFF_MISMATCH = """NOT EXISTS (SELECT 1 FROM registrations_tariff
    WHERE id = NEW.tariff_id AND event_id = NEW.event_id)"""
_WORKSHOP_MISMATCH = """NEW.workshop_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM programme_workshop WHERE id = NEW.workshop_id AND event_id = NEW.event_id)"""
_TARIFF_MESSAGE = "registration_tariff_same_event: the tariff belongs to another event"
_WORKSHOP_MESSAGE = "registration_workshop_same_event: the workshop belongs to another event"
_MOVED_MESSAGE = "registrations refer to it: it cannot move to another event"

SQLITE_TRIGGERS = {
    "registration_tariff_same_event_insert": f"""
        BEFORE INSERT ON registrations_registration FOR EACH ROW WHEN {_TARIFF_MISMATCH}
        BEGIN SELECT RAISE(ABORT, '{_TARIFF_MESSAGE}'); END""",
    "registration_tariff_same_event_update": f"""
        BEFORE UPDATE OF tariff_id, event_id ON registrations_registration FOR EACH ROW
        WHEN {_TARIFF_MISMATCH}
        BEGIN SELECT RAISE(ABORT, '{_TARIFF_MESSAGE}'); END""",
    "registration_workshop_same_event_insert": f"""
        BEFORE INSERT ON registrations_registration FOR EACH ROW WHEN {_WORKSHOP_MISMATCH}
        BEGIN SELECT RAISE(ABORT, '{_WORKSHOP_MESSAGE}'); END""",
    "registration_workshop_same_event_update": f"""
        BEFORE UPDATE OF workshop_id, event_id ON registrations_registration FOR EACH ROW
        WHEN {_WORKSHOP_MISMATCH}
        BEGIN SELECT RAISE(ABORT, '{_WORKSHOP_MESSAGE}'); END""",
    # The other side of the foreign key: a referenced tariff or workshop keeps its event.
    "tariff_keeps_event_of_registrations": f"""
        BEFORE UPDATE OF event_id ON registrations_tariff FOR EACH ROW
        WHEN NEW.event_id <> OLD.event_id AND EXISTS (
            SELECT 1 FROM registrations_registration WHERE tariff_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'tariff: {_MOVED_MESSAGE}'); END""",
    "workshop_keeps_event_of_registrations": f"""
        BEFORE UPDATE OF event_id ON programme_workshop FOR EACH ROW
        WHEN NEW.event_id <> OLD.event_id AND EXISTS (
            SELECT 1 FROM registrations_registration WHERE workshop_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'workshop: {_MOVED_MESSAGE}'); END""",
}


def install(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for statement in POSTGRESQL_BACKWARD + POSTGRESQL_FORWARD:
                cursor.execute(statement)
        elif connection.vendor == "sqlite":
            for name, body in SQLITE_TRIGGERS.items():
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def uninstall(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for statement in POSTGRESQL_BACKWARD:
                cursor.execute(statement)
        elif connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def reinstall_sqlite_triggers(sender, using="default", **kwargs):
    """``post_migrate`` receiver: put back triggers a table rebuild may have dropped."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    applied = MigrationRecorder(connection).applied_migrations()
    if ("registrations", INSTALLED_BY) in applied:
        install(connection)
