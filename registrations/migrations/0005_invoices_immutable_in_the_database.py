# Issued invoices, credit notes and their lines never change: the database refuses an
# UPDATE (and on PostgreSQL a DELETE too; SQLite's test flush empties tables with DELETE,
# PostgreSQL's with TRUNCATE, which row triggers do not see). The models refuse as well.

from django.db import migrations

TABLES = ("registrations_invoice", "registrations_invoiceline")

POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION registrations_refuse_invoice_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'invoice_immutable: issued invoices never change (%)', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql
"""


def install(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_FUNCTION)
            for table in TABLES:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
                cursor.execute(
                    f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION registrations_refuse_invoice_change()"
                )
        elif connection.vendor == "sqlite":
            for table in TABLES:
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_immutable BEFORE UPDATE ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'invoice_immutable: issued invoices never "
                    "change'); END"
                )


def uninstall(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
            elif connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS registrations_refuse_invoice_change()")


class Migration(migrations.Migration):
    dependencies = [("registrations", "0004_billing")]

    operations = [migrations.RunPython(install, uninstall)]
