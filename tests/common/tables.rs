//! Table 3 fixtures built in the tests: the 2019 template's row labels and
//! tables whose numbers satisfy every identity.
#![allow(clippy::needless_range_loop)]

use gov_disclosure_report::{ApplicantColumn, RequestsRowKey};

/// The 23 row labels of a 2019 table 3 as the template prints them, a
/// group caption and the row's own label apart by a tab (two cells).
pub const T3_LABELS_2019: [&str; 23] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果\t（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开\t1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供\t1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理\t1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
];

/// The 25 row labels of a 2021 table 3, as [`T3_LABELS_2019`]: the first
/// 20 rows are the same, （六）其他处理 has three sub-rows.
pub fn t3_labels_2021() -> Vec<&'static str> {
    let mut labels: Vec<&'static str> = T3_LABELS_2019.iter().take(20).copied().collect();
    labels.extend([
        "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ]);
    labels
}

/// The 2019 labels with `separator` between a caption and its row's label.
pub fn t3_labels_2019(separator: &str) -> Vec<String> {
    T3_LABELS_2019
        .iter()
        .map(|l| l.replace('\t', separator))
        .collect()
}

/// The 2019 labels with nothing between a caption and its row's label, as
/// text extracted from a PDF prints them.
pub static LABELS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| t3_labels_2019(""));

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
