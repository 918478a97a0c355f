"""The maintained outlet table: lead-prefix abbreviations, domains and alternative names, each
mapped to the outlet's ONE canonical name (its official name as the outlet writes it: masthead,
copyright or reuse line; see tests/gold/README.md, "Canonical outlet names").

Why a separate module: this is data that grows with every new portal, reviewed on its own; the
rules that use it live in `bantin.extract.outlets`. Provincial papers, portals and stations are not
listed: they are derived from the gazetteer there.
"""
from __future__ import annotations

PREFIXES: dict[str, str] = {  # lead prefix abbreviations
    "BDK": "Báo Đồng Khởi", "THTG": "Đài Phát thanh và Truyền hình Tiền Giang",
    "TTXVN": "Thông tấn xã Việt Nam", "VOV": "Báo Điện tử Đài Tiếng nói Việt Nam",
    "VTV": "Báo điện tử VTV News", "NDO": "Báo Nhân Dân", "TTO": "Báo Tuổi Trẻ",
    "QĐND": "Báo Quân đội nhân dân", "CAND": "Báo Công an nhân dân", "QNO": "Báo Quảng Nam",
    "BNA": "Báo Nghệ An", "ĐBP": "Báo Điện Biên Phủ", "BHG": "Báo Hà Giang",
    "BP": "Báo Bình Phước", "BTNO": "Báo Tây Ninh", "HNM": "Báo Hànộimới",
    "PLO": "Báo Pháp Luật TP.HCM", "ANTĐ": "Báo An ninh Thủ đô", "NLĐO": "Báo Người Lao Động",
    "ĐTO": "Báo Đồng Tháp", "SGGP": "Báo Sài Gòn Giải Phóng", "PL&XH": "Báo Pháp luật & Xã hội",
    "NDH": "NDH", "NNVN": "Báo Nông nghiệp Việt Nam",
}
DOMAINS: dict[str, str] = {
    "nbtv.vn": "Đài Phát thanh và Truyền hình Ninh Bình",
    "thtg.vn": "Đài Phát thanh và Truyền hình Tiền Giang",
    "baodongkhoi.vn": "Báo Đồng Khởi", "baoapbac.vn": "Báo Ấp Bắc",
    "baodienbienphu.com.vn": "Báo Điện Biên Phủ", "hanoimoi.vn": "Báo Hànộimới",
    "hanoimoi.com.vn": "Báo Hànộimới", "sggp.org.vn": "Báo Sài Gòn Giải Phóng",
    "qdnd.vn": "Báo Quân đội nhân dân", "cand.com.vn": "Báo Công an nhân dân",
    "nhandan.vn": "Báo Nhân Dân", "nhandan.com.vn": "Báo Nhân Dân",
    "bienphong.com.vn": "Báo Biên phòng", "baochinhphu.vn": "Báo Điện tử Chính phủ",
    "chinhphu.vn": "Báo Điện tử Chính phủ",  # its `(Chinhphu.vn) -` lead prefix
    "vietnamplus.vn": "VietnamPlus",
    "tuoitre.vn": "Báo Tuổi Trẻ", "thanhnien.vn": "Báo Thanh Niên", "vnexpress.net": "VnExpress",
    "dangcongsan.vn": "Báo điện tử Đảng Cộng sản Việt Nam",
    "dangcongsan.org.vn": "Báo điện tử Đảng Cộng sản Việt Nam",
    "tapchicongsan.org.vn": "Tạp chí Cộng sản", "vov.vn": "Báo Điện tử Đài Tiếng nói Việt Nam",
    "vtv.vn": "Báo điện tử VTV News", "baotintuc.vn": "Báo Tin tức",
    "laodong.vn": "Báo Lao Động", "tienphong.vn": "Báo Tiền Phong", "dantri.com.vn": "Báo điện tử Dân trí",
    "vietnamnet.vn": "VietNamNet", "plo.vn": "Báo Pháp Luật TP.HCM",
    "anninhthudo.vn": "Báo An ninh Thủ đô", "daibieunhandan.vn": "Báo Đại biểu Nhân dân",
    "bocongan.gov.vn": "Cổng Thông tin điện tử Bộ Công an",
    "mod.gov.vn": "Cổng Thông tin điện tử Bộ Quốc phòng", "quochoi.vn": "Cổng Thông tin điện tử Quốc hội",
    "antd.vn": "Báo An ninh Thủ đô", "nld.com.vn": "Báo Người Lao Động", "vtc.vn": "Báo VTC News",
    "kenh14.vn": "Kenh14", "vietbao.vn": "Vietbao", "zing.vn": "Zing News", "news.zing.vn": "Zing News",
    "znews.vn": "Zing News", "baogiaothong.vn": "Báo Giao thông", "baophapluat.vn": "Báo Pháp luật Việt Nam",
    "nguoiduatin.vn": "Người Đưa Tin", "danviet.vn": "Báo điện tử Dân Việt", "baodatviet.vn": "Báo Đất Việt",
    "baocongthuong.com.vn": "Báo Công Thương", "ictnews.vn": "ICTnews", "ndh.vn": "NDH",
    "nongnghiep.vn": "Báo Nông nghiệp Việt Nam",
    "giaothongvantai.com.vn": "Báo Giao thông",  # the paper's site when it was Báo Giao thông Vận tải
}
# Names outlets sign with other than their canonical one (online editions, brand spellings).
ALIASES: dict[str, str] = {
    "Tuổi Trẻ Online": "Báo Tuổi Trẻ", "Vietnam+": "VietnamPlus", "Báo điện tử VietnamPlus": "VietnamPlus",
    "Báo điện tử VnExpress": "VnExpress", "Thanh Niên Online": "Báo Thanh Niên",
    "Báo Công an Nhân dân điện tử": "Báo Công an nhân dân", "VOV online": "Báo Điện tử Đài Tiếng nói Việt Nam",
    "Báo Tin tức và Dân tộc": "Báo Tin tức",  # the paper's name since 2025
    "Dân Việt": "Báo điện tử Dân Việt", "Đất Việt": "Báo Đất Việt",
    "QĐND Online": "Báo Quân đội nhân dân", "CôngThương": "Báo Công Thương",  # their lead tags
}

# Tags that open a lead with no dash or brackets (`Dân trí “Sao ba mẹ ...`), written exactly so.
BARE_LEAD_TAGS: tuple[str, ...] = ("Dân trí",)

# Cores that mean "news" itself (`TIN TỨC` menu items): never a masthead without `Báo`.
GENERIC_CORES = frozenset({"tin tức"})
