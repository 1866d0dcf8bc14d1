"""Saved web pages → report text: block elements become lines, scripts and navigation go.

Page metadata and breadcrumbs inside the article are kept: the outline stage classifies such
lines itself (and the 发布时间 line is the publication date the checklist needs).
"""

from __future__ import annotations

import re
from typing import Any

from reviewer.formats.base import Context, Extracted, FormatProblem
from reviewer.load import decode_text, normalise_newlines

DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "head", "form",
             "button", "select", "svg", "object")
# A <header> or <footer> is the site's banner or copyright line, or an article's own: its title and
# 发布时间, its 落款. Only the page's are dropped (see _is_page_chrome).
CHROME_TAGS = ("header", "footer")
_ARTICLE = ("article", "main")
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "center", "title", "header",
              "footer", "main"}
NAV_MARK = re.compile(r"(^|[\s_-])(nav|navbar|menu|breadcrumb|crumbs?|footer|foot|topbar|sidebar|share)"
                      r"($|[\s_-])", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


def sniff_charset(data: bytes) -> str | None:
    """Encoding declared by the page (meta charset / http-equiv), GB variants widened to GB18030."""
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    return "gb18030" if name in {"gb2312", "gbk", "gb18030", "x-gbk", "cp936"} else name


def decode_page(data: bytes) -> tuple[str, str]:
    """BOM, strict UTF-8, the declared charset (strict), then the plain-text cascade.

    UTF-8 goes before the declaration: migrated sites still declare gb2312 while serving UTF-8,
    and GB18030 often decodes such bytes without error into mojibake, whereas GB-encoded Chinese
    essentially never passes a strict UTF-8 decode.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = sniff_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def _is_navigation(tag: Any) -> bool:
    attrs = getattr(tag, "attrs", None) or {}
    marks = " ".join([attrs.get("id") or "", *(attrs.get("class") or [])])
    return bool(marks.strip()) and bool(NAV_MARK.search(marks))


def _is_page_chrome(tag: Any) -> bool:
    """Whether a <header>/<footer> is the page's, not the report's: HTML5 gives one to an <article> or
    <main> for its own heading and byline, and a page without them puts the article's title (its h1)
    in a header of its own, which holds no menu unlike a site banner."""
    if tag.find_parent(_ARTICLE) is not None or tag.find_parent(attrs={"role": "main"}) is not None:
        return False
    own_title = tag.name == "header" and tag.find("h1") is not None
    return not own_title or tag.find("nav") is not None or tag.find(_is_navigation) is not None


def html_to_text(markup: str) -> str:
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString, Tag

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(CHROME_TAGS):  # before the menus go: a site banner is known by its menu
        if isinstance(tag, Tag) and not tag.decomposed and _is_page_chrome(tag):
            tag.decompose()
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_navigation):
        if isinstance(tag, Tag) and not tag.decomposed:
            tag.decompose()
    pieces: list[str] = []
    root = soup.body or soup
    for node in root.descendants:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not comments, CDATA or doctype
                pieces.append(str(node))
        elif isinstance(node, Tag) and node.name in BLOCK_TAGS:
            pieces.append("\n")
    return tidy_lines("".join(pieces))


def tidy_lines(text: str) -> str:
    """One line per block, spaces inside a line collapsed, at most one blank line in a row."""
    out: list[str] = []
    for raw in normalise_newlines(text).split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def load_html(data: bytes) -> tuple[str, str]:
    markup, encoding = decode_page(data)
    return html_to_text(markup), encoding


def read_html(data: bytes, ctx: Context) -> Extracted:
    text, encoding = load_html(data)
    return Extracted(text, "html", encoding)


def read_mht(data: bytes, ctx: Context) -> Extracted:
    """A single-file web page (MIME multipart, as IE and Word save it): its HTML part, as a page."""
    import email
    from email.message import Message

    message = email.message_from_bytes(data)
    parts = list(message.walk()) if message.is_multipart() else [message]
    for part in parts:
        if isinstance(part, Message) and part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                charset = part.get_content_charset()
                if charset and not META_CHARSET.search(payload[:4096]):
                    payload = f'<meta charset="{charset}">'.encode("ascii", "ignore") + payload
                text, encoding = load_html(payload)
                return Extracted(text, "mht", encoding)
    raise FormatProblem("corrupt", "单文件网页中没有网页正文（text/html 部分），无法读取")
