# Tariff moves from registrations to programme (it is event content, printed on the flyer
# and the agenda). Only Django's state changes here: the table "registrations_tariff" and
# its rows stay where they are (registrations 0001 creates it on a new database;
# registrations 0003 removes the old model from the state).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('programme', '0003_workshop_id_event_unique'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Tariff',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('label', models.CharField(max_length=200, verbose_name='libellé')),
                        ('amount', models.DecimalField(decimal_places=2, max_digits=8, verbose_name='montant (€)')),
                        ('included', models.TextField(help_text='Une prestation par ligne.', verbose_name='ce qui est compris')),
                        ('capacity', models.PositiveIntegerField(blank=True, help_text='Par exemple le nombre de chambres réservées. Vide : sans limite.', null=True, verbose_name='nombre de places à ce tarif')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='ordre')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='modifié le')),
                        ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tariffs', to='programme.event', verbose_name='événement')),
                    ],
                    options={
                        'verbose_name': 'tarif',
                        'verbose_name_plural': 'tarifs',
                        'db_table': 'registrations_tariff',
                        'ordering': ['event', 'position', 'pk'],
                        'constraints': [
                            models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='tariff_amount_positive'),
                            models.UniqueConstraint(fields=('event', 'label'), name='tariff_label_unique_per_event'),
                            models.UniqueConstraint(fields=('id', 'event'), name='tariff_id_event_unique'),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
