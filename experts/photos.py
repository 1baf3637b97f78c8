"""Expert photos: validate the upload, then re-encode it so nothing but pixels survives."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


def process_photo(upload: UploadedFile) -> ContentFile[bytes]:
    if upload.size is not None and upload.size > settings.EXPERT_PHOTO_MAX_BYTES:
        limit = settings.EXPERT_PHOTO_MAX_BYTES // (1024 * 1024)
        raise ValidationError(_("The photo is too large. Please upload a file under %(mb)s MB.") % {"mb": limit})
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            if image_format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Please upload a JPEG, PNG or WebP image."))
            if image.width * image.height > 40_000_000:
                raise ValidationError(_("The photo has too many pixels."))
            pixels = image.convert("RGB")
            pixels.thumbnail((settings.EXPERT_PHOTO_MAX_PIXELS, settings.EXPERT_PHOTO_MAX_PIXELS))
            out = io.BytesIO()
            # Re-encoding drops EXIF (location, device) and anything hidden in the file.
            pixels.save(out, format="JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This file is not an image we can read.")) from error
    return ContentFile(out.getvalue(), name="photo.jpg")
