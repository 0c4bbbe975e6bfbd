from django.contrib import admin

from portal.careteam.models import CareTeam, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(CareTeam)
class CareTeamAdmin(admin.ModelAdmin):
    inlines = (MembershipInline,)
