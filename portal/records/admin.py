from django.contrib import admin

from portal.records.models import Patient


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):
    list_display = ("family_name", "given_name", "mrn", "birth_date", "care_team")
    search_fields = ("family_name", "given_name", "mrn")
    list_select_related = ("care_team",)
