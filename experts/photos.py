"""Expert photos: validate the upload, then re-encode it so nothing but pixels survives."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# EXIF orientation -> the turn that makes the pixels upright (as Pillow's ImageOps.exif_transpose does).
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}  # fmt: skip

# Decoding costs memory by pixel count, not by file size: a few kilobytes of PNG can declare a
# canvas of hundreds of megabytes. A JPEG decodes at 1/2 to 1/8 scale (draft), so it may be as
# large as a camera photo; PNG and WebP decoders have no such mode and decode every pixel, so they
# get the size of a 12 MP phone photo (4000 x 3000, about 100 MB at worst while shrinking).
MAX_SOURCE_PIXELS = 25_000_000
MAX_FULL_DECODE_PIXELS = 12_000_000


def _pixel_limit(image_format: str | None) -> int:
    return MAX_SOURCE_PIXELS if image_format == "JPEG" else MAX_FULL_DECODE_PIXELS


def _too_many_pixels(limit: int | None = None) -> ValidationError:
    if limit is None:
        return ValidationError(_("The photo's dimensions are too large. Please upload a smaller image."))
    return ValidationError(
        _("The photo's dimensions are too large. Please upload an image of at most %(mp)s megapixels.")
        % {"mp": limit // 1_000_000}
    )


def _check_dimensions(image: Image.Image) -> None:
    """Refuse on the size the header declares, before a single pixel is decoded."""
    width, height = image.size
    limit = _pixel_limit(image.format)
    if width * height > limit:
        raise _too_many_pixels(limit)


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new RGB image built from the pixel values alone, so no comment, EXIF, ICC profile, XMP
    or text chunk of the upload can travel with it."""
    if "A" in image.getbands() or "a" in image.getbands():
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
    else:
        flat = image.convert("RGB")
    return Image.frombytes("RGB", flat.size, flat.tobytes())


def process_photo(upload: UploadedFile) -> ContentFile[bytes]:
    if upload.size is not None and upload.size > settings.EXPERT_PHOTO_MAX_BYTES:
        limit = settings.EXPERT_PHOTO_MAX_BYTES // (1024 * 1024)
        raise ValidationError(_("The photo is too large. Please upload a file under %(mb)s MB.") % {"mb": limit})
    side = settings.EXPERT_PHOTO_MAX_PIXELS
    try:
        # Image.open reads only the header; verify() checks the structure without decoding pixels.
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Please upload a JPEG, PNG or WebP image."))
            _check_dimensions(probe)
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            _check_dimensions(image)
            # A JPEG decodes straight at 1/2 to 1/8 scale (a no-op for other formats); thumbnail()
            # then shrinks by whole factors before resampling.
            image.draft("RGB", (2 * side, 2 * side))
            source: Image.Image = image
            if image.mode in ("1", "P", "PA"):
                # Resampling needs colours, not palette indices; alpha only when there is any.
                has_alpha = image.mode == "PA" or "transparency" in image.info
                source = image.convert("RGBA" if has_alpha else "RGB")
            orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
            source.thumbnail((side, side))
            pixels = _pixels_only(source)
            if orientation in UPRIGHT:  # a phone's portrait photo stays upright once its EXIF is gone
                pixels = pixels.transpose(UPRIGHT[orientation])
    except Image.DecompressionBombError as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("This file is not an image we can read.")) from error
    out = io.BytesIO()
    pixels.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name="photo.jpg")
