"""Keeps the directory's cached skill words in step with the list editors and translators keep."""

from django.db.models.signals import post_delete, post_save

from .models import Skill
from .vocabulary import forget_skill_words

post_save.connect(forget_skill_words, sender=Skill, dispatch_uid="directory-skill-saved")
post_delete.connect(forget_skill_words, sender=Skill, dispatch_uid="directory-skill-deleted")
