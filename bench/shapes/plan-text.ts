// Hostile shapes of plan text, each built to a given size: the forms that made the old reader's
// patterns backtrack (issue 21) and the ones a careless rewrite would make slow again. Used by the
// adversarial tests (results checked) and by `npm run bench` (time as a ratio to splitting lines).

export interface Shape {
  name: string;
  build: (size: number) => string;
}

const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

export const HEADER =
  'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nTam Kỳ, ngày 05 tháng 02 năm 2025\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2025\n';

export const SHAPES: Shape[] = [
  {
    name: 'Nơi nhận: thousands of "- ;" on one line',
    build: (n) => `${HEADER}I. NỘI DUNG\nThực hiện./.\nNơi nhận: ${repeat('- A; ', n)}- Lưu: VT.`,
  },
  {
    name: 'Nơi nhận: one entry of 1 MB of ";"',
    build: (n) => `${HEADER}Thực hiện./.\nNơi nhận:\n- ${repeat(';', n)}x\n- Lưu: VT.`,
  },
  {
    name: 'Lưu entry followed by ". a" repeated',
    build: (n) => `${HEADER}Thực hiện./.\nNơi nhận: - UBND tỉnh; - Lưu: VT${repeat('. a', n)}`,
  },
  {
    name: 'capital words then a lower-case end (signature splitter)',
    build: (n) => `${HEADER}Thực hiện./.\nNơi nhận:\n- Lưu: VT.\n${repeat('A ', n)}a`,
  },
  {
    name: 'one 1 MB line of lower-case words',
    build: (n) => `${HEADER}I. NỘI DUNG\n${repeat('việc thực hiện dân chủ ở cơ sở ', n)}`,
  },
  {
    name: 'lower-case lines to join (hard wraps)',
    build: (n) => `${HEADER}I. NỘI DUNG\nBắt đầu\n${repeat('tiếp tục thực hiện nội dung\n', n)}`,
  },
  {
    name: 'mottos repeated on one header line',
    build: (n) => `${repeat('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ', n)}\nSố: 1/KH-UBND\nKẾ HOẠCH\nTên`,
  },
  {
    name: 'mottos, one per line',
    build: (n) => `${repeat('ĐẢNG CỘNG SẢN VIỆT NAM\n', n)}Số 09-CT/TU\nCHỈ THỊ\nvề việc`,
  },
  {
    name: 'percent targets on one line',
    build: (n) => `${HEADER}I. CHỈ TIÊU\n${repeat('trên 80% cơ quan đạt ít nhất 01 mô hình, ', n)}`,
  },
  {
    name: 'deadlines on one line',
    build: (n) => `${HEADER}I. TỔ CHỨC THỰC HIỆN\nbáo cáo ${repeat('6 tháng (trước ngày 10/6) ', n)}`,
  },
  {
    name: '"phối hợp với" repeated (support units)',
    build: (n) => `${HEADER}I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: Chủ trì, ${repeat('phối hợp với Sở Tư pháp ', n)}`,
  },
  {
    name: 'bases paragraph of commas and capitals',
    build: (n) =>
      `${HEADER}Căn cứ ${repeat('Luật A, Nghị định B; ', n)}UBND tỉnh ban hành kế hoạch như sau:\nI. NỘI DUNG`,
  },
  {
    name: 'units list of commas (splitter)',
    build: (n) => `${HEADER}I. TỔ CHỨC THỰC HIỆN\n1. ${repeat('Sở A, ', n)}Sở B chủ trì thực hiện.`,
  },
  {
    name: 'truncation marks and page numbers',
    build: (n) => `${HEADER}I. NỘI DUNG\n${repeat('[...]\n2\nđoạn văn\n', n)}`,
  },
  { name: 'spaces and separators only', build: (n) => repeat(' ;,.-\t|*_ ', n) },
];
