from django import forms

from notifications.models import NotificationPreferences


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationPreferences
        fields = ["question_answered", "comment_replies", "expert_queue", "moderator_digest", "moderator_on_duty"]
