//! Rendering a report back to canonical text: the title, the six headings,
//! narrative paragraphs and the three tables with their official labels, in
//! a chosen extraction layout. Parsing the rendering again gives the same
//! facts, which makes it a test oracle as well as a way to normalize reports.

use crate::ast::{
    AnnualReport, ApplicantColumn, Cell, CellValue, ProactiveItem, RequestsRowKey, Table, Template,
};

/// The layout of rendered tables, as a converter would have left them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Layout {
    /// One row a line, tab between cells (a browser copy).
    Tsv,
    /// `cell | cell |` rows (an HTML converter).
    Pipe,
    /// One tab-led cell a line, blank line after a row (a Word export).
    TabCell,
    /// Cells separated by single spaces, one row a line (blanks as `/`).
    Words,
}

impl Layout {
    /// Every layout.
    pub const ALL: [Layout; 4] = [Layout::Tsv, Layout::Pipe, Layout::TabCell, Layout::Words];
}

fn cell_text(cell: Option<&Cell>, layout: Layout) -> String {
    match cell.map(|c| &c.value) {
        Some(CellValue::Integer(n)) => n.to_string(),
        Some(CellValue::Decimal(d)) => d.clone(),
        Some(CellValue::Placeholder) => "/".to_string(),
        // Words layouts cannot show an empty cell: a placeholder keeps its place.
        _ if layout == Layout::Words => "/".to_string(),
        _ => String::new(),
    }
}

fn row(out: &mut String, layout: Layout, cells: &[String]) {
    match layout {
        Layout::Tsv => out.push_str(&cells.join("\t")),
        Layout::Pipe => {
            out.push_str(&cells.join(" | "));
            out.push_str(" |");
        }
        Layout::TabCell => {
            for c in cells {
                out.push('\t');
                out.push_str(c);
                out.push('\n');
            }
        }
        Layout::Words => out.push_str(&cells.join(" ")),
    }
    out.push('\n');
}

fn t2_label(item: ProactiveItem, template: Template) -> &'static str {
    use ProactiveItem::*;
    match (item, template) {
        (Regulations, _) => "规章",
        (NormativeDocuments, Template::V2019) => "规范性文件",
        (NormativeDocuments, Template::V2021) => "行政规范性文件",
        (Licensing, _) => "行政许可",
        (OtherServices, _) => "其他对外管理服务事项",
        (Penalty, _) => "行政处罚",
        (Coercion, _) => "行政强制",
        (AdminFees, _) => "行政事业性收费",
        (Procurement, _) => "政府集中采购",
    }
}

fn t2_header(item: ProactiveItem, template: Template) -> (&'static str, &'static [&'static str]) {
    use ProactiveItem::*;
    match (template, item) {
        (Template::V2019, Regulations | NormativeDocuments) => (
            "第二十条第（一）项",
            &["本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ),
        (Template::V2019, Licensing | OtherServices) => (
            "第二十条第（五）项",
            &["上一年项目数量", "本年增/减", "处理决定数量"],
        ),
        (Template::V2019, Penalty | Coercion) => (
            "第二十条第（六）项",
            &["上一年项目数量", "本年增/减", "处理决定数量"],
        ),
        (Template::V2019, AdminFees) => ("第二十条第（八）项", &["上一年项目数量", "本年增/减"]),
        (Template::V2019, Procurement) => ("第二十条第（九）项", &["采购项目数量", "采购总金额"]),
        (Template::V2021, Regulations | NormativeDocuments) => (
            "第二十条第（一）项",
            &["本年制发件数", "本年废止件数", "现行有效件数"],
        ),
        (Template::V2021, Licensing | OtherServices) => {
            ("第二十条第（五）项", &["本年处理决定数量"])
        }
        (Template::V2021, Penalty | Coercion) => ("第二十条第（六）项", &["本年处理决定数量"]),
        (Template::V2021, AdminFees | Procurement) => {
            ("第二十条第（八）项", &["本年收费金额（单位：万元）"])
        }
    }
}

/// The official label of a table 3 row.
fn official_label(row: RequestsRowKey) -> &'static str {
    use RequestsRowKey::*;
    match row {
        NewReceived => "一、本年新收政府信息公开申请数量",
        CarriedOver => "二、上年结转政府信息公开申请数量",
        Granted => "三、本年度办理结果（一）予以公开",
        Partial => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        DeniedStateSecret => "（三）不予公开 1.属于国家秘密",
        DeniedLawProhibited => "2.其他法律行政法规禁止公开",
        DeniedThreeSecurity => "3.危及“三安全一稳定”",
        DeniedThirdParty => "4.保护第三方合法权益",
        DeniedInternalAffairs => "5.属于三类内部事务信息",
        DeniedProcessInfo => "6.属于四类过程性信息",
        DeniedEnforcementFile => "7.属于行政执法案卷",
        DeniedAdminQuery => "8.属于行政查询事项",
        UnableNotHeld => "（四）无法提供 1.本机关不掌握相关政府信息",
        UnableNeedsCreation => "2.没有现成信息需要另行制作",
        UnableUnclear => "3.补正后申请内容仍不明确",
        NotProcessedPetition => "（五）不予处理 1.信访举报投诉类申请",
        NotProcessedDuplicate => "2.重复申请",
        NotProcessedPublication => "3.要求提供公开出版物",
        NotProcessedMassive => "4.无正当理由大量反复申请",
        NotProcessedConfirm => "5.要求行政机关确认或重新出具已获取信息",
        Other => "（六）其他处理",
        OtherNoCorrection => {
            "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        }
        OtherFeeUnpaid => {
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        }
        OtherOther => "3.其他",
        TotalProcessed => "（七）总计",
        CarriedForward => "四、结转下年度继续办理",
    }
}

/// Renders the report as canonical text in `layout`.
///
/// ```
/// use gov_disclosure_report::{parse_report, render::{render_report, Layout}};
/// let report = parse_report("某局2021年度政府信息公开工作报告\n一、总体情况\n正文。\n");
/// let text = render_report(&report, Layout::Pipe);
/// assert!(text.starts_with("某局2021年度政府信息公开工作报告\n一、总体情况\n正文。"));
/// ```
pub fn render_report(report: &AnnualReport, layout: Layout) -> String {
    let mut out = String::new();
    if let Some(title) = &report.title {
        out.push_str(&title.text);
        out.push('\n');
    }
    for p in &report.preamble {
        out.push_str(&p.text);
        out.push('\n');
    }
    for section in &report.sections {
        out.push_str(section.kind.official_heading());
        out.push('\n');
        for p in &section.paragraphs {
            out.push_str(&p.text);
            out.push('\n');
        }
        match &section.table {
            Some(Table::ProactiveDisclosure(t)) => {
                let mut caption = "";
                for r in &t.rows {
                    let (block, headers) = t2_header(r.item, t.template);
                    if block != caption {
                        caption = block;
                        row(&mut out, layout, &[block.to_string()]);
                        let mut header = vec!["信息内容".to_string()];
                        header.extend(headers.iter().map(|h| h.to_string()));
                        row(&mut out, layout, &header);
                    }
                    let mut cells = vec![t2_label(r.item, t.template).to_string()];
                    let columns = r.item.columns(t.template).len();
                    cells.extend((0..columns).map(|i| cell_text(r.cells.get(i), layout)));
                    if r.cells.is_empty() && r.ambiguous.is_some() {
                        continue;
                    }
                    row(&mut out, layout, &cells);
                }
            }
            Some(Table::Requests(t)) => {
                row(
                    &mut out,
                    layout,
                    &[
                        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
                            .to_string(),
                        "申请人情况".to_string(),
                    ],
                );
                row(
                    &mut out,
                    layout,
                    &[
                        "自然人",
                        "商业企业",
                        "科研机构",
                        "社会公益组织",
                        "法律服务机构",
                        "其他",
                        "总计",
                    ]
                    .map(String::from),
                );
                for r in t.rows.iter().filter(|r| !r.cells.is_empty()) {
                    let mut cells = vec![official_label(r.key).to_string()];
                    cells.extend(
                        ApplicantColumn::ALL
                            .iter()
                            .enumerate()
                            .map(|(i, _)| cell_text(r.cells.get(i), layout)),
                    );
                    row(&mut out, layout, &cells);
                }
            }
            Some(Table::ReviewsAndLitigation(t)) if !t.cells.is_empty() => {
                row(
                    &mut out,
                    layout,
                    &["行政复议".to_string(), "行政诉讼".to_string()],
                );
                row(
                    &mut out,
                    layout,
                    &[
                        "结果维持",
                        "结果纠正",
                        "其他结果",
                        "尚未审结",
                        "总计",
                        "未经复议直接起诉",
                        "复议后起诉",
                    ]
                    .map(String::from),
                );
                let cells: Vec<String> =
                    (0..15).map(|i| cell_text(t.cells.get(i), layout)).collect();
                row(&mut out, layout, &cells);
            }
            _ => {}
        }
        if layout == Layout::TabCell {
            out.push('\n');
        }
    }
    if let Some(date) = &report.published {
        if let Some(agency) = &report.agency {
            out.push_str(&agency.value);
            out.push(' ');
        }
        out.push_str(&date.value.format("%Y年%-m月%-d日").to_string());
        out.push('\n');
    }
    out
}
