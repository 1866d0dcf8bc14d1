"""Which encoding a text file is in, when the bytes alone leave room for doubt.

Three cases the strict cascade (BOM → UTF-8 → GB18030) gets wrong:
- a UTF-8 file with one bad byte (a truncated copy, a stray byte from an editor): strict UTF-8
  fails, and GB18030 — which accepts almost any byte sequence — turns the whole file into
  nonsense. A file that is UTF-8 but for a few bytes is read as UTF-8, the bad bytes shown as �
  (the analysis then reports them as a finding);
- a GBK/GB18030 file with one bad byte or cut off inside its last character: strict GB18030 fails
  and the report was refused, though it is the encoding units send most. It is read the same way,
  when the reading is plainly Chinese;
- a Big5 file (Taiwan, Hong Kong, some old systems): it also decodes as GB18030 without error,
  into nonsense. When both decode, the reading with more of the most common Chinese characters
  wins.

Damage beyond a few bytes (a GBK report with 60 bad bytes in 12 KB) is read the same way when the
reading is still plainly Chinese: at most ``DAMAGED_SHARE`` of its non-ASCII bytes fit no character,
and the rest is full of the most common characters. Binary data read in any codec fails the second
test (random bytes leave ~18 % bad in GB18030, and what decodes is rare characters), so it is still
refused; a Chinese text worse than that is refused as badly damaged (``BadlyDamagedError``), not as of an
unknown encoding. A UTF-8 file with a paragraph pasted in GBK is read line by line (``mixed_lines``):
the paragraph is the unit's own words and figures, which � marks would have lost.
"""

from __future__ import annotations

import re

# The most frequent Chinese characters (simplified and traditional forms where they differ), as in
# any report: a right decoding is full of them, a wrong one almost never.
COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方"
    "后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开"
    "它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此"
    "变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老"
    "头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门"
    "即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花"
    "带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段"
    "研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳"
    "便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京"
    "识适属圆包火住调满县局照参红细引听该铁价严們為個國來時會發經對這學動說種現實兩體機進過業當從點產還關與應開"
)
FEW_BAD_SHARE = 0.01  # a share of a file's non-ASCII characters always taken for damage, not a wrong codec


def common_share(text: str) -> float:
    """Share of the CJK characters of ``text`` that are among the most common ones."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(1 for c in cjk if c in COMMON) / len(cjk) if cjk else 0.0


def _few_bad(text: str) -> bool:
    """Whether ``text``, decoded with replacement, has some bad bytes (�), but few of its non-ASCII ones."""
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return bool(bad and non_ascii and bad <= max(2, FEW_BAD_SHARE * non_ascii))


CHINESE_SHARE = 0.3  # of common characters: a report reads ~0.75, a wrong decoding ~0.02
# Of a plainly Chinese reading's non-ASCII bytes, the share that may fit no character. A bad byte in
# GBK also shifts the byte pairs after it; they are read in step again (``gb_resync``), but past about one
# byte in fifty (a GBK file with 0.5 % of its bytes damaged has 1 %) the text is too damaged to trust.
DAMAGED_SHARE = 0.02
_HIGH = bytes(range(128, 256))
_ESCAPED = re.compile("[\udc80-\udcff]")


class BadlyDamagedError(UnicodeDecodeError):
    """The bytes are Chinese text in ``encoding``, but too many of them are damaged to read it."""

    def __init__(self, encoding: str, data: bytes, share: float) -> None:
        super().__init__(encoding, data[:1], 0, 1, "badly damaged")
        self.share = share


def bad_share(data: bytes, codec: str) -> float:
    """Share of ``data``'s non-ASCII bytes that fit no character in ``codec``."""
    non_ascii = len(data) - len(data.translate(None, _HIGH))
    bad = len(_ESCAPED.findall(data.decode(codec, errors="surrogateescape")))
    return bad / non_ascii if non_ascii else 0.0


def damaged(data: bytes, codec: str) -> str | None:
    """The text of ``data`` in ``codec`` (bad bytes shown as �) when it is a damaged file in that codec:
    a few bad bytes, or up to ``DAMAGED_SHARE`` in a reading that is plainly Chinese. Raises
    ``BadlyDamagedError`` when the reading is plainly Chinese but damaged beyond that."""
    if codec == "gb18030":  # read in step after each bad byte, not garbled up to the next ASCII one
        from reviewer.gb_resync import resync_gb18030

        text = resync_gb18030(data)
    else:
        text = data.decode(codec, errors="replace")
    chinese = common_share(text) >= CHINESE_SHARE
    if _few_bad(text) and (chinese or codec == "utf-8"):  # Latin text with a stray byte is UTF-8 too
        return text
    if not chinese:
        return None
    share = bad_share(data, codec)
    if share > DAMAGED_SHARE:
        raise BadlyDamagedError(codec, data, share)
    return text


_JUDGED = 10  # Chinese characters that tell a GB18030 reading from nonsense


def mixed_lines(data: bytes) -> str | None:
    """The text of a UTF-8 file some of whose lines are GB18030 (a paragraph pasted in from a GBK file),
    each line in its own encoding; None unless both parts read plainly as Chinese."""
    lines: list[str] = []
    utf8: list[str] = []
    gb: list[str] = []
    for raw in data.split(b"\n"):
        try:
            line = raw.decode("utf-8")
            utf8.append(line)
        except UnicodeDecodeError:
            try:
                line = raw.decode("gb18030")
            except UnicodeDecodeError:
                return None  # damaged, not only mixed: read as damaged UTF-8 if it is
            gb.append(line)
        lines.append(line)
    pasted = "".join(gb)
    if not gb or common_share("".join(utf8)) < CHINESE_SHARE:  # a GBK file (or a not Chinese one)
        return None
    # Too few characters to judge (a damaged UTF-8 line of three may read as common ones by chance): read
    # as damaged UTF-8 instead.
    if sum(1 for c in pasted if "\u4e00" <= c <= "\u9fff") < _JUDGED or common_share(pasted) < CHINESE_SHARE:
        return None
    return "\n".join(lines)


def big5_or_gb18030(data: bytes) -> tuple[str, str] | None:
    """(text, codec) for bytes that decode both as Big5 and as GB18030: whichever reads as Chinese."""
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        return None
    gb = data.decode("gb18030")
    return (big5, "big5") if common_share(big5) > common_share(gb) else (gb, "gb18030")
