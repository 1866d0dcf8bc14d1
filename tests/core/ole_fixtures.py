"""Word 97 binary files built byte by byte, since no package on the registries writes .doc.

``compound_file`` lays out an OLE2 compound file (version 3, 512-byte sectors) as [MS-CFB]
describes it: header, FAT, directory, then each stream in its own run of sectors. Streams are
padded to the 4096-byte mini-stream cutoff so no mini FAT is needed. ``word97`` writes the FIB
fields the reader uses and a piece table with one cp1252 piece and one UTF-16 piece.
"""

from __future__ import annotations

import struct

SECTOR = 512
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _dir_entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    raw = (name + "\0").encode("utf-16-le")
    entry = raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
    entry += struct.pack("<III", NOSTREAM, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
    return entry + struct.pack("<IQ", start, size)


def compound_file(streams: dict[str, bytes]) -> bytes:
    datas = [d.ljust(max(len(d), 4096), b"\0") for d in streams.values()]
    counts = [-(-len(d) // SECTOR) for d in datas]
    dir_sectors = -(-128 * (len(streams) + 1) // SECTOR)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + dir_sectors + sum(counts):
        fat_sectors += 1
    fat = [FATSECT] * fat_sectors
    dir_start = len(fat)
    fat += [*range(dir_start + 1, dir_start + dir_sectors), END]
    starts = []
    for n in counts:
        starts.append(len(fat))
        fat += [*range(len(fat) + 1, len(fat) + n), END]
    fat += [FREE] * (fat_sectors * 128 - len(fat))
    names = list(streams)
    entries = [_dir_entry("Root Entry", 5, 1, NOSTREAM, END, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        entries.append(_dir_entry(name, 2, NOSTREAM, right, starts[i], len(datas[i])))
    directory = b"".join(entries).ljust(dir_sectors * SECTOR, b"\0")
    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    header = MAGIC + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, fat_sectors, dir_start, 0, 4096, END, 0, END, 0)
    header += struct.pack("<109I", *difat)
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(d.ljust(n * SECTOR, b"\0")
                                                                    for d, n in zip(datas, counts, strict=True))
    return header + body


def _chpx_page(fcs: list[int], deleted: list[bool]) -> bytes:
    """A ChpxFkp page: runs between the byte offsets ``fcs``, those flagged carrying sprmCFRMarkDel."""
    page = bytearray(512)
    crun = len(deleted)
    struct.pack_into(f"<{crun + 1}I", page, 0, *fcs)
    page[500:504] = bytes([3]) + struct.pack("<H", 0x0800) + b"\x01"  # Chpx: cb, then the one sprm
    for i, flag in enumerate(deleted):
        page[4 * (crun + 1) + i] = 250 if flag else 0  # word offset of the Chpx (0: no properties)
    page[511] = crun
    return bytes(page)


def word97(text: str, *, ascii_head: str = "", tail: str = "", encrypted: bool = False,
           one_table: bool = True, nfib: int = 0x00C1, deleted: tuple[int, int] | None = None) -> bytes:
    """A .doc whose main document is ``ascii_head`` (an 8-bit piece) + ``text`` (a UTF-16 piece).

    ``tail`` follows the main document (as headers and footnotes do) and must not be read.
    Paragraph marks are ``\\r``; ``\\x07`` ends cells, ``\\x13 code \\x14 result \\x15`` are fields.
    ``deleted``: characters [start, end) of ``text`` that are a tracked deletion (Word keeps them
    in the file, marked in the character formatting pages, until the change is accepted).
    """
    text_at = 0x800
    head = ascii_head.encode("cp1252")
    utf16 = (text + tail).encode("utf-16-le")
    utf16_at = text_at + len(head) + (len(head) % 2)
    flags = (0x0200 if one_table else 0) | (0x0100 if encrypted else 0)
    fib = bytearray(utf16_at + len(utf16))
    struct.pack_into("<HHHHH", fib, 0, 0xA5EC, nfib, 0, 0x0804, 0)
    struct.pack_into("<H", fib, 0x0A, flags)
    struct.pack_into("<H", fib, 0x20, 14)
    struct.pack_into("<H", fib, 0x3E, 22)
    struct.pack_into("<i", fib, 0x40 + 12, len(ascii_head) + len(text))  # ccpText
    struct.pack_into("<H", fib, 0x98, 0x5D)
    fib[text_at : text_at + len(head)] = head
    fib[utf16_at : utf16_at + len(utf16)] = utf16
    n1, n2 = len(ascii_head), len(text) + len(tail)
    cps = [0, n1, n1 + n2] if n1 else [0, n2]
    fcs = [(text_at * 2) | 0x40000000, utf16_at] if n1 else [utf16_at]
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in fcs)
    prc = b"\x01" + struct.pack("<H", 3) + b"\x00\x00\x00"  # one property modifier to skip
    clx = prc + b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", fib, 0x9A + 8 * 33, 0, len(clx))
    if deleted is not None:
        end = utf16_at + len(utf16)
        cuts = [utf16_at, utf16_at + 2 * deleted[0], utf16_at + 2 * deleted[1], end]
        pn = -(-len(fib) // 512)
        fib += bytes(pn * 512 - len(fib)) + _chpx_page(cuts, [False, True, False])
        plc = struct.pack("<III", utf16_at, end, pn)  # PlcBteChpx: one page for the whole text
        struct.pack_into("<II", fib, 0x9A + 8 * 12, len(clx), len(plc))
        clx += plc
    table = "1Table" if one_table else "0Table"
    return compound_file({"WordDocument": bytes(fib), table: clx})
