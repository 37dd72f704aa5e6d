"""Plain-text and markdown reports: encoding detection and line ends."""

from __future__ import annotations

import codecs
import re

from gklint.readers.base import ReadError, SourceDocument
from gklint.suppression import take_text_comments

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings that can hold a Chinese report. A detector answer outside this list means
# the bytes are not Chinese text (binary, or a Latin page), and guessing would be wrong.
_CHINESE_CAPABLE = {
    "gb18030": "gb18030",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "hz": "hz",
    "big5": "big5",
    "big5hkscs": "big5hkscs",
    "cp950": "cp950",
    "utf_16": "utf-16",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes; returns the text and the encoding used.

    A BOM decides; then strict UTF-8; then charset-normalizer, whose answer is accepted
    only if it is an encoding that can hold Chinese (GB18030 stands in for GBK/GB2312,
    of which it is a superset).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"not valid {encoding} despite its byte-order mark: {exc.reason}",
                    zh=f"文件带有 {encoding} 字节序标记，内容却不是有效的 {encoding}：{exc.reason}",
                ) from None
    if b"\x00" in data:
        raise ReadError(
            "binary file (contains NUL bytes), not a text report", zh="二进制文件（含 NUL 字节），不是文本报告"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # noqa: PLC0415 - slow to import; UTF-8 files never need it

    best = charset_normalizer.from_bytes(data).best()
    detected = _CHINESE_CAPABLE.get(best.encoding) if best is not None else None
    if detected is None:
        guess = f" (best guess {best.encoding}, which cannot hold Chinese text)" if best is not None else ""
        guess_zh = f"（最接近的是 {best.encoding}，但它不能表示中文）" if best is not None else ""
        raise ReadError(
            f"cannot determine the text encoding{guess}; save the file as UTF-8",
            zh=f"无法确定文本编码{guess_zh}；请另存为 UTF-8",
        )
    try:
        return data.decode(detected), detected
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"cannot decode as {detected}: {exc.reason}; save the file as UTF-8",
            zh=f"无法按 {detected} 解码：{exc.reason}；请另存为 UTF-8",
        ) from None


def read_text_bytes(data: bytes, path: str) -> SourceDocument:
    """Decode a .txt/.md report; CRLF and CR line ends become LF (lines stay the same).

    Suppression comments are taken out of the text (`gklint.suppression`).
    """
    text, encoding = decode(data)
    text, suppressions = take_text_comments(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ReadError("file is empty", zh="文件为空")
    if len(_CONTROL.findall(text[:20000])) > 20:
        raise ReadError(
            "binary file (control characters), not a text report", zh="二进制文件（含控制字符），不是文本报告"
        )
    return SourceDocument(path=path, text=text, format="text", encoding=encoding, suppressions=suppressions)
