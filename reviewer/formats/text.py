"""Plain text → report text: the encoding cascade of ``reviewer.load``, line ends made ``\\n``."""

from __future__ import annotations

from reviewer.formats.base import Context, Extracted, FormatProblem


def read_text(data: bytes, ctx: Context) -> Extracted:
    from reviewer.load import bomless_utf16, decode_text, looks_binary, normalise_newlines

    utf16 = bomless_utf16(data)
    if utf16 is not None:
        return Extracted(normalise_newlines(data.decode(utf16)), "txt", utf16)
    if not data.strip(b"\x00"):  # a copy that was never written: nothing to save "as .txt"
        raise FormatProblem("corrupt", "文件中没有文字（内容全是空字节），文件已损坏或没有保存完整")
    if looks_binary(data):
        raise FormatProblem("binary", "不是文本文件（内容为二进制数据），请另存为 .txt 或 .docx 后再打开")
    from reviewer.encoding import BadlyDamagedError

    try:
        text, enc = decode_text(data)
    except BadlyDamagedError as exc:
        name = "GBK/GB18030" if exc.encoding == "gb18030" else "UTF-8"
        raise FormatProblem("undecodable", f"文本已严重损坏：约 {exc.share:.1%} 的中文字节无法按 {name} 解码，"
                                           "无法可靠读取；请让报送单位重新发送") from exc
    except UnicodeDecodeError as exc:
        raise FormatProblem("undecodable", "无法识别文本编码，请另存为 UTF-8 编码的 .txt") from exc
    return Extracted(normalise_newlines(text), "txt", enc)
