"""Safety checks on an Office Open XML package (.docx) before any library opens it.

python-docx unzips and parses every part itself, trusting the archive. Here the archive
is checked first: that it is a zip at all (a password-protected .docx and a legacy .doc
are OLE compound files), that its declared sizes are within limits, that each member
really inflates to no more than it declares (read with a cap, never whole), and that
no XML part carries a DTD: Word never writes one, and a DTD is what entity-expansion
attacks ("billion laughs", external entities) need.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any
from xml.sax import SAXException
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException
from defusedxml.expatreader import create_parser

from gklint.readers.base import MB, ReadError

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
MAX_MEMBERS = 5000
_CHUNK = 1 << 16


class _PrologDone(Exception):
    """Raised at the root element: a DTD can only come before it, so reading stops."""


class _StopAtRoot(ContentHandler):
    def startElement(self, name: str, attrs: object) -> None:  # noqa: N802 - SAX API name
        raise _PrologDone

    def startElementNS(self, name: object, qname: object, attrs: object) -> None:  # noqa: N802 - SAX API name
        raise _PrologDone


def check_package(data: bytes, *, max_unpacked: int, max_xml: int) -> None:
    """Raise `ReadError` unless ``data`` is a zip that is safe to hand to python-docx.

    ``max_unpacked`` bounds the total inflated size of all members; ``max_xml`` bounds
    the inflated size of the XML parts together, since those become in-memory trees.
    """
    if data.startswith(OLE_MAGIC):
        raise ReadError(
            "this is an encrypted (password-protected) .docx or a legacy Word 97-2003 .doc; "
            "remove the password or save it as .docx",
            zh="这是加密（设有密码）的 .docx 或旧版 Word 97-2003 .doc 文件；请去掉密码或另存为 .docx",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError(
            "not a valid .docx: the file is damaged or truncated (not a readable zip archive)",
            zh="不是有效的 .docx：文件已损坏或不完整（无法作为 zip 压缩包读取）",
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ReadError(
                f"not a plausible .docx: {len(members)} archive members",
                zh=f"不像 .docx 文件：压缩包内有 {len(members)} 个成员",
            )
        names = {member.filename for member in members}
        if "word/document.xml" not in names:
            raise ReadError(
                "not a Word document: the archive has no word/document.xml",
                zh="不是 Word 文档：压缩包中没有 word/document.xml",
            )
        declared = sum(member.file_size for member in members)
        if declared > max_unpacked:
            raise _too_big(declared, max_unpacked)
        xml_declared = sum(member.file_size for member in members if _is_xml(member.filename))
        if xml_declared > max_xml:
            raise ReadError(
                f"its XML parts unpack to {xml_declared / MB:.3g} MB, over the {max_xml / MB:.3g} MB limit",
                zh=f"其中 XML 部分解压后为 {xml_declared / MB:.3g} MB，超过 {max_xml / MB:.3g} MB 的上限",
            )
        for member in members:
            _check_member(archive, member)


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def _too_big(size: int, limit: int) -> ReadError:
    return ReadError(
        f"it unpacks to {size / MB:.3g} MB, over the {limit / MB:.3g} MB limit (zip bomb?)",
        zh=f"解压后为 {size / MB:.3g} MB，超过 {limit / MB:.3g} MB 的上限（疑似压缩炸弹）",
    )


def _check_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Inflate one member in chunks, at most one byte past its declared size."""
    screen = _dtd_screen() if _is_xml(member.filename) else None
    total = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > member.file_size:
                    raise ReadError(
                        f"{member.filename} inflates past its declared size (zip bomb?)",
                        zh=f"{member.filename} 解压后超过其声明的大小（疑似压缩炸弹）",
                    )
                if screen is not None:
                    try:
                        screen.feed(chunk)
                    except _PrologDone:
                        screen = None
    except ReadError:
        raise
    except DefusedXmlException:
        raise ReadError(
            f"{member.filename} declares a DTD or XML entities, which Word never writes; refused as unsafe",
            zh=f"{member.filename} 声明了 DTD 或 XML 实体（Word 从不写入），出于安全考虑拒绝读取",
        ) from None
    except SAXException as exc:
        raise ReadError(
            f"{member.filename} is not well-formed XML: {exc.getMessage()}",
            zh=f"{member.filename} 不是格式正确的 XML：{exc.getMessage()}",
        ) from None
    except RuntimeError:  # zipfile: member encrypted with a zip password
        raise ReadError(
            f"{member.filename} is encrypted; remove the password", zh=f"{member.filename} 已加密；请去掉密码"
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise ReadError(
            f"the archive is damaged ({member.filename}: {exc})", zh=f"压缩包已损坏（{member.filename}：{exc}）"
        ) from None


def _dtd_screen() -> Any:  # defusedxml's SAX parser is untyped
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(_StopAtRoot())
    return parser
