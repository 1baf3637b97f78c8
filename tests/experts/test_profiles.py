import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from core.models import AuditLog
from experts.models import ExpertProfile
from experts.photos import process_photo
from experts.services.profiles import expert_expire_licences, expert_reject, expert_suspend, expert_verify
from experts.tasks import expire_licences
from tests.factories import CategoryFactory, ExpertProfileFactory, QuestionFactory


def _image(fmt="PNG", size=(50, 50)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def test_photo_is_reencoded_as_jpeg_without_metadata():
    image = Image.new("RGB", (1200, 900), (10, 120, 200))
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"
    image.save(buffer, format="JPEG", exif=exif)
    result = process_photo(SimpleUploadedFile("me.jpg", buffer.getvalue(), content_type="image/jpeg"))
    with Image.open(io.BytesIO(result.read())) as out:
        assert out.format == "JPEG"
        assert max(out.size) <= 600
        assert "SecretCamera" not in str(out.getexif())


def test_oversized_photo_is_refused(settings):
    settings.EXPERT_PHOTO_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="too large"):
        process_photo(SimpleUploadedFile("big.png", _image(size=(400, 400)), content_type="image/png"))


def test_wrong_image_type_is_refused():
    with pytest.raises(ValidationError, match="JPEG, PNG or WebP"):
        process_photo(SimpleUploadedFile("anim.gif", _image("GIF"), content_type="image/gif"))


def test_fake_image_is_refused():
    fake = b"\x89PNG\r\n\x1a\n" + b"<?php echo 'not an image'; ?>" * 10
    with pytest.raises(ValidationError, match="not an image"):
        process_photo(SimpleUploadedFile("me.png", fake, content_type="image/png"))


@pytest.mark.django_db
def test_apply_creates_an_application_that_is_not_public(client, user, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    category = CategoryFactory()
    client.force_login(user)
    response = client.post(
        reverse("experts:apply"),
        {
            "public_name": "Dr Noor Rahman", "postnominals": "MD", "position": "Neurologist",
            "institution": "City Hospital", "specialties": [category.pk], "bio": "Clinic lead.",
            "disclosure": "None", "licence_number": "GMC123456", "licence_body": "GMC",
            "licence_expires_on": (timezone.localdate() + timedelta(days=300)).isoformat(),
            "photo": SimpleUploadedFile("me.png", _image(), content_type="image/png"),
        },
    )  # fmt: skip
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=user)
    assert profile.status == "applied" and profile.slug == "dr-noor-rahman"
    assert profile.photo.name.endswith(".jpg")
    assert client.get(reverse("experts:dashboard")).status_code == 403
    assert "Dr Noor Rahman" not in client.get(reverse("experts:list")).content.decode()
    assert client.get(reverse("experts:profile", args=["dr-noor-rahman"])).status_code == 404


@pytest.mark.django_db
def test_apply_with_a_fake_photo_shows_an_error_and_keeps_the_input(client, user):
    client.force_login(user)
    response = client.post(
        reverse("experts:apply"),
        {
            "public_name": "Dr Kept Name",
            "photo": SimpleUploadedFile("x.png", b"not an image", content_type="image/png"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dr Kept Name" in html
    assert "Upload a valid image" in html or "not an image" in html
    assert not ExpertProfile.objects.exists()


@pytest.mark.django_db
def test_moderator_verifies_rejects_and_suspends_with_notes(moderator, user):
    applied = ExpertProfileFactory(status="applied")
    expert_verify(profile=applied, moderator=moderator, notes="Checked the register")
    applied.refresh_from_db()
    assert (
        applied.status == "verified"
        and applied.verified_by == moderator
        and "Checked the register" in applied.review_notes
    )
    expert_suspend(profile=applied, moderator=moderator, notes="Complaint under review")
    applied.refresh_from_db()
    assert applied.status == "suspended"
    other = ExpertProfileFactory(status="applied")
    expert_reject(profile=other, moderator=moderator, notes="Not a clinician")
    assert AuditLog.objects.filter(action__in=["expert.verify", "expert.suspend", "expert.reject"]).count() == 3
    with pytest.raises(PermissionDenied):
        expert_verify(profile=ExpertProfileFactory(status="applied"), moderator=user)


@pytest.mark.django_db
def test_an_expired_licence_stops_answering_at_once_and_the_nightly_task_marks_it(client):
    expert = ExpertProfileFactory(licence_expires_on=timezone.localdate() - timedelta(days=1))
    fresh = ExpertProfileFactory(licence_expires_on=timezone.localdate() + timedelta(days=10))
    question = QuestionFactory(status="approved", approved_at=timezone.now())
    client.force_login(expert.user)
    assert client.get(reverse("experts:dashboard")).status_code == 403
    assert client.post(reverse("experts:claim", args=[question.pk])).status_code == 403
    assert expire_licences.apply().get() == 1
    expert.refresh_from_db()
    fresh.refresh_from_db()
    assert expert.status == "expired" and fresh.status == "verified"
    assert AuditLog.objects.filter(action="expert.licence_expired", target_id=expert.pk).exists()
    assert expert_expire_licences() == 0


@pytest.mark.django_db
def test_directory_filters_by_specialty(client):
    relapses = CategoryFactory(slug="relapses", name="Relapses")
    a = ExpertProfileFactory(public_name="Dr Relapse Person")
    a.specialties.add(relapses)
    ExpertProfileFactory(public_name="Dr Other Person")
    html = client.get(reverse("experts:list") + "?specialty=relapses").content.decode()
    assert "Dr Relapse Person" in html and "Dr Other Person" not in html
