"""An article's own <header> (its h1 title and 发布时间) is the report's, the page's site header is not
(found in a review: an HTML5 page's title, unit and publication date were all lost with its <header>)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.analyze import analyze_document
from reviewer.load import load
from tests.conftest import SEED_FILES

TITLE = "津南区人民政府关于2021年度法治政府建设情况的报告"
SITE = ('<header class="site"><h1 class="logo">中国津南门户网站</h1><nav><a href="/">首页</a>'
        '<a href="/hd">互动交流</a></nav></header>')
OWN = f'<header class="article-header"><h1>{TITLE}</h1><p class="info">发布时间：2022-02-10 15:54</p></header>'
FORMS = {
    "in the article": f"{SITE}<article>{OWN}{{body}}<footer>津南区人民政府 2022年2月10日</footer></article>",
    "in main": f"{SITE}<main>{OWN}<div>{{body}}</div></main>",
    "holding the h1": f"{SITE}{OWN}<div class=\"content\">{{body}}</div>",
}


def _body() -> str:
    lines = [ln.strip() for ln in SEED_FILES[0].read_text(encoding="utf-8").split("\n") if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("一、"))
    return "".join(f"<p>{ln}</p>" for ln in lines[start:start + 30])


@pytest.mark.parametrize("form", FORMS)
def test_the_articles_header_is_read_and_the_sites_is_not(tmp_path: Path, form: str) -> None:
    page = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{TITLE}</title></head><body>"
            + FORMS[form].format(body=_body()) + "<footer>版权所有 津南区人民政府 皖ICP备0000号</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = load(path)
    lines = doc.text.split("\n")
    assert lines[:2] == [TITLE, "发布时间：2022-02-10 15:54"]
    assert "门户网站" not in doc.text and "互动交流" not in doc.text and "版权所有" not in doc.text
    meta = analyze_document(doc).meta
    assert (meta.title, meta.issuer, meta.published_date) == (TITLE, "津南区人民政府", "2022-02-10")
    assert ("津南区人民政府 2022年2月10日" in lines) == (form == "in the article")
