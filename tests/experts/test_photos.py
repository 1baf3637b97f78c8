import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, ImageFile, PngImagePlugin

from experts.photos import process_photo

METADATA_KEYS = {"comment", "exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "Author", "Comment"}
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>secret-xmp</rdf:Description></x:xmpmeta>'


def _srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _jpeg_with_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "secret-camera"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 120, 200)).save(
        buffer, format="JPEG", comment=b"secret", exif=exif, icc_profile=_srgb_profile(), xmp=XMP
    )
    return buffer.getvalue()


def _png_with_metadata() -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "secret-author")
    text.add_itxt("Comment", "secret-comment", zip=True)
    text.add_text("XML:com.adobe.xmp", XMP.decode())
    buffer = io.BytesIO()
    Image.new("RGBA", (800, 600), (10, 120, 200, 255)).save(
        buffer, format="PNG", pnginfo=text, icc_profile=_srgb_profile()
    )
    return buffer.getvalue()


def _png_declaring(width: int, height: int) -> bytes:
    """A valid greyscale PNG of the given size whose rows are all zero: tiny on disk, huge decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    compressor = zlib.compressobj(9)
    row = bytes(1 + width)  # filter byte + one byte per pixel
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.fixture
def decoded_sizes(monkeypatch):
    """The size of every image whose pixels get decoded (PNG and JPEG decode through ImageFile.load)."""
    sizes: list[tuple[int, int]] = []
    original = ImageFile.ImageFile.load

    def spy(self):
        sizes.append(self.size)
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    return sizes


@pytest.mark.parametrize(("name", "make"), [("me.jpg", _jpeg_with_metadata), ("me.png", _png_with_metadata)])
def test_nothing_but_pixels_survives_reencoding(name, make):
    result = process_photo(SimpleUploadedFile(name, make())).read()
    assert b"secret" not in result
    with Image.open(io.BytesIO(result)) as out:
        assert out.format == "JPEG"
        assert not METADATA_KEYS & set(out.info)
        assert not out.getexif()
        assert out.getpixel((10, 10)) == pytest.approx((10, 120, 200), abs=3)


def test_a_small_png_declaring_a_huge_canvas_is_refused_before_any_pixel_is_decoded(decoded_sizes):
    upload = _png_declaring(6000, 6000)  # 36 megapixels in about 35 KB
    assert len(upload) < 100_000
    with pytest.raises(ValidationError, match="dimensions are too large.*at most 12 megapixels"):
        process_photo(SimpleUploadedFile("bomb.png", upload))
    assert decoded_sizes == []


def test_a_png_beyond_pillows_own_bomb_limit_gets_the_same_clear_message(decoded_sizes):
    with pytest.raises(ValidationError, match="dimensions are too large"):
        process_photo(SimpleUploadedFile("bomb.png", _png_declaring(20000, 20000)))
    assert decoded_sizes == []


def test_a_large_allowed_png_is_still_accepted():
    result = process_photo(SimpleUploadedFile("scan.png", _png_declaring(4000, 3000)))
    with Image.open(io.BytesIO(result.read())) as out:
        assert max(out.size) == 600


def test_a_large_camera_jpeg_is_decoded_at_reduced_scale(decoded_sizes):
    buffer = io.BytesIO()
    Image.new("L", (6000, 4000), 128).save(buffer, format="JPEG")  # 24 megapixels, within the limit
    result = process_photo(SimpleUploadedFile("camera.jpg", buffer.getvalue()))
    with Image.open(io.BytesIO(result.read())) as out:
        assert out.size == (600, 400)
    assert decoded_sizes
    assert all(width * height <= 6000 * 4000 // 4 for width, height in decoded_sizes)


def test_a_phone_portrait_stays_upright_once_its_exif_is_dropped():
    landscape = Image.new("RGB", (400, 200), "white")
    landscape.paste((200, 0, 0), (0, 0, 200, 200))  # red on the left half
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    raw = io.BytesIO()
    landscape.save(raw, format="JPEG", exif=exif.tobytes())
    out = Image.open(io.BytesIO(process_photo(SimpleUploadedFile("p.jpg", raw.getvalue(), "image/jpeg")).read()))
    assert out.size == (200, 400)
    assert not out.getexif()
    red, _green, _blue = out.getpixel((100, 50))  # after the turn, the red half is on top
    assert red > 150
