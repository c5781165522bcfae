//! Table 3 fixtures built in the tests: the 2019 template's row labels and
//! tables whose numbers satisfy every identity.
#![allow(clippy::needless_range_loop)]

use gov_disclosure_report::{ApplicantColumn, RequestsRowKey};

/// The 23 row labels of a 2019 table 3, as printed.
pub const LABELS: [&str; 23] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
];

/// A 2019 table 3 whose numbers satisfy every identity: seven cells a row,
/// 总计 the sum of the six applicant cells, each column balanced.
pub fn consistent_table(seed: u64) -> Vec<[i64; 7]> {
    let mut state = seed;
    let mut next = |limit: i64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // Many zeros, as real tables have.
        let r = ((state >> 33) % 100) as i64;
        if r < 55 { 0 } else { r % limit }
    };
    let mut rows = vec![[0i64; 7]; 23];
    for row in rows.iter_mut().take(21).skip(2) {
        for cell in row.iter_mut().take(6) {
            *cell = next(40);
        }
    }
    for c in 0..6 {
        let processed: i64 = (2..21).map(|r| rows[r][c]).sum();
        rows[21][c] = processed;
        rows[22][c] = next(9);
        rows[1][c] = next(9).min(processed + rows[22][c]);
        rows[0][c] = processed + rows[22][c] - rows[1][c];
    }
    for row in &mut rows {
        row[6] = row.iter().take(6).sum();
    }
    rows
}

/// The fact key of cell `c` of row `r`.
pub fn key(r: usize, c: usize) -> String {
    format!(
        "t3.{}.{}",
        RequestsRowKey::ALL
            .iter()
            .filter(|k| !matches!(
                k,
                RequestsRowKey::OtherNoCorrection
                    | RequestsRowKey::OtherFeeUnpaid
                    | RequestsRowKey::OtherOther
            ))
            .nth(r)
            .unwrap()
            .key(),
        ApplicantColumn::ALL[c].key()
    )
}
