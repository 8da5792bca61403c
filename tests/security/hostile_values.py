"""A corpus of hostile values, by class, as they travel in a query string or a form body.

Each value is written already percent-encoded, so that bytes no text can hold (NUL, invalid
UTF-8, broken escapes) reach the server exactly as an attacker would send them.
"""

from urllib.parse import quote, unquote

# The markup probes: found unescaped in an HTML response, they would run in a member's browser.
XSS_PROBES = [
    "<script>hostile1()</script>",
    '"><img src=x onerror=hostile2()>',
    "'><svg onload=hostile3()>",
    "javascript:hostile4()",
    "</textarea><b>hostile5</b>",
]


def encoded(*texts):
    return [quote(text, safe="") for text in texts]


HOSTILE_VALUES = {
    "control": ["%00", "a%00b", "%01%02%1b%5b31m", "%7f", "x%08y"],
    "invalid utf-8": ["%ff%fe", "%c3%28", "%ed%a0%80", "%c0%af", "%f4%90%80%80"],
    "bad percent-encoding": ["%", "%zz", "%%32%65", "100%", "%u0041"],
    "overlong": ["a" * 5000, quote("é" * 2500), "9" * 400, quote("/" * 3000)],
    "full-text syntax": encoded(
        "foo & bar | !baz", '"unbalanced', "a:*", "((((", "<-> !", "' OR 1=1 --", "*"
    ),
    "regex bomb": encoded("(a+)+$", "a" * 60 + "!", ".*.*.*.*.*=", "[", "\\", "(?P<x>"),
    "unicode digits": encoded("²", "١٢", "①", "𝟙", "߁", "٣٣٣"),
    "rtl and combining": encoded(
        "\u202eabc", "a\u0301\u0301\u0301\u0301", "\u200f\u200e", "\ufeff"
    ),
    "numeric edge": encoded("0", "-1", "1e309", "NaN", "inf", "9" * 30, "1.5", "0x10", "+1", " 1"),
    "crlf": ["%0d%0aSet-Cookie:%20hostile=1", "a%0d%0aLocation:%20http://evil.example", "%0a%0d"],
    "path traversal": encoded(
        "../../etc/passwd",
        "..\\..\\windows",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "%2e%2e%2f",
        "abc",
    ),
    "template syntax": encoded("{{7*7}}", "{% debug %}", "${7*7}", "<%= 7*7 %>", "{{request}}"),
    "xss": encoded(*XSS_PROBES),
}


def sample(value_class, index):
    """The `index`-th value of a class, going round: a deterministic spread over the corpus."""
    values = HOSTILE_VALUES[value_class]
    return values[index % len(values)]


def decoded(value):
    return unquote(value, errors="replace")
