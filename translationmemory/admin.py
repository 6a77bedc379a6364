"""The memory in the admin: a read-only list, searchable, for whoever may view it (it is filled
by confirmations and ``rebuild_translation_memory``, never by hand)."""

from django.contrib import admin

from translationmemory.models import MemoryEntry


@admin.register(MemoryEntry)
class MemoryEntryAdmin(admin.ModelAdmin):
    list_display = ("source_text_short", "target_text_short", "target_language", "origin")
    list_filter = ("source_language", "target_language")
    search_fields = ("origin",)
    show_full_result_count = False
    readonly_fields = (
        "source_language",
        "target_language",
        "source_text",
        "target_text",
        "origin",
        "updated_at",
    )
    exclude = ("source_hash",)

    @admin.display(description=MemoryEntry._meta.get_field("source_text").verbose_name)
    def source_text_short(self, entry):
        return entry.source_text[:80]

    @admin.display(description=MemoryEntry._meta.get_field("target_text").verbose_name)
    def target_text_short(self, entry):
        return entry.target_text[:80]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
