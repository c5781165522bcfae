//! The language of one run (`--lang zh|en`): findings, parse diagnostics
//! and the tool's own words all follow it.

use gov_disclosure_report::validate::Finding;
use gov_disclosure_report::{Diagnostic, DiagnosticCode};

/// The language of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Chinese (the default).
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the text of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A finding's message.
    pub fn finding(self, f: &Finding) -> &str {
        self.pick(&f.message, &f.message_en)
    }

    /// A parse diagnostic's message: in English the parser's own message
    /// (which names the row or cell), in Chinese what its code means (the
    /// excerpt shows where).
    pub fn diagnostic(self, d: &Diagnostic) -> &str {
        match self {
            Lang::En => &d.message,
            Lang::Zh => code_zh(d.code).unwrap_or(&d.message),
        }
    }
}

/// What a parse diagnostic code means, in Chinese.
fn code_zh(code: DiagnosticCode) -> Option<&'static str> {
    use DiagnosticCode as C;
    #[allow(unreachable_patterns)] // codes may be added to the library
    let text = match code {
        C::EmptyInput => "文件没有任何文字内容",
        C::TitleMissing => "未找到报告标题（“……政府信息公开工作……报告”）",
        C::AgencyMissing => "无法从标题读出发布机关",
        C::AgencyFromSignature => "标题未写明机关，采用落款机关",
        C::YearMissing => "无法从标题或统计期间读出报告年度",
        C::YearMismatch => "标题年度与统计期间不一致",
        C::SectionMissing => "未找到六个法定部分之一",
        C::SectionOutOfOrder => "章节标题顺序错乱，按正文保留",
        C::SectionNumberMismatch => "章节标题序号与其位置不符",
        C::InlineHeading => "章节标题出现在正文行中",
        C::HeadingVariant => "章节标题与法定表述不完全一致，按序号、位置和用语认定",
        C::TableWithoutHeading => "按内容找到表格，但所属部分缺少可识别的标题",
        C::TableMissing => "第二、三或四部分没有可读取的表格",
        C::TemplateGuessed => "表格版式（2019 或 2021）由结构推断，未见表头",
        C::RowMissing => "表格缺少模板规定的行",
        C::RowUnknown => "行名与模板各行均不符，作为附加行保留",
        C::RowDuplicate => "行名重复出现，后一行作为附加行保留",
        C::RowByOrder => "该行没有可用的行名，按其在有行名的行之间的位置认定（数值标为推断）",
        C::RowUnplaced => "该行行名丢失，无法按位置认定，作为附加行保留",
        C::RunSplit => "该行数字连成一串，按表格自身的勾稽关系唯一拆分（数值标为推断）",
        C::RunUnsplit => "该行数字连成一串，无法确定拆分，未取任何数值",
        C::RowsByTemplateOrder => "行名与数字在文本中分离，其后各行按模板顺序读取（数值标为推断）",
        C::RowsUnaligned => "行名与数字在文本中分离，无法与模板各行对齐，其后未取任何数值",
        C::RowExtraCells => "该行单元格多于列数，多出的单元格已搁置",
        C::RowShort => "表格行缺少末尾单元格，按空白读取",
        C::RowAligned => "空白单元格按表格列对齐位置确定",
        C::RowAmbiguous => "该行单元格无法与列对齐（空白可能丢失），未取任何数值",
        C::RowEmpty => "该行只有行名，没有单元格，按空白读取",
        C::CellUnreadable => "单元格既不是数字也不是占位符",
        C::CellUnit => "单元格带有单位，已去除",
        C::DateInvalid => "落款日期不是有效日期",
        _ => return None,
    };
    Some(text)
}

/// The tool's own words, in both languages.
pub mod words {
    /// `(zh, en)` pairs.
    pub type Pair = (&'static str, &'static str);

    pub const SECTIONS: Pair = ("个部分", "sections");
    pub const ENCODING: Pair = ("编码", "encoding");
    pub const NOTES: Pair = (
        "条解析提示（info），第一条在",
        "parse note(s) (info), the first at",
    );
    pub const SEE_JSON: Pair = ("详见 --format json", "see --format json");
    pub const MORE_ALIKE: Pair = ("本表中另有同类警告", "more alike in this table");
    pub const AT_LINES: Pair = ("行", "at lines");
    pub const NOT_A_REPORT: Pair = (
        "不是政府信息公开工作年度报告：既无报告标题，也没有六个法定部分中的任何一个",
        "not an annual report: no report title and none of the six statutory sections",
    );
    pub const OTHER_YEAR: Pair = ("上一年度报告中的单元格", "cells of the other year's report");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parse_diagnostic_code_has_a_chinese_text() {
        let missing: Vec<&str> = DiagnosticCode::ALL
            .iter()
            .filter(|c| code_zh(**c).is_none())
            .map(|c| c.as_str())
            .collect();
        assert!(missing.is_empty(), "no Chinese text for {missing:?}");
    }
}
