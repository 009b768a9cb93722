// Words the reader recognises: document types, mottos, signer titles, unit heads, OCR slips.

/** Document types as printed on the type line, with their plan code. */
export const TYPE_NAMES: {
  name: string;
  code: 'KH' | 'CT' | 'NQ' | 'KL' | 'QD' | 'CV' | 'KHAC';
  abbreviation: string;
}[] = [
  { name: 'Kế hoạch', code: 'KH', abbreviation: 'KH' },
  { name: 'Chỉ thị', code: 'CT', abbreviation: 'CT' },
  { name: 'Nghị quyết', code: 'NQ', abbreviation: 'NQ' },
  { name: 'Quyết định', code: 'QD', abbreviation: 'QĐ' },
  { name: 'Kết luận', code: 'KL', abbreviation: 'KL' },
  { name: 'Công văn', code: 'CV', abbreviation: 'CV' },
  { name: 'Chương trình', code: 'KHAC', abbreviation: 'CTr' },
  { name: 'Hướng dẫn', code: 'KHAC', abbreviation: 'HD' },
  { name: 'Thông báo', code: 'KHAC', abbreviation: 'TB' },
  { name: 'Thông tri', code: 'KHAC', abbreviation: 'TTr' },
  { name: 'Quy định', code: 'KHAC', abbreviation: 'QyĐ' },
  { name: 'Quy chế', code: 'KHAC', abbreviation: 'QC' },
  { name: 'Đề án', code: 'KHAC', abbreviation: 'ĐA' },
  { name: 'Báo cáo', code: 'KHAC', abbreviation: 'BC' },
];

export const MOTTO_LINES = [
  /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u,
  /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/iu,
  /^ĐẢNG CỘNG SẢN VIỆT NAM$/u,
];

/** Signer titles, longest first so "PHÓ CHỦ TỊCH" wins over "CHỦ TỊCH". */
export const SIGNER_TITLES = [
  'PHÓ CHÁNH VĂN PHÒNG',
  'CHÁNH VĂN PHÒNG',
  'PHÓ TRƯỞNG PHÒNG',
  'PHÓ TRƯỞNG BAN',
  'PHÓ GIÁM ĐỐC',
  'PHÓ CHỦ TỊCH',
  'PHÓ BÍ THƯ',
  'PHÓ CHÁNH THANH TRA',
  'CHÁNH THANH TRA',
  'TRƯỞNG PHÒNG',
  'TRƯỞNG BAN',
  'GIÁM ĐỐC',
  'CHỦ TỊCH',
  'BÍ THƯ',
  'BỘ TRƯỞNG',
  'THỨ TRƯỞNG',
  'THỦ TƯỚNG',
  'PHÓ THỦ TƯỚNG',
  'CHÁNH ÁN',
  'VIỆN TRƯỞNG',
  'PHÓ BÍ THƯ THƯỜNG TRỰC',
  'BÍ THƯ THƯỜNG TRỰC',
].sort((a, b) => b.length - a.length);

/** Words a signer's title line starts with ("GIÁM ĐỐC SỞ NỘI VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"). */
export const TITLE_HEADS = [
  'PHÓ',
  'CHỦ TỊCH',
  'GIÁM ĐỐC',
  'BÍ THƯ',
  'TRƯỞNG',
  'CHÁNH',
  'THỦ TRƯỞNG',
  'BỘ TRƯỞNG',
  'THỨ TRƯỞNG',
  'THỦ TƯỚNG',
  'VIỆN TRƯỞNG',
  'TỔNG',
  'HIỆU TRƯỞNG',
  'KT.',
  'Q.',
];

/** Authority prefixes: the state's with a dot (Nghị định 30), the Party's with a slash (Hướng dẫn 36). */
export const AUTHORITY_PREFIX = /^(?:(?:TM|KT|Q|TL|TUQ)\.|(?:T\/M|K\/T|T\/L|T\/UQ)(?=\s))\s*/u;
/** Prefixes that need a title line under them (Q. is a title itself: "Q. CHỦ TỊCH"). */
export const PREFIX_NEEDS_TITLE = /^(?:(?:TM|KT|TL|TUQ)\.|T\/M|K\/T|T\/L|T\/UQ)/u;

/**
 * Capitalised words that begin a unit's name. A fragment of a list of units starts a new unit
 * only with one of these: "Trung tâm Văn hóa, Thông tin và Thể thao" stays one unit, while
 * "Sở Tư pháp, Thanh tra tỉnh" is two.
 */
export const UNIT_HEADS = [
  'Sở',
  'Phòng',
  'Ban',
  'Thanh tra',
  'UBND',
  'Ủy ban',
  'Uỷ ban',
  'UBMTTQ',
  'MTTQ',
  'Mặt trận',
  'HĐND',
  'Hội đồng',
  'Trung tâm',
  'Văn phòng',
  'Công an',
  'Bộ Chỉ huy',
  'Ban Chỉ huy',
  'Các',
  'Hội',
  'Đoàn',
  'Liên đoàn',
  'Đài',
  'Báo',
  'Cục',
  'Chi cục',
  'Kho bạc',
  'Bảo hiểm',
  'Viện',
  'Trường',
  'Bệnh viện',
  'Công chức',
  'Cán bộ',
  'Đảng ủy',
  'Đảng uỷ',
  'Huyện ủy',
  'Thành ủy',
  'Tỉnh ủy',
  'Thị ủy',
  'Chi nhánh',
  'Tòa án',
  'Viện kiểm sát',
  'Thường trực',
  'Chủ tịch',
  'Lãnh đạo',
  'Bộ',
  'Tổ',
  'Đội',
  'Hạt',
  'Trạm',
  'Cơ quan',
  'Đơn vị',
  'Thủ trưởng',
  'Người đứng đầu',
  'Ngân hàng',
  'Điện lực',
  'Lực lượng',
  'Quân sự',
  'Ủy ban Mặt trận',
  'BCH',
  'Giám đốc',
  'Trưởng',
  'Bí thư',
  'Khối',
  'Đảng đoàn',
  'Ban cán sự',
  'Đảng bộ',
  'Chi bộ',
  'Công đoàn',
].sort((a, b) => b.length - a.length);

/** Abbreviations expanded before a name is matched to the register (folded, lower case). */
export const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubmttq\b/g, 'uy ban mat tran to quoc'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bcchc\b/g, 'cai cach hanh chinh'],
  [/\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bld tb va xh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\bkh dt\b/g, 'ke hoach va dau tu'],
  [/\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bgddt\b/g, 'giao duc va dao tao'],
  [/\btp\b/g, 'thanh pho'],
  [/\btt\b/g, 'thi tran'],
  [/\btx\b/g, 'thi xa'],
  [/\bbch\b/g, 'ban chap hanh'],
];

/**
 * OCR and typing slips seen in scanned documents, fixed only where the slip cannot be a real
 * word in that place ("Tinh ủy" is never right, "tinh thần" is).
 */
export const OCR_FIXES: [RegExp, string][] = [
  // "uỷ" and "ủy" are the same word written two ways: one spelling everywhere
  [/(?<![\p{L}])uỷ(?![\p{L}])/gu, 'ủy'],
  [/(?<![\p{L}])Uỷ(?![\p{L}])/gu, 'Ủy'],
  [/(?<![\p{L}])UỶ(?![\p{L}])/gu, 'ỦY'],
  [/KÉ HOẠCH/gu, 'KẾ HOẠCH'],
  [/KỂ HOẠCH/gu, 'KẾ HOẠCH'],
  [/Ké hoạch/gu, 'Kế hoạch'],
  [/QUYÉT ĐỊNH/gu, 'QUYẾT ĐỊNH'],
  [/NGHỊ QUYÉT/gu, 'NGHỊ QUYẾT'],
  [/KÉT LUẬN/gu, 'KẾT LUẬN'],
  [/CHỈ THI(?![\p{L}])/gu, 'CHỈ THỊ'],
  [/CỘNG HOÀ/gu, 'CỘNG HÒA'],
  [/XÃ HỘI CHỦ NGHIA/gu, 'XÃ HỘI CHỦ NGHĨA'],
  [/(?<![\p{L}])Tinh ủy(?![\p{L}])/gu, 'Tỉnh ủy'],
  [/(?<![\p{L}])TINH ỦY(?![\p{L}])/gu, 'TỈNH ỦY'],
  [/(?<![\p{L}])Uy ban(?![\p{L}])/gu, 'Ủy ban'],
  [/(?<![\p{L}])UY BAN(?![\p{L}])/gu, 'ỦY BAN'],
  [/NHÂN DẦN/gu, 'NHÂN DÂN'],
  [/(?<![\p{L}])Căn củ(?![\p{L}])/gu, 'Căn cứ'],
  [/(?<![\p{L}])(?:Nơi nhân|Noi nhận|Noi nhan|Nơi nhan)\s*:/gu, 'Nơi nhận:'],
  [/(?<![\p{L}])(?:Luu|Lưư)(?=\s*:?\s*VT\b)/gu, 'Lưu'],
  [/(?<![\p{L}])Sô:/gu, 'Số:'],
  [/(?<![\p{L}])Quy ché(?![\p{L}])/gu, 'Quy chế'],
  [/(?<![\p{L}])ngảy(?![\p{L}])/gu, 'ngày'],
  [/(?<![\p{L}])thảng(?![\p{L}])/gu, 'tháng'],
  [/(?<![\p{L}])nãm(?![\p{L}])/gu, 'năm'],
];
