// The plan-text reader on the two real plans: every field checked by hand against the seeds,
// then the same plans made noisy (web header, scrape markup, OCR slips, flattened header and
// signature, footnotes, emoji, NFD, CRLF, renumbered headings) must give the same proposal.
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/main/features/plan-import/reader/parse';
import { proposalJson } from '../../src/main/features/plan-import/cli';
import { chiLang, longKhanh, at } from './plan-text-case';

describe('Long Khánh plan (468/KH-UBND)', () => {
  const p = parsePlanText(longKhanh);
  const j = proposalJson(p);

  it('reads the header', () => {
    expect(j).toMatchObject({
      type: 'Kế hoạch',
      number: '468',
      symbol: 'KH-UBND',
      place: 'Long Khánh',
      date: '2024-03-27',
      issuer: null,
      parentIssuer: null,
      title: 'Thực hiện công tác dân vận chính quyền năm 2024',
    });
    expect(p.planType).toBe('KH');
    expect(at(p, p.number.spans[0]!)).toBe('468');
    expect(at(p, p.title.spans[0]!)).toBe('Thực hiện công tác dân vận chính quyền năm 2024');
  });

  it('reads the two legal bases of the one "Căn cứ" paragraph, not its closing clause', () => {
    expect(j.legalBases).toEqual([
      'Căn cứ Chỉ thị số 33-CT/TU ngày 12/3/2024 của Ban Thường vụ Tỉnh ủy về xây dựng và thực hiện mô hình “ Chính quyền thân thiện” xã, phường, thị trấn trên địa bàn tỉnh Đồng Nai trong tình hình hiện nay',
      'Chương trình số 51-CTr/TU ngày 05/02/2024 của Ban Chấp hành Đảng bộ thành phố Long Khánh về Chương trình công tác dân vận năm 2024',
    ]);
  });

  it('builds the heading tree I, III (II is missing in the source), IV with 1., a), dashes', () => {
    expect(p.sections.map((s) => [s.label, s.title])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU'],
      ['III', 'NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN'],
      ['IV', 'TỔ CHỨC THỰC HIỆN'],
    ]);
    expect(p.sections[0]!.children).toEqual([]);
    expect(p.sections[0]!.text.split('\n')).toHaveLength(6);
    expect(
      p.sections[0]!.text.startsWith('Chủ đề năm 2024: “Xây dựng chính quyền thân thiện” trên địa bàn thành phố;'),
    ).toBe(true);
    const iii = p.sections[1]!;
    expect(iii.children.map((c) => c.label)).toEqual(['1', '2', '3', '4']);
    expect(iii.children[3]!.title).toBe('Công tác tôn giáo, dân tộc');
    expect(iii.children[0]!.children.map((c) => c.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const h = iii.children[0]!.children[7]!;
    expect(h.children).toHaveLength(7);
    expect(h.children.every((c) => c.label === '-' && c.level === 4)).toBe(true);
    expect(h.children[0]!.title).toBe(
      'Dự thảo văn kiện Đại hội Đảng các cấp, nhiệm kỳ 2025-2030 về lĩnh vực công tác dân vận',
    );
    // the page break inside "tăng cường công / tác lãnh đạo" is joined
    expect(h.children[6]!.title).toContain('tăng cường công tác lãnh đạo, quản lý');
    // "Quy / ché số 14-QC/TU" joined across the page break and the OCR slip fixed
    expect(iii.children[0]!.children[1]!.title).toContain('Quy chế số 14-QC/TU');
    expect(p.sections[2]!.children.map((c) => c.title)).toEqual([
      'Phòng Nội vụ',
      'Phòng Dân tộc',
      'Thanh tra thành phố',
      'Phòng Lao động Thương binh và Xã hội',
      'Phòng Kinh tế',
      'Trung tâm Văn hóa, Thông tin và thể thao thành phố',
      'Các cơ quan, đơn vị sự nghiệp và UBND các phường, xã',
    ]);
  });

  it('reads the seven assignments with their units', () => {
    expect(p.tasks.map((t) => [t.section, t.units.map((u) => `${u.role}:${u.name}`)])).toEqual([
      ['IV.1', ['lead:Phòng Nội vụ', 'support:UBND các phường, xã', 'support:Ban Dân vận Thành ủy']],
      ['IV.2', ['lead:Phòng Dân tộc', 'support:Ban Dân vận Thành ủy', 'support:UBND các phường, xã']],
      ['IV.3', ['lead:Thanh tra thành phố']],
      ['IV.4', ['lead:Phòng Lao động Thương binh và Xã hội', 'support:UBND các phường, xã']],
      ['IV.5', ['lead:Phòng Kinh tế']],
      ['IV.6', ['lead:Trung tâm Văn hóa, Thông tin và thể thao thành phố']],
      ['IV.7', ['lead:Các cơ quan, đơn vị sự nghiệp', 'lead:UBND các phường, xã']],
    ]);
    expect(p.tasks[0]!.text.split('\n')).toHaveLength(8);
    expect(p.tasks[0]!.text.startsWith('Tham mưu, đề xuất UBND thành phố chỉ đạo')).toBe(true);
    expect(p.tasks[4]!.text).toBe(
      'Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu UBND thành phố triển khai, xây dựng các chương trình, kế hoạch thực hiện nông thôn mới năm 2024.',
    );
    expect(at(p, p.tasks[0]!.units[0]!.spans[0]!)).toBe('Phòng Nội vụ');
    expect(p.tasks.flatMap((t) => t.units).every((u) => u.unitId === null)).toBe(true);
  });

  it('reads the two deadlines and proposes the periods', () => {
    expect(j.deadlines).toEqual([
      { kind: 'half', date: '2024-05-10', text: '6 tháng (trước ngày 10/5/2024)' },
      { kind: 'year', date: '2024-10-10', text: 'cuối năm (trước ngày 10/10/2024)' },
    ]);
    expect(j.periods).toEqual([
      {
        type: 'half',
        year: 2024,
        name: '6 tháng đầu năm 2024',
        windowStart: '2023-12-15',
        windowEnd: '2024-04-14',
        deadline: '2024-05-10',
      },
      {
        type: 'year',
        year: 2024,
        name: 'Năm 2024',
        windowStart: '2023-12-15',
        windowEnd: '2024-09-14',
        deadline: '2024-10-10',
      },
    ]);
  });

  it('reads the three targets', () => {
    expect(j.targets).toEqual([
      {
        text: 'trên 80% cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo',
        comparator: 'tren',
        value: '80',
        unit: '%',
        subject: 'cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo',
      },
      {
        text: 'trên 90% cơ quan, đơn vị, UBND các phường, xã và doanh nghiệp có tổ chức công đoàn thực hiện tốt quy chế dân chủ ở cơ sở',
        comparator: 'tren',
        value: '90',
        unit: '%',
        subject:
          'cơ quan, đơn vị, UBND các phường, xã và doanh nghiệp có tổ chức công đoàn thực hiện tốt quy chế dân chủ ở cơ sở',
      },
      {
        text: 'trên 80% cơ quan, đơn vị, UBND các phường, xã thực hiện tốt dân vận chính quyền',
        comparator: 'tren',
        value: '80',
        unit: '%',
        subject: 'cơ quan, đơn vị, UBND các phường, xã thực hiện tốt dân vận chính quyền',
      },
    ]);
    expect(at(p, p.targets[0]!.spans[0]!)).toBe('trên 80% cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo');
  });

  it('reads the distribution list and the signer', () => {
    expect(j.recipients).toEqual([
      'Sở Nội vụ tỉnh Đồng Nai',
      'Ban Dân vận Thành ủy',
      'CT, các PCT. UBTP',
      'Các phòng, ban, đơn vị trực thuộc',
      'UBND các phường, xã',
      'Chánh, Phó VP',
      'Lưu: VT, TH (VX)',
    ]);
    expect(j.signer).toEqual({ authority: ['KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Bùi Quốc Thế' });
    // the seed is copied without its header: the issuing agency is missing, and said
    expect(p.flags.map((f) => f.code)).toEqual(['issuer.missing']);
  });
});

describe('Chi Lăng plan (Số: /KH-UBND, number left blank)', () => {
  const p = parsePlanText(chiLang);
  const j = proposalJson(p);

  it('reads the header with a blank number', () => {
    expect(j).toMatchObject({
      type: 'Kế hoạch',
      number: null,
      symbol: 'KH-UBND',
      place: 'TT Chi Lăng',
      date: '2024-04-01',
      issuer: null,
      parentIssuer: null,
      title: 'Thực hiện dân chủ ở cơ sở năm 2024',
    });
  });

  it('reads three legal bases', () => {
    expect(j.legalBases).toEqual([
      'Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022',
      'Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ về quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
      'Căn cứ Kế hoạch số 108/KH-UBND, ngày 26/3/2024 của UBND huyện Chi Lăng về thực hiện dân chủ ở cơ sở năm 2024',
    ]);
  });

  it('builds the tree I- / II- / III. with numbered items', () => {
    expect(p.sections.map((s) => [s.label, s.title, s.children.length])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 2],
      ['II', 'NỘI DUNG THỰC HIỆN', 10],
      ['III', 'TỔ CHỨC THỰC HIỆN', 0],
    ]);
    expect(p.sections[0]!.children.map((c) => c.title)).toEqual(['Mục đích', 'Yêu cầu']);
    expect(p.sections[0]!.children[0]!.text.split('\n')).toHaveLength(3);
    const ii = p.sections[1]!;
    expect(ii.children.map((c) => c.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(ii.children[0]!.title).toBe(
      'Tuyên truyền, quán triệt, tổ chức triển khai các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thực hiện dân chủ',
    );
    // the footnote marker "dân chủ¹" is gone from the text
    expect(ii.children[0]!.text).toContain('các văn bản về thực hiện dân chủ gắn với');
    expect(ii.children[3]!.text.split('\n')).toHaveLength(3);
    // "thực hiện / xóa bỏ hủ tục" joined across the page break
    expect(
      ii.children[5]!.title.endsWith(
        'Nhân dân thực hiện xóa bỏ hủ tục, phong tục, tập quán lạc hậu, xây dựng nếp sống văn minh',
      ),
    ).toBe(true);
  });

  it('reads the one assignment and no deadline', () => {
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]!.units.map((u) => [u.name, u.role, u.suggestedKind])).toEqual([
      ['Công chức văn phòng – Thống kê', 'lead', 'khac'],
    ]);
    expect(p.tasks[0]!.text).toBe(
      'Công chức văn phòng – Thống kê theo dõi việc triển khai thực hiện Kế hoạch này; tổng hợp, tham mưu UBND thị trấn báo cáo kết quả triển khai thực hiện dân chủ cơ sở theo quy định.',
    );
    expect(j.deadlines).toEqual([]);
    expect(j.periods).toEqual([]);
  });

  it('reads the target, recipients and signer', () => {
    expect(j.targets).toEqual([
      {
        text: 'Đảm bảo 100% tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân theo quy định',
        comparator: 'bang',
        value: '100',
        unit: '%',
        subject: 'tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân theo quy định',
      },
    ]);
    expect(j.recipients).toEqual([
      'UBND huyện (BC)',
      'Thường trực Đảng ủy',
      'Thường trực HĐND thị trấn',
      'Chủ tịch, PCT UBND thị trấn',
      'Các ban ngành đoàn thể thị trấn',
      'Cán bộ, công chức UBND thị trấn',
      'Các khu trên địa bàn thị trấn',
      'Trang thông tin điện tử',
      'Lưu: VT',
    ]);
    expect(j.signer).toEqual({ authority: [], title: 'CHỦ TỊCH', name: 'Triệu Văn Thanh' });
  });
});
