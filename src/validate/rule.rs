//! The rule catalogue: every rule id, its class and what it checks.

use crate::diagnostic::Severity;

/// A rule's class in the catalogue; it sets the finding's severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum RuleClass {
    /// Must hold by construction of the template.
    Exact,
    /// Follows from EXACT rules plus non-negativity.
    Derived,
    /// Should hold; legitimate exceptions exist.
    HeurStrong,
    /// A plausibility signal only.
    HeurWeak,
}

impl RuleClass {
    /// EXACT/DERIVED → error, HEUR-STRONG → warning, HEUR-WEAK → info.
    pub fn severity(self) -> Severity {
        match self {
            RuleClass::Exact | RuleClass::Derived => Severity::Error,
            RuleClass::HeurStrong => Severity::Warning,
            RuleClass::HeurWeak => Severity::Info,
        }
    }

    /// `exact`, `derived`, `heur-strong` or `heur-weak` (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleClass::Exact => "exact",
            RuleClass::Derived => "derived",
            RuleClass::HeurStrong => "heur-strong",
            RuleClass::HeurWeak => "heur-weak",
        }
    }
}

impl std::fmt::Display for RuleClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Rule`] from a string that is no rule id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule id `{id}`")]
pub struct UnknownRule {
    /// The string that was given.
    pub id: String,
}

macro_rules! rules {
    ($( $variant:ident = $id:literal, $class:ident, $en:literal, $zh:literal; )*) => {
        /// A rule of the validation catalogue, named by its stable id.
        ///
        /// The string form (`as_str`, `Display`, `FromStr`, serde) is the id
        /// (`T3.BAL`); it never changes once released. Rules are added in minor
        /// releases, so the enum is `#[non_exhaustive]`. [`Rule::ALL`] lists the
        /// catalogue; [`Rule::class`] sets a finding's severity.
        ///
        /// ```
        /// use gov_disclosure_report::validate::{Rule, RuleClass};
        /// let rule: Rule = "T3.BAL".parse()?;
        /// assert_eq!(rule, Rule::T3Bal);
        /// assert_eq!(rule.class(), RuleClass::Exact);
        /// assert_eq!(rule.to_string(), "T3.BAL");
        /// // A typo is an error that names it, not a filter that matches nothing.
        /// let typo = "T3.BLA".parse::<Rule>().unwrap_err();
        /// assert_eq!(typo.to_string(), "unknown rule id `T3.BLA`");
        /// # Ok::<(), gov_disclosure_report::validate::UnknownRule>(())
        /// ```
        ///
        /// The catalogue (classes: EXACT and DERIVED findings are errors,
        /// HEUR-STRONG warnings, HEUR-WEAK information):
        ///
        /// | id | class | checks |
        /// |---|---|---|
        $( #[doc = concat!("| `", $id, "` | ", stringify!($class), " | ", $en, " |")] )*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum Rule {
            $(
                #[doc = concat!("`", $id, "` (", stringify!($class), "): ", $en, ".")]
                #[cfg_attr(feature = "serde", serde(rename = $id))]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule of the catalogue, in catalogue order.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable id, e.g. `T3.BAL`.
            pub fn as_str(self) -> &'static str {
                match self { $( Rule::$variant => $id, )* }
            }

            /// The rule's class, which sets the severity of its findings.
            pub fn class(self) -> RuleClass {
                match self { $( Rule::$variant => RuleClass::$class, )* }
            }

            /// What the rule checks, in one line of English.
            pub fn summary(self) -> &'static str {
                match self { $( Rule::$variant => $en, )* }
            }

            /// What the rule checks, in one line of Chinese.
            pub fn summary_zh(self) -> &'static str {
                match self { $( Rule::$variant => $zh, )* }
            }
        }

        impl std::str::FromStr for Rule {
            type Err = UnknownRule;

            fn from_str(id: &str) -> Result<Rule, UnknownRule> {
                match id {
                    $( $id => Ok(Rule::$variant), )*
                    _ => Err(UnknownRule { id: id.to_string() }),
                }
            }
        }
    };
}

rules! {
    T3Bal = "T3.BAL", Exact,
        "per column: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
        "各列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度";
    T3Res = "T3.RES", Exact,
        "per column: （七）总计 = the sum of the result rows",
        "各列：（七）总计 = 各项办理结果之和";
    T3Col = "T3.COL", Exact,
        "per row: 总计 = the sum of the six applicant columns",
        "各行：总计 = 六类申请人之和";
    T3Nn = "T3.NN", Exact,
        "table 3 counts are non-negative whole numbers",
        "表三各数为非负整数";
    T3D1 = "T3.D1", Derived,
        "where T3.BAL cannot be assessed: 办理结果总计 and 结转下年度 each within 本年新收 + 上年结转",
        "T3.BAL 无法核对时：办理结果总计、结转下年度均不超过本年新收与上年结转之和";
    T3D2 = "T3.D2", Derived,
        "where T3.BAL cannot be assessed: no results and nothing carried forward without applications",
        "T3.BAL 无法核对时：本年新收与上年结转均为0，则办理结果与结转下年度均为0";
    T3D3 = "T3.D3", Derived,
        "where T3.RES cannot be assessed: no result row above （七）总计",
        "T3.RES 无法核对时：单项办理结果不超过（七）总计";
    T3Sub = "T3.SUB", HeurStrong,
        "a subtotal printed on a group caption equals its sub-rows",
        "分组标题行上的小计等于其分项之和";
    T4Nn = "T4.NN", Exact,
        "table 4 counts are non-negative whole numbers",
        "表四各数为非负整数";
    T4Sum = "T4.SUM", Exact,
        "per group: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计",
        "各组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计";
    T4W1 = "T4.W1", HeurWeak,
        "reconsideration correction rate (纠错率) above 15 %",
        "行政复议纠错率高于15%";
    T2Nn = "T2.NN", Exact,
        "table 2 counts are non-negative whole numbers (本年增/减 may be negative, amounts decimal)",
        "表二各数为非负整数（本年增/减可为负数，金额可为小数）";
    T2A19 = "T2.A19", HeurStrong,
        "2019 template: 对外公开总数量 ≥ 本年新公开数量",
        "2019版：对外公开总数量 ≥ 本年新公开数量";
    T2B19 = "T2.B19", HeurWeak,
        "2019 template: 本年新公开数量 ≤ 本年新制作数量",
        "2019版：本年新公开数量 ≤ 本年新制作数量";
    T2C19 = "T2.C19", Exact,
        "2019 template: 上一年项目数量 + 本年增/减 ≥ 0",
        "2019版：上一年项目数量 + 本年增/减 ≥ 0";
    T2A21 = "T2.A21", HeurStrong,
        "2021 template: 现行有效件数 + 本年废止件数 ≥ 本年制发件数",
        "2021版：现行有效件数 + 本年废止件数 ≥ 本年制发件数";
    T2B21 = "T2.B21", HeurWeak,
        "2021 template: 现行有效件数 ≥ 本年制发件数",
        "2021版：现行有效件数 ≥ 本年制发件数";
    T2Reg = "T2.REG", HeurWeak,
        "规章 reported only by agencies that can make them",
        "只有具有规章制定权的机关报告制发规章";
    T2Fee = "T2.FEE", HeurWeak,
        "2021 template: the fee amount is in 万元, not 元",
        "2021版：收费金额以万元为单位，而非元";
    NNew = "N.NEW", HeurStrong,
        "the number of new applications stated in the text agrees with table 3",
        "正文所述本年新收申请数与表三一致";
    NCarryIn = "N.CARRYIN", HeurStrong,
        "the number of carried-over applications stated in the text agrees with table 3",
        "正文所述上年结转申请数与表三一致";
    NCarryOut = "N.CARRYOUT", HeurStrong,
        "the number of applications carried forward stated in the text agrees with table 3",
        "正文所述结转下年度申请数与表三一致";
    NDone = "N.DONE", HeurStrong,
        "the number of handled applications stated in the text agrees with table 3",
        "正文所述办结申请数与表三一致";
    NRecv = "N.RECV", HeurStrong,
        "the number of applications received stated in the text agrees with table 3",
        "正文所述收到申请数与表三一致";
    NRev = "N.REV", HeurStrong,
        "the number of reconsiderations stated in the text agrees with table 4",
        "正文所述行政复议数与表四一致";
    NLit = "N.LIT", HeurStrong,
        "the number of lawsuits stated in the text agrees with table 4",
        "正文所述行政诉讼数与表四一致";
    NDocs = "N.DOCS", HeurStrong,
        "the numbers of 规章 and 规范性文件 stated in the text agree with table 2",
        "正文所述规章、规范性文件数与表二一致";
    NNoneApp = "N.NONE-APP", HeurStrong,
        "a text that says no application was received agrees with table 3",
        "正文称未收到申请时，表三本年新收为0";
    NNoneLit = "N.NONE-LIT", HeurStrong,
        "a text that says there was no reconsideration or lawsuit agrees with table 4",
        "正文称未发生行政复议、行政诉讼时，表四总计为0";
    NAllDone = "N.ALLDONE", HeurStrong,
        "a text that says every application was handled agrees with 结转下年度",
        "正文称申请均已办结时，表三结转下年度为0";
    NUpheld = "N.UPHELD", HeurStrong,
        "a text that says every decision was upheld agrees with table 4",
        "正文称均获维持时，表四无纠正或尚未审结";
    NYear = "N.YEAR", HeurWeak,
        "the agency's work is dated in the report year, its plan in the next",
        "正文所述本机关工作年份与报告年度一致，工作计划针对下一年";
    SSix = "S.SIX", HeurStrong,
        "the six statutory sections are present, in order",
        "六个法定部分齐全且顺序正确";
    STables = "S.TABLES", HeurStrong,
        "sections 二, 三 and 四 carry their tables",
        "第二、三、四部分有表格";
    SHybrid = "S.HYBRID", HeurWeak,
        "tables 2 and 3 follow the same template",
        "表二与表三采用同一版格式";
    SEmpty = "S.EMPTY", HeurWeak,
        "tables 3 and 4 have few blank or placeholder cells",
        "表三、表四空白或“/”单元格不多";
    SSec5 = "S.SEC5", HeurStrong,
        "section 五 has real content",
        "第五部分有实质内容";
    SSec5Prev = "S.SEC5-PREV", HeurWeak,
        "section 五 reports how last year's problems were rectified",
        "第五部分说明上年问题的整改情况";
    SSec6Fee = "S.SEC6-FEE", HeurWeak,
        "2021 template: section 六 reports 信息处理费",
        "2021版：第六部分报告信息处理费收取情况";
    SNumbering = "S.NUMBERING", HeurWeak,
        "section headings are numbered in statutory order",
        "章节序号与法定顺序一致";
    SPeriod = "S.PERIOD", HeurWeak,
        "the statistic period agrees with the report year",
        "统计期限与报告年度一致";
    SAgency = "S.AGENCY", HeurWeak,
        "the signature names the agency of the title",
        "落款单位与标题中的机关一致";
    STextQ = "S.TEXTQ", HeurWeak,
        "no doubled word in the text",
        "正文无重复用词";
    CFee6 = "C.FEE6", HeurWeak,
        "applications dropped for unpaid fees are matched by 信息处理费 in section 六",
        "表三有因逾期未缴费不再处理的申请时，第六部分提及信息处理费";
    CT3T4 = "C.T3T4", HeurWeak,
        "table 4 cases come with applications in table 3",
        "表四有复议、诉讼时，表三有新收或结转申请";
    XVersion = "X.VERSION", HeurStrong,
        "tables 2 and 3 follow the template of the report year",
        "表二、表三采用与报告年度相符的格式版本";
    XCarry = "X.CARRY", HeurStrong,
        "per column: 上年结转 equals last year's 结转下年度",
        "各列：本年上年结转 = 上年报告的结转下年度";
    XDocs = "X.DOCS", HeurStrong,
        "2021 template: 现行有效件数 + 本年废止件数 = last year's 现行有效件数 + 本年制发件数",
        "2021版：现行有效件数 + 本年废止件数 = 上年现行有效件数 + 本年制发件数";
    XItems = "X.ITEMS", HeurStrong,
        "2019 template: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减",
        "2019版：上一年项目数量 = 上年报告的上一年项目数量 + 本年增/减";
    XPub19 = "X.PUB19", HeurWeak,
        "2019 template: 对外公开总数量 does not shrink from one year to the next",
        "2019版：对外公开总数量不少于上年";
    XJump = "X.JUMP", HeurWeak,
        "a key figure neither grows over 5× nor falls under 0.2× in a year",
        "主要数字年度变化不超过5倍、不低于0.2倍";
    XDup = "X.DUP", HeurWeak,
        "the narrative is not nearly the same as last year's",
        "正文与上年报告不高度雷同";
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_parses_back_to_its_rule() {
        for rule in Rule::ALL {
            assert_eq!(rule.as_str().parse::<Rule>(), Ok(*rule));
        }
        assert_eq!(
            "t3.bal".parse::<Rule>(),
            Err(UnknownRule {
                id: "t3.bal".to_string()
            })
        );
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
    }
}
