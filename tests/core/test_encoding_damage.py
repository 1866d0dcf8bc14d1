"""Text with moderate encoding damage opens with its bad bytes as � and a note; a UTF-8 report with a
paragraph pasted in GBK reads whole; badly damaged Chinese text and non-text are refused, each saying
why (found in a review: a GBK report with 60 bad bytes in 12 KB and a UTF-8 report with one GBK
paragraph were refused as 无法识别文本编码)."""

from __future__ import annotations

import gzip
import io
import random
import zipfile
from pathlib import Path

import pytest

from reviewer.analyze import analyze_document
from reviewer.load import ReportLoadError, load
from tests.conftest import SEED_FILES

SEED = SEED_FILES[0].read_text(encoding="utf-8")


def _headings(text: str) -> list[str]:
    """The headings ``text`` gives when read without damage."""
    from reviewer.model import Document

    doc = Document(path="x.txt", text=text, sha256="0" * 64, format="txt", encoding="utf-8", size=len(text))
    return [s.heading for s in analyze_document(doc).sections]


def test_a_utf8_report_with_a_paragraph_pasted_in_gbk_reads_whole(tmp_path: Path) -> None:
    lines = SEED.split("\n")
    at = next(i for i, ln in enumerate(lines) if "件" in ln and len(ln) > 80)  # a paragraph with figures
    data = b"\n".join(ln.encode("gb18030") if i == at else ln.encode() for i, ln in enumerate(lines))
    path = tmp_path / "粘贴了一段.txt"
    path.write_bytes(data)
    doc = load(path)
    assert (doc.encoding, doc.text) == ("utf-8+gb18030", load(SEED_FILES[0]).text)
    assert not [f for f in analyze_document(doc).findings if f.kind == "undecodable_characters"]


def _damaged_gbk(share: float) -> tuple[bytes, str, int]:
    """The seed in GBK with a bad byte before Chinese characters inside its long paragraphs, spread so
    that ``share`` of its non-ASCII bytes are bad; the text it should read as, and the bad bytes."""
    spots, start = [], 0
    for line in SEED.split("\n"):
        if len(line) > 60:
            spots += [start + i for i in range(10, len(line)) if "\u4e00" <= line[i] <= "\u9fff"]
        start += len(line) + 1
    non_ascii = sum(len(c.encode("gb18030")) for c in SEED if ord(c) > 127)
    count = round(share * non_ascii)
    picked = set(spots[:: len(spots) // count][:count])
    assert len(picked) == count
    data = b"".join((b"\xff" if i in picked else b"") + c.encode("gb18030") for i, c in enumerate(SEED))
    text = "".join(("\ufffd" if i in picked else "") + c for i, c in enumerate(SEED))
    return data, text, count


def test_a_gbk_report_with_one_bad_byte_in_a_hundred_opens_with_marks_and_a_note(tmp_path: Path) -> None:
    data, text, count = _damaged_gbk(0.01)
    assert count > 0.01 * sum(1 for c in SEED if ord(c) > 127)  # more � than "a few": refused before
    path = tmp_path / "坏字节.txt"
    path.write_bytes(data)
    doc = load(path)
    assert (doc.encoding, doc.text) == ("gb18030", text)
    analysis = analyze_document(doc)
    assert [s.heading for s in analysis.sections] == _headings(text)
    (f,) = [f for f in analysis.findings if f.kind == "undecodable_characters"]
    assert f.message.render() == f"文件中有 {count} 处字节无法按 GBK/GB18030 解码，以 � 显示；请与原文件核对"


def test_badly_damaged_chinese_text_is_refused_saying_so(tmp_path: Path) -> None:
    data, _, count = _damaged_gbk(0.04)
    path = tmp_path / "损坏.txt"
    path.write_bytes(data)
    with pytest.raises(ReportLoadError) as caught:
        load(path)
    share = count / (len(data) - len(data.translate(None, bytes(range(128, 256)))))
    assert f"{share:.1%}" == "3.8%"
    assert caught.value.as_record().message == (
        "损坏.txt：文本已严重损坏：约 3.8% 的中文字节无法按 GBK/GB18030 解码，无法可靠读取；请让报送单位重新发送")


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("报告.txt", SEED)
    return out.getvalue()


BINARY = "不是文本文件（内容为二进制数据），请另存为 .txt 或 .docx 后再打开"
NON_TEXT = {
    "random bytes": (random.Random(7).randbytes(12000).replace(b"\0", b"\1"),
                     "无法识别文本编码，请另存为 UTF-8 编码的 .txt"),
    "a zip renamed": (_zip(), BINARY),
    "gzip": (gzip.compress(SEED.encode("gb18030"), mtime=0), BINARY),
    "all zero": (bytes(5000), "文件中没有文字（内容全是空字节），文件已损坏或没有保存完整"),
}


@pytest.mark.parametrize("what", NON_TEXT)
def test_non_text_named_txt_is_still_refused(tmp_path: Path, what: str) -> None:
    data, words = NON_TEXT[what]
    path = tmp_path / "报告.txt"
    path.write_bytes(data)
    with pytest.raises(ReportLoadError) as caught:
        load(path)
    assert caught.value.as_record().message == f"报告.txt：{words}"


def test_a_bad_byte_in_gbk_costs_only_itself_not_the_characters_after_it(tmp_path: Path) -> None:
    """A stray byte that can lead a GBK character (or a character cut in half) paired the next
    characters' bytes out of step: the rest of the paragraph, up to the next ASCII byte, read as nonsense
    (often with no error at all, so no note either). Each bad byte is now one �, and the text after it reads
    as written."""
    chars = [c.encode("gb18030") for c in SEED]
    long_runs = [i for i in range(30, len(SEED) - 30) if all("\u4e00" <= c <= "\u9fff" for c in SEED[i - 3 : i + 12])]
    stray, cut = long_runs[len(long_runs) // 3], long_runs[2 * len(long_runs) // 3]
    data = b"".join((b"\xb0" if i == stray else b"") + (c[:1] if i == cut else c) for i, c in enumerate(chars))
    text = "".join(("\ufffd" if i == stray else "") + ("\ufffd" if i == cut else c) for i, c in enumerate(SEED))
    path = tmp_path / "两处坏字节.txt"
    path.write_bytes(data)
    doc = load(path)
    assert (doc.encoding, doc.text) == ("gb18030", text)
    (f,) = [f for f in analyze_document(doc).findings if f.kind == "undecodable_characters"]
    assert f.message.render() == "文件中有 2 处字节无法按 GBK/GB18030 解码，以 � 显示；请与原文件核对"


def test_a_stray_byte_that_garbles_without_failing_is_found_and_costs_only_itself(tmp_path: Path) -> None:
    """A stray byte in a paragraph that ends in a Latin letter: every byte pairs up out of step, strict GBK
    reading succeeds, and the paragraph was nonsense with no note. It reads as written with one �."""
    line = "创新打造掌上办公平台“党政通”app，实现行政复议案件网上办理。"
    data = (SEED + "\n").encode("gb18030") + line[:4].encode("gb18030") + b"\xb0" + line[4:].encode("gb18030")
    data.decode("gb18030")  # no error: nothing but the reading tells the damage
    path = tmp_path / "多一个字节.txt"
    path.write_bytes(data)
    doc = load(path)
    assert (doc.encoding, doc.text) == ("gb18030", SEED + "\n" + line[:4] + "\ufffd" + line[4:])
    assert [f.kind for f in analyze_document(doc).findings].count("undecodable_characters") == 1


def test_user_defined_characters_side_by_side_in_a_sound_gbk_file_read_as_written(tmp_path: Path) -> None:
    """Found by a code review: two user-defined characters whose second bytes are Latin letters
    (王\ue0bc\ue546同志) were read as 王�、`同志, with a note of bytes that could not be decoded, in a
    file that reads strictly. A stray byte's garbling is much dearer than that; these are kept."""
    text = SEED + "\n负责人：王\ue0bc\ue546同志，针对\ue374\ue27f\ue6ca工作人员开展培训。\n"
    path = tmp_path / "造字.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = load(path)
    assert (doc.encoding, doc.text) == ("gb18030", text)
    assert "undecodable_characters" not in [f.kind for f in analyze_document(doc).findings]


def test_a_long_stretch_without_ascii_is_read_with_plain_replacement() -> None:
    """The in-step search is pure Python and holds lists as long as what it reads: a file of high
    bytes took minutes and gigabytes (a code review). A stretch past 8 KB without an ASCII byte is
    read as the plain decoder reads it; shorter ones, as before, in step."""
    from reviewer.gb_resync import resync_gb18030

    body = "法治政府建设" * 2000  # 24 KB without an ASCII byte
    data = body[:6].encode("gb18030") + b"\xb0" + body[6:].encode("gb18030")
    assert resync_gb18030(data) == data.decode("gb18030", errors="replace")
    short = data[:2001] + b"\n"
    assert resync_gb18030(short) == body[:6] + "\ufffd" + body[6:1000] + "\n"
