"""French punctuation spacing, applied to rendered pages rather than typed into content.

French puts a narrow no-break space (U+202F) before ? ! ; : and inside « », so that a
line never starts with one of these marks. Editors and translators type an ordinary space, or
none; the page gets the right one. Only text is changed: tags, attributes, scripts, styles and
code are left as they are, and times (09:00) and addresses (https://) keep their colon.
"""

import re

NARROW_NBSP = "\u202f"
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
UNTOUCHED = {"script", "style", "pre", "code", "textarea"}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# An opening tag that marks its content as a language other than French.
OTHER_LANGUAGE = re.compile(r"""\slang\s*=\s*["']?(?!fr\b)[a-zA-Z]""")
# Any whitespace (ordinary, no-break, a line break or none) before ? ! ; after a word, a closing
# mark, a full stop (Tél. :), an entity (hidden as \x00n\x00 meanwhile) or at the start of a text
# that follows an inline tag. A mark followed by a letter, '=' or '/' is part of an address
# (smart.coop/recherche?q=tva) and stays as it is.
AFTER_TEXT = r"(?:(?<=[\w»)\]….\"'’%\x00])|^)"
BEFORE_MARK = re.compile(AFTER_TEXT + r"\s*([?!;]+)(?![\w=/])")
# A colon ends a phrase only when a space or the end of the text follows it: 09:00, 1:2 and
# https:// stay as they are.
BEFORE_COLON = re.compile(AFTER_TEXT + r"\s*:(?=\s|$)")
AFTER_OPENING = re.compile(r"«\s*")
BEFORE_CLOSING = re.compile(r"\s*»")
# Entities Django's escaping writes, so that '&#x27;' is never read as text followed by ';'.
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# Spaces and guillemets written as entities are read as the characters they stand for:
# '&nbsp;?' gets the narrow space instead, '&laquo;' its space inside.
CHARACTER_ENTITIES = {
    "nbsp": "\u00a0",
    "#160": "\u00a0",
    "#xa0": "\u00a0",
    "#8239": NARROW_NBSP,
    "#x202f": NARROW_NBSP,
    "laquo": "«",
    "#171": "«",
    "#xab": "«",
    "raquo": "»",
    "#187": "»",
    "#xbb": "»",
}
CHARACTER_ENTITY = re.compile(
    r"&(nbsp|#160|#x[aA]0|#8239|#x202[fF]|laquo|raquo|#171|#187|#x[aA][bB]|#x[bB][bB]);"
)


def space_text(text):
    entities = []

    def hide(match):
        entities.append(match.group(0))
        return f"\x00{len(entities) - 1}\x00"

    text = CHARACTER_ENTITY.sub(lambda match: CHARACTER_ENTITIES[match.group(1).lower()], text)
    text = ENTITY.sub(hide, text)
    text = BEFORE_MARK.sub(lambda match: NARROW_NBSP + match.group(1), text)
    text = BEFORE_COLON.sub(NARROW_NBSP + ":", text)
    text = AFTER_OPENING.sub("«" + NARROW_NBSP, text)
    text = BEFORE_CLOSING.sub(NARROW_NBSP + "»", text)
    return re.sub(r"\x00(\d+)\x00", lambda match: entities[int(match.group(1))], text)


def french_spacing(html):
    """`html` with French spacing before and inside punctuation, in its text only.

    Text marked as another language (`lang="nl"`: a language's name in the switcher, a result
    in another language) keeps that language's own typography.
    """
    parts = TAG.split(html)
    untouched_depth = 0
    other_language = None  # [tag name, depth] of the element marked as another language
    for position, part in enumerate(parts):
        if position % 2:
            match = TAG_NAME.match(part)
            if not match:
                continue
            closing, name = bool(match.group(1)), match.group(2).lower()
            # A self-closed <code/> opens nothing, so the rest of the page is still spaced.
            opens_nothing = part.endswith("/>") or name in VOID_ELEMENTS
            if other_language is not None:
                if name == other_language[0] and not opens_nothing:
                    other_language[1] += -1 if closing else 1
                    if other_language[1] == 0:
                        other_language = None
            elif not closing and not opens_nothing and OTHER_LANGUAGE.search(part):
                other_language = [name, 1]
            elif name in UNTOUCHED and not opens_nothing:
                untouched_depth = max(untouched_depth + (-1 if closing else 1), 0)
            continue
        if not untouched_depth and other_language is None and part:
            parts[position] = space_text(part)
    return "".join(parts)
