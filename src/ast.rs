//! The typed report tree. Owned, serializable with the `serde` feature; every node carries a
//! [`Span`] into the original input.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use chrono::NaiveDate;

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub span: Span,
}

/// A parsed 政府信息公开工作年度报告.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AnnualReport {
    /// The whole input.
    pub span: Span,
    /// The title (one or two lines).
    #[cfg_attr(feature = "serde", serde(default))]
    pub title: Option<Title>,
    /// The reporting agency (机关), from the title.
    #[cfg_attr(feature = "serde", serde(default))]
    pub agency: Option<Located<String>>,
    /// The year the statistics cover (from the title, else the statistic period).
    #[cfg_attr(feature = "serde", serde(default))]
    pub year: Option<Located<i32>>,
    /// The signature date (落款日期).
    #[cfg_attr(feature = "serde", serde(default))]
    pub published: Option<Located<NaiveDate>>,
    /// The statistic period (统计期限) when stated.
    #[cfg_attr(feature = "serde", serde(default))]
    pub period: Option<StatisticPeriod>,
    /// Text before the first section heading (title excluded).
    #[cfg_attr(feature = "serde", serde(default))]
    pub preamble: Vec<Paragraph>,
    /// The statutory sections found, in order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sections: Vec<Section>,
    /// Everything the parser noticed, in input order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub diagnostics: Vec<Diagnostic>,
}

/// The report title as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Title {
    /// The title text, lines joined without separators.
    pub text: String,
    /// From the first to the last title line.
    pub span: Span,
}

/// The statistic period (本报告所列数据统计期限为…至…).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct StatisticPeriod {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Where the period is stated.
    pub span: Span,
}

/// A paragraph of narrative text (one line of the input).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Paragraph {
    /// The normalized text.
    pub text: String,
    /// Its place in the original input.
    pub span: Span,
    /// Its sentences, split after `。！？；`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sentences: Vec<Sentence>,
}

/// One sentence of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Sentence {
    /// Byte offset of the sentence in [`Paragraph::text`].
    pub start: usize,
    /// Byte offset past the sentence in [`Paragraph::text`].
    pub end: usize,
    /// Its place in the original input.
    pub span: Span,
}

impl Paragraph {
    /// The text of one of this paragraph's sentences.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.text.get(sentence.start..sentence.end).unwrap_or("")
    }
}

/// The six statutory sections of Art. 50 of the Regulation.
///
/// Deliberately exhaustive (not `#[non_exhaustive]`): the six sections are
/// fixed by the Regulation itself, not by a template, and [`SectionKind::ALL`]
/// is an array of six. A `match` over the kinds may list them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SectionKind {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况 (table 2)
    ProactiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况 (table 3)
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况 (table 4)
    ReviewsAndLitigation,
    /// 五、存在的主要问题及改进情况
    ProblemsAndImprovements,
    /// 六、其他需要报告的事项
    OtherMatters,
}

impl SectionKind {
    /// All six, in statutory order.
    pub const ALL: [SectionKind; 6] = [
        SectionKind::Overview,
        SectionKind::ProactiveDisclosure,
        SectionKind::Requests,
        SectionKind::ReviewsAndLitigation,
        SectionKind::ProblemsAndImprovements,
        SectionKind::OtherMatters,
    ];

    /// Statutory number, 1 to 6.
    pub fn number(self) -> u8 {
        match self {
            SectionKind::Overview => 1,
            SectionKind::ProactiveDisclosure => 2,
            SectionKind::Requests => 3,
            SectionKind::ReviewsAndLitigation => 4,
            SectionKind::ProblemsAndImprovements => 5,
            SectionKind::OtherMatters => 6,
        }
    }

    /// The kind with statutory number `n` (1 to 6).
    pub fn from_number(n: u8) -> Option<SectionKind> {
        SectionKind::ALL
            .get(usize::from(n).checked_sub(1)?)
            .copied()
    }

    /// The official heading, e.g. `三、收到和处理政府信息公开申请情况`.
    pub fn official_heading(self) -> &'static str {
        match self {
            SectionKind::Overview => "一、总体情况",
            SectionKind::ProactiveDisclosure => "二、主动公开政府信息情况",
            SectionKind::Requests => "三、收到和处理政府信息公开申请情况",
            SectionKind::ReviewsAndLitigation => "四、政府信息公开行政复议、行政诉讼情况",
            SectionKind::ProblemsAndImprovements => "五、存在的主要问题及改进情况",
            SectionKind::OtherMatters => "六、其他需要报告的事项",
        }
    }
}

/// A section heading as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Heading {
    /// The number as printed (`三` or `3`), as a value 1–99; 0 when the
    /// heading is [`HeadingMatch::Absent`].
    pub number: u8,
    /// The heading text as normalized, e.g. `三、收到和处理政府信息公开申请情况`
    /// (with an annotation such as `(有关情况附表)` when one follows); empty
    /// when the heading is absent.
    pub text: String,
    /// The heading in the original input (number and title); an empty span at
    /// the section's table when the heading is absent.
    pub span: Span,
    /// Whether the heading was found inside a line of running text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub inline: bool,
    /// How the heading was recognised.
    pub matched: HeadingMatch,
}

/// How a section heading was recognised: by its exact statutory wording, by
/// its resemblance to it, or not at all (the section was found by its table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum HeadingMatch {
    /// An ordinal with its separator and a title that is a reference wording:
    /// the templates' heading or the Regulation's Art. 50 item.
    Official,
    /// A heading that only resembles a reference wording: a word dropped or
    /// added, another wording of the section, an ordinal without separator.
    /// Reported by [`crate::DiagnosticCode::HeadingVariant`].
    Variant,
    /// No heading was found; the section is there because its table was found
    /// by its content. Reported by [`crate::DiagnosticCode::TableWithoutHeading`].
    Absent,
}

impl HeadingMatch {
    /// Whether a heading was found in the text (official or variant).
    pub fn is_found(self) -> bool {
        !matches!(self, HeadingMatch::Absent)
    }
}

/// One statutory section.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Section {
    /// Which of the six.
    pub kind: SectionKind,
    /// Its heading.
    pub heading: Heading,
    /// From the heading to the next section's heading.
    pub span: Span,
    /// Narrative lines of the section (table rows excluded).
    #[cfg_attr(feature = "serde", serde(default))]
    pub paragraphs: Vec<Paragraph>,
    /// The table of sections 二, 三 and 四, when one was read.
    #[cfg_attr(feature = "serde", serde(default))]
    pub table: Option<Table>,
}

/// The table of a section.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "table", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Table {
    /// Table 2, 主动公开政府信息情况.
    ProactiveDisclosure(ProactiveDisclosureTable),
    /// Table 3, 收到和处理政府信息公开申请情况.
    Requests(RequestsTable),
    /// Table 4, 行政复议、行政诉讼情况.
    ReviewsAndLitigation(ReviewsTable),
}

/// Which national template a table follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Template {
    /// 国办公开办函〔2019〕60号 (reports on 2019 and 2020).
    #[cfg_attr(feature = "serde", serde(rename = "2019"))]
    V2019,
    /// 国办公开办函〔2021〕30号 (reports on 2021 onward).
    #[cfg_attr(feature = "serde", serde(rename = "2021"))]
    V2021,
}

impl Template {
    /// `"2019"` or `"2021"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Template::V2019 => "2019",
            Template::V2021 => "2021",
        }
    }
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", content = "value", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum CellValue {
    /// A whole number, sign kept (`-4`, `+1036` → 1036).
    Integer(i64),
    /// A decimal (money), in plain dot notation without unit or separators.
    Decimal(String),
    /// The cell exists but holds nothing.
    Empty,
    /// A placeholder: `/`, `-`, `—`, `--`, `无`, `不适用`, `N/A`.
    Placeholder,
    /// Something that is not a number (garbled).
    Text,
}

impl CellValue {
    /// The integer, if the cell holds one.
    pub fn as_integer(&self) -> Option<i64> {
        match self {
            CellValue::Integer(n) => Some(*n),
            _ => None,
        }
    }

    /// The number as `f64`, for integers and decimals.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            CellValue::Integer(n) => Some(*n as f64),
            CellValue::Decimal(d) => d.parse().ok(),
            _ => None,
        }
    }

    /// Whether the cell holds a number.
    pub fn is_number(&self) -> bool {
        matches!(self, CellValue::Integer(_) | CellValue::Decimal(_))
    }
}

/// One table cell: raw text, span and value.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Cell {
    /// The cell text as printed (trimmed).
    pub raw: String,
    /// Where the cell text is in the original input (empty span for an empty cell).
    pub span: Span,
    /// What the cell holds.
    pub value: CellValue,
    /// A unit written in the cell and stripped (`元`, `万元`, `件`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub unit: Option<String>,
    /// Whether the value was inferred rather than read: the converter left
    /// the table's numbers without separators or apart from their labels,
    /// and the cell was placed by the table's own arithmetic or by the
    /// template's row order. Every inferred cell also has a diagnostic.
    #[cfg_attr(feature = "serde", serde(default))]
    pub inferred: bool,
}

/// A row label as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Label {
    /// The label text, normalized, parts joined.
    pub text: String,
    /// From its first to its last part in the original input.
    pub span: Span,
}

/// A row of a table that matched no row of the template, or was set aside.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ExtraRow {
    /// Its label, if it had one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub label: Option<Label>,
    /// Its cells as read.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cells: Vec<Cell>,
    /// The whole row.
    pub span: Span,
}

/// A row whose cells could not be aligned with the columns: no value is taken.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AmbiguousRow {
    /// The cells as read, in order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cells: Vec<Cell>,
    /// How many columns the row should have.
    pub expected: usize,
}

macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $( $(#[$doc:meta])* $variant:ident = $key:literal, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$doc])* #[cfg_attr(feature = "serde", serde(rename = $key))] $variant, )*
        }

        impl $name {
            /// The key fragment used in fact keys.
            pub fn key(self) -> &'static str {
                match self { $( $name::$variant => $key, )* }
            }

            /// Every value, in template order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];
        }
    };
}

keyed_enum! {
    /// An item row of table 2.
    ProactiveItem {
        /// 规章
        Regulations = "regulations",
        /// 规范性文件 / 行政规范性文件
        NormativeDocuments = "normative_documents",
        /// 行政许可
        Licensing = "licensing",
        /// 其他对外管理服务事项 (V2019)
        OtherServices = "other_services",
        /// 行政处罚
        Penalty = "penalty",
        /// 行政强制
        Coercion = "coercion",
        /// 行政事业性收费
        AdminFees = "admin_fees",
        /// 政府集中采购 (V2019)
        Procurement = "procurement",
    }
}

keyed_enum! {
    /// A value column of table 2.
    ProactiveColumn {
        /// 本年新制作数量 (V2019)
        Made = "made",
        /// 本年新公开数量 (V2019)
        Published = "published",
        /// 对外公开总数量 (V2019)
        TotalPublished = "total_published",
        /// 上一年项目数量 (V2019)
        PrevItems = "prev_items",
        /// 本年增/减 (V2019)
        Change = "change",
        /// 处理决定数量 / 本年处理决定数量
        Decisions = "decisions",
        /// 采购项目数量 (V2019)
        Items = "items",
        /// 采购总金额 (V2019) / 本年收费金额（单位：万元） (V2021)
        Amount = "amount",
        /// 本年制发件数 (V2021)
        Issued = "issued",
        /// 本年废止件数 (V2021)
        Repealed = "repealed",
        /// 现行有效件数 (V2021)
        InForce = "in_force",
    }
}

impl ProactiveItem {
    /// The items a table of `template` has, in order.
    pub fn items(template: Template) -> &'static [ProactiveItem] {
        use ProactiveItem::*;
        match template {
            Template::V2019 => &[
                Regulations,
                NormativeDocuments,
                Licensing,
                OtherServices,
                Penalty,
                Coercion,
                AdminFees,
                Procurement,
            ],
            Template::V2021 => &[
                Regulations,
                NormativeDocuments,
                Licensing,
                Penalty,
                Coercion,
                AdminFees,
            ],
        }
    }

    /// The value columns of this item's row in `template`.
    pub fn columns(self, template: Template) -> &'static [ProactiveColumn] {
        use ProactiveColumn::*;
        use ProactiveItem::*;
        match (template, self) {
            (Template::V2019, Regulations | NormativeDocuments) => {
                &[Made, Published, TotalPublished]
            }
            (Template::V2019, Licensing | OtherServices | Penalty | Coercion) => {
                &[PrevItems, Change, Decisions]
            }
            (Template::V2019, AdminFees) => &[PrevItems, Change],
            (Template::V2019, Procurement) => &[Items, Amount],
            (Template::V2021, Regulations | NormativeDocuments) => &[Issued, Repealed, InForce],
            (Template::V2021, Licensing | Penalty | Coercion) => &[Decisions],
            (Template::V2021, AdminFees) => &[Amount],
            (Template::V2021, OtherServices | Procurement) => &[],
        }
    }
}

/// One row of table 2.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ProactiveRow {
    /// Which item.
    pub item: ProactiveItem,
    /// The label as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub label: Option<Label>,
    /// The cells, one per column of [`ProactiveItem::columns`]; empty when ambiguous.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cells: Vec<Cell>,
    /// Set when the cells could not be aligned.
    #[cfg_attr(feature = "serde", serde(default))]
    pub ambiguous: Option<AmbiguousRow>,
    /// The whole row.
    pub span: Span,
}

/// Table 2: 主动公开政府信息情况.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ProactiveDisclosureTable {
    /// The template its labels follow.
    pub template: Template,
    /// Rows found, in template order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rows: Vec<ProactiveRow>,
    /// Rows that match no item (provincial additions, repeats).
    #[cfg_attr(feature = "serde", serde(default))]
    pub extra_rows: Vec<ExtraRow>,
    /// The whole table.
    pub span: Span,
}

impl ProactiveDisclosureTable {
    /// The cell of `item` × `column`, if present.
    pub fn cell(&self, item: ProactiveItem, column: ProactiveColumn) -> Option<&Cell> {
        let row = self.rows.iter().find(|r| r.item == item)?;
        let index = item
            .columns(self.template)
            .iter()
            .position(|c| *c == column)?;
        row.cells.get(index)
    }
}

keyed_enum! {
    /// A data row of table 3.
    RequestsRowKey {
        /// 一、本年新收政府信息公开申请数量
        NewReceived = "new_received",
        /// 二、上年结转政府信息公开申请数量
        CarriedOver = "carried_over",
        /// （一）予以公开
        Granted = "granted",
        /// （二）部分公开
        Partial = "partial",
        /// （三）1.属于国家秘密
        DeniedStateSecret = "denied.state_secret",
        /// （三）2.其他法律行政法规禁止公开
        DeniedLawProhibited = "denied.law_prohibited",
        /// （三）3.危及“三安全一稳定”
        DeniedThreeSecurity = "denied.three_security_one_stability",
        /// （三）4.保护第三方合法权益
        DeniedThirdParty = "denied.third_party",
        /// （三）5.属于三类内部事务信息
        DeniedInternalAffairs = "denied.internal_affairs",
        /// （三）6.属于四类过程性信息
        DeniedProcessInfo = "denied.process_info",
        /// （三）7.属于行政执法案卷
        DeniedEnforcementFile = "denied.enforcement_file",
        /// （三）8.属于行政查询事项
        DeniedAdminQuery = "denied.admin_query",
        /// （四）1.本机关不掌握相关政府信息
        UnableNotHeld = "unable.not_held",
        /// （四）2.没有现成信息需要另行制作
        UnableNeedsCreation = "unable.needs_creation",
        /// （四）3.补正后申请内容仍不明确
        UnableUnclear = "unable.unclear_after_correction",
        /// （五）1.信访举报投诉类申请
        NotProcessedPetition = "not_processed.petition_complaint",
        /// （五）2.重复申请
        NotProcessedDuplicate = "not_processed.duplicate",
        /// （五）3.要求提供公开出版物
        NotProcessedPublication = "not_processed.publication",
        /// （五）4.无正当理由大量反复申请
        NotProcessedMassive = "not_processed.massive_repeated",
        /// （五）5.要求行政机关确认或重新出具已获取信息
        NotProcessedConfirm = "not_processed.confirm_or_reissue",
        /// （六）其他处理 — the single V2019 row
        Other = "other",
        /// （六）1.申请人无正当理由逾期不补正… (V2021)
        OtherNoCorrection = "other.no_correction",
        /// （六）2.申请人逾期未按收费通知要求缴纳费用… (V2021)
        OtherFeeUnpaid = "other.fee_unpaid",
        /// （六）3.其他 (V2021)
        OtherOther = "other.other",
        /// （七）总计
        TotalProcessed = "total_processed",
        /// 四、结转下年度继续办理
        CarriedForward = "carried_forward",
    }
}

impl RequestsRowKey {
    /// The rows of a table of `template`, in order (23 or 25).
    pub fn rows(template: Template) -> Vec<RequestsRowKey> {
        RequestsRowKey::ALL
            .iter()
            .copied()
            .filter(|r| match template {
                Template::V2019 => !matches!(
                    r,
                    RequestsRowKey::OtherNoCorrection
                        | RequestsRowKey::OtherFeeUnpaid
                        | RequestsRowKey::OtherOther
                ),
                Template::V2021 => *r != RequestsRowKey::Other,
            })
            .collect()
    }

    /// Whether the row is a result row summed into （七）总计.
    pub fn is_result_leaf(self) -> bool {
        !matches!(
            self,
            RequestsRowKey::NewReceived
                | RequestsRowKey::CarriedOver
                | RequestsRowKey::TotalProcessed
                | RequestsRowKey::CarriedForward
        )
    }
}

keyed_enum! {
    /// An applicant column of table 3.
    ApplicantColumn {
        /// 自然人
        NaturalPerson = "natural_person",
        /// 商业企业
        Commercial = "commercial",
        /// 科研机构
        Research = "research",
        /// 社会公益组织
        SocialWelfare = "social_welfare",
        /// 法律服务机构
        LegalService = "legal_service",
        /// 其他
        OtherOrg = "other_org",
        /// 总计
        Total = "total",
    }
}

/// One row of table 3.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RequestsRow {
    /// Which row.
    pub key: RequestsRowKey,
    /// The label as printed (absent when assigned by order).
    #[cfg_attr(feature = "serde", serde(default))]
    pub label: Option<Label>,
    /// Seven cells in [`ApplicantColumn::ALL`] order, or none when the row
    /// is ambiguous or printed without cells.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cells: Vec<Cell>,
    /// Set when the cells could not be aligned.
    #[cfg_attr(feature = "serde", serde(default))]
    pub ambiguous: Option<AmbiguousRow>,
    /// The whole row.
    pub span: Span,
}

/// Table 3: 收到和处理政府信息公开申请情况.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RequestsTable {
    /// The template its labels follow (（六）其他处理 one row or three).
    pub template: Template,
    /// Rows found, in template order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rows: Vec<RequestsRow>,
    /// Rows that match no template row.
    #[cfg_attr(feature = "serde", serde(default))]
    pub extra_rows: Vec<ExtraRow>,
    /// The whole table.
    pub span: Span,
}

impl RequestsTable {
    /// The row `key`, if present.
    pub fn row(&self, key: RequestsRowKey) -> Option<&RequestsRow> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// The cell `key` × `column`, if present.
    pub fn cell(&self, key: RequestsRowKey, column: ApplicantColumn) -> Option<&Cell> {
        let index = ApplicantColumn::ALL.iter().position(|c| *c == column)?;
        self.row(key)?.cells.get(index)
    }
}

keyed_enum! {
    /// A column group of table 4.
    ReviewGroup {
        /// 行政复议
        Review = "review",
        /// 行政诉讼 · 未经复议直接起诉
        LitigationDirect = "lit_direct",
        /// 行政诉讼 · 复议后起诉
        LitigationAfterReview = "lit_after_review",
    }
}

keyed_enum! {
    /// An outcome column of table 4.
    ReviewOutcome {
        /// 结果维持
        Upheld = "upheld",
        /// 结果纠正
        Corrected = "corrected",
        /// 其他结果
        Other = "other",
        /// 尚未审结
        Pending = "pending",
        /// 总计
        Total = "total",
    }
}

/// Table 4: 政府信息公开行政复议、行政诉讼情况 (one data row of 15 cells).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReviewsTable {
    /// 15 cells, group by group, outcomes in [`ReviewOutcome::ALL`] order;
    /// none when ambiguous.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cells: Vec<Cell>,
    /// Set when the cells could not be aligned.
    #[cfg_attr(feature = "serde", serde(default))]
    pub ambiguous: Option<AmbiguousRow>,
    /// The whole table.
    pub span: Span,
}

impl ReviewsTable {
    /// The cell of `group` × `outcome`, if present.
    pub fn cell(&self, group: ReviewGroup, outcome: ReviewOutcome) -> Option<&Cell> {
        let g = ReviewGroup::ALL.iter().position(|x| *x == group)?;
        let o = ReviewOutcome::ALL.iter().position(|x| *x == outcome)?;
        self.cells.get(g * ReviewOutcome::ALL.len() + o)
    }
}

impl AnnualReport {
    /// The section of `kind`, if found.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Table 2, if read.
    pub fn table2(&self) -> Option<&ProactiveDisclosureTable> {
        self.sections.iter().find_map(|s| match &s.table {
            Some(Table::ProactiveDisclosure(t)) => Some(t),
            _ => None,
        })
    }

    /// Table 3, if read.
    pub fn table3(&self) -> Option<&RequestsTable> {
        self.sections.iter().find_map(|s| match &s.table {
            Some(Table::Requests(t)) => Some(t),
            _ => None,
        })
    }

    /// Table 4, if read.
    pub fn table4(&self) -> Option<&ReviewsTable> {
        self.sections.iter().find_map(|s| match &s.table {
            Some(Table::ReviewsAndLitigation(t)) => Some(t),
            _ => None,
        })
    }

    /// Whether any diagnostic has error severity.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
    }
}
