# The second half of the move of Tariff to programme (see programme 0004): registrations
# point at programme.Tariff and forget their own model. No table, column or row changes;
# the content type follows, so permissions granted on tariffs are kept.

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, from_app, to_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if ContentType.objects.using(db).filter(app_label=to_app, model="tariff").exists():
        return
    ContentType.objects.using(db).filter(app_label=from_app, model="tariff").update(app_label=to_app)


def forwards(apps, schema_editor):
    move_content_type(apps, schema_editor, from_app="registrations", to_app="programme")


def backwards(apps, schema_editor):
    move_content_type(apps, schema_editor, from_app="programme", to_app="registrations")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('programme', '0004_tariff'),
        ('registrations', '0002_registration_choices_within_event'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='registration',
                    name='tariff',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='registrations', to='programme.tariff', verbose_name='tarif'),
                ),
                migrations.AlterField(
                    model_name='historicalregistration',
                    name='tariff',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programme.tariff', verbose_name='tarif'),
                ),
                migrations.DeleteModel(name='Tariff'),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
