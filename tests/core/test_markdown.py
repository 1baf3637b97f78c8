import pytest

from core.markdown import render_markdown

XSS = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    '<a href="javascript&#58;alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    "![pic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    '<p onclick="alert(1)">hi</p>',
    '<iframe src="https://evil.example"></iframe>',
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="java\tscript:alert(1)">tab inside the scheme</a>',
    '<a href=" \njavascript:alert(1)">newline before the scheme</a>',
]


@pytest.mark.parametrize("payload", XSS)
def test_dangerous_markup_is_neutralized(payload):
    html = render_markdown(payload).lower()
    assert "<script" not in html
    assert "javascript:" not in html and "script:alert" not in html and "script:alert" not in html
    assert "vbscript:" not in html
    assert "data:" not in html
    assert "onerror" not in html and "onclick" not in html and "onload" not in html
    assert "<iframe" not in html and "<svg" not in html and "<style" not in html and "<img" not in html


def test_ordinary_markdown_survives():
    html = render_markdown("**Bold**, *italic*\n\n- one\n- two\n\n[info](https://example.org)")
    assert "<strong>Bold</strong>" in html
    assert "<em>italic</em>" in html
    assert "<li>one</li>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow noopener ugc"' in html
