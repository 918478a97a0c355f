"""Full names of the bodies that issue Vietnamese legal and party documents, by the code of a symbol.

Why a table: a document symbol names its issuer by an abbreviation (`28-NQ/TW`, `249-KL/TU`,
`05/2020/NĐ-CP`, `79/KH-UBND`), which `legal_refs.issuer` keeps for joins and filters; an analyst
who does not read the abbreviations gets `legal_refs.issuer_name` from here. Maintained by hand:
add a code when a new one shows up in `legal_refs.issuer` with a null `issuer_name`.

Two codes name more than one body, and the full name says so rather than guess:
- `TW` (Trung ương) is used by the Central Committee, the Politburo and the Secretariat alike:
  `Trung ương Đảng`, unless the text names the body (`... của Bộ Chính trị`): then that body.
- `TU` is a provincial party committee, and also the city party committee of a centrally-run city
  (Hà Nội, TP. Hồ Chí Minh): `Tỉnh ủy`.
`UBND` and `HĐND` do not say at which level (province, district, commune).
"""
from __future__ import annotations

#: Issuer code (as `legal_refs.issuer` holds it: upper case, `TTg` as written officially) -> full name.
ISSUERS: dict[str, str] = {
    # Party
    "TW": "Trung ương Đảng",
    "TU": "Tỉnh ủy",
    "THU": "Thành ủy",
    "HU": "Huyện ủy",
    "QU": "Quận ủy",
    "ĐU": "Đảng ủy",
    "QUTW": "Quân ủy Trung ương",
    "ĐUQSTW": "Đảng ủy Quân sự Trung ương",
    "ĐUCA": "Đảng ủy Công an Trung ương",
    "BCSĐ": "Ban cán sự đảng",
    "BTGTW": "Ban Tuyên giáo Trung ương",
    "BTCTW": "Ban Tổ chức Trung ương",
    "BDVTW": "Ban Dân vận Trung ương",
    "BNCTW": "Ban Nội chính Trung ương",
    "UBKTTW": "Ủy ban Kiểm tra Trung ương",
    # State
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "BQP": "Bộ Quốc phòng",
    "BCA": "Bộ Công an",
    "BNG": "Bộ Ngoại giao",
    "BNV": "Bộ Nội vụ",
    "BTP": "Bộ Tư pháp",
    "BTC": "Bộ Tài chính",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BCT": "Bộ Công Thương",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BYT": "Bộ Y tế",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước",
    # Fronts and mass organisations
    "MTTQ": "Mặt trận Tổ quốc Việt Nam",
    "TLĐ": "Tổng Liên đoàn Lao động Việt Nam",
}

#: Bodies more precise than their code's name, kept when the text names them after the reference
#: (`Chỉ thị số 46 của Bộ Chính trị`): the forms of `legal.NAMED_ISSUERS`' alternatives.
NAMED_BODIES: frozenset[str] = frozenset({
    "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Thường vụ Tỉnh ủy",
    "Ban Chấp hành Đảng bộ tỉnh", "Ban Thường vụ Huyện ủy", "Ban Chấp hành Đảng bộ huyện",
})

#: Every value `legal_refs.issuer_name` can take (besides null).
NAMES: frozenset[str] = frozenset(ISSUERS.values()) | NAMED_BODIES


def full_name(code: str | None, named: str | None = None) -> str | None:
    """The issuer's full name: the body the text names when that is more precise than the code
    (`named`, one of NAMED_BODIES), else the code's name; None for a code not in ISSUERS."""
    if code is None:
        return None
    return named if named in NAMED_BODIES else ISSUERS.get(code)
