//! Reports glued from headings, table rows and noise, so the table builders
//! are reached in a few executions.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

include!("check.rs");

const HEADINGS: [&str; 8] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "3、 收到和处理政务信息公开申请情况",
    "某局2021年度政府信息公开工作报告",
];
const LABELS: [&str; 12] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（三）不予公开",
    "1.属于国家秘密",
    "（六）其他处理",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    "第二十条第（一）项",
    "规章",
];
const CELLS: [&str; 10] = ["0", "12", "-4", "+1036", "1,234", "12.5", "/", "—", "无", ""];
const SEPARATORS: [&str; 6] = ["\t", " | ", "  ", "\n", "\n\t", " "];

#[derive(Arbitrary, Debug)]
enum Piece {
    Heading(u8),
    Label(u8),
    Cell(u8),
    Separator(u8),
    Noise(String),
}

fuzz_target!(|pieces: Vec<Piece>| {
    let mut input = String::new();
    for piece in pieces {
        match piece {
            Piece::Heading(i) => input.push_str(HEADINGS[usize::from(i) % HEADINGS.len()]),
            Piece::Label(i) => input.push_str(LABELS[usize::from(i) % LABELS.len()]),
            Piece::Cell(i) => input.push_str(CELLS[usize::from(i) % CELLS.len()]),
            Piece::Separator(i) => input.push_str(SEPARATORS[usize::from(i) % SEPARATORS.len()]),
            Piece::Noise(s) => input.push_str(&s),
        }
    }
    let report = gov_disclosure_report::parse_report(&input);
    check_report(&input, &report);
    let _ = gov_disclosure_report::validate::validate(&report);
});
