from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from portal.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: nobody, the admin included, adds, edits or deletes audit rows here."""

    list_display = ("at", "action", "actor", "actor_role", "patient_mrn", "ip")
    list_filter = ("action", "actor_role")
    search_fields = ("patient_mrn", "actor__email")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
