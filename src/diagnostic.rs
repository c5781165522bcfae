//! Parse diagnostics: what the parser could not understand, as data.

use crate::span::Span;

/// How serious a diagnostic or a finding is.
///
/// Deliberately exhaustive: a closed, ordered three-level scale
/// (`Info < Warning < Error`) that a `match` may cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    /// Worth knowing; nothing was lost.
    Info,
    /// Something was recovered by a guess-free rule, or is missing.
    Warning,
    /// Data could not be read; the affected values were left out.
    Error,
}

impl Severity {
    /// Lower-case name (`info`, `warning`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $severity:ident; )*) => {
        /// Stable diagnostic codes. The string form never changes once released.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum DiagnosticCode {
            $( $(#[$doc])* #[cfg_attr(feature = "serde", serde(rename = $code))] $variant, )*
        }

        impl DiagnosticCode {
            /// The stable code string, e.g. `P-SECTION-MISSING`.
            pub fn as_str(self) -> &'static str {
                match self { $( DiagnosticCode::$variant => $code, )* }
            }

            /// The severity diagnostics with this code carry.
            pub fn severity(self) -> Severity {
                match self { $( DiagnosticCode::$variant => Severity::$severity, )* }
            }

            /// Every code, in declaration order.
            pub const ALL: &'static [DiagnosticCode] = &[ $( DiagnosticCode::$variant, )* ];
        }
    };
}

codes! {
    /// The input holds no text at all after normalization.
    EmptyInput = "P-EMPTY", Error;
    /// No report title (`…政府信息公开工作…报告`) was found.
    TitleMissing = "P-TITLE-MISSING", Warning;
    /// The agency could not be read from the title.
    AgencyMissing = "P-AGENCY-MISSING", Warning;
    /// The title names no agency; the signer of the report was taken.
    AgencyFromSignature = "P-AGENCY-SIGNATURE", Info;
    /// The report year could not be read from the title or statistic period.
    YearMissing = "P-YEAR-MISSING", Warning;
    /// The year in the title differs from the stated statistic period.
    YearMismatch = "P-YEAR-MISMATCH", Warning;
    /// One of the six statutory sections was not found.
    SectionMissing = "P-SECTION-MISSING", Warning;
    /// A section heading appears out of order and was kept as text.
    SectionOutOfOrder = "P-SECTION-ORDER", Warning;
    /// A heading's number differs from its position among the six sections.
    SectionNumberMismatch = "P-SECTION-NUMBER", Info;
    /// A section heading was found inside a line of running text.
    InlineHeading = "P-SECTION-INLINE", Info;
    /// A section heading only resembles the statutory wording (a word
    /// dropped or added, another wording, an ordinal without separator); the
    /// section was recognised by its ordinal, position and wording.
    HeadingVariant = "P-HEADING-VARIANT", Info;
    /// A table was found by its content where its section's heading is
    /// missing or unrecognisable; the section was added without a heading.
    TableWithoutHeading = "P-TABLE-WITHOUT-HEADING", Warning;
    /// Section 二, 三 or 四 has no table the parser could read.
    TableMissing = "P-TABLE-MISSING", Warning;
    /// A table's template (2019 or 2021) was inferred without header labels.
    TemplateGuessed = "P-TEMPLATE-GUESSED", Warning;
    /// A table row expected by the template was not found.
    RowMissing = "P-ROW-MISSING", Warning;
    /// A row was found but its label matches no row of the template; kept as an extra row.
    RowUnknown = "P-ROW-UNKNOWN", Info;
    /// A row label appeared twice; the later row was kept as an extra row.
    RowDuplicate = "P-ROW-DUPLICATE", Warning;
    /// A row without a usable label (lost or garbled) was placed by its
    /// position between labelled rows, checked against its printed ordinal;
    /// its cells are marked inferred.
    RowByOrder = "P-ROW-BY-ORDER", Info;
    /// A row whose label is lost could not be placed by its position; its
    /// cells were kept as an extra row.
    RowUnplaced = "P-ROW-UNPLACED", Warning;
    /// A row's cells were printed as one run of digits without separators and
    /// were split by the table's own arithmetic, the only split that
    /// satisfies it; the cells are marked inferred.
    RunSplit = "P-RUN-SPLIT", Warning;
    /// A run of digits could not be split into its row's cells with
    /// certainty; no value was taken.
    RunUnsplit = "P-RUN-UNSPLIT", Error;
    /// Labels and numbers came apart in the text (reading-order PDF text);
    /// the rows from there on were read by the template's row order, the
    /// only reading the count of numbers allows; the cells are marked
    /// inferred.
    RowsByTemplateOrder = "P-ROWS-BY-TEMPLATE-ORDER", Warning;
    /// Labels and numbers came apart in the text and could not be aligned
    /// with the template's rows; no value was taken from there on.
    RowsUnaligned = "P-ROWS-UNALIGNED", Error;
    /// A row had more cells than columns; the extra cells were set aside.
    RowExtraCells = "P-ROW-EXTRA-CELLS", Warning;
    /// A grid row was short; its missing trailing cells were read as empty.
    RowShort = "P-ROW-SHORT", Info;
    /// Blank cells of a space-aligned row were placed by the table's columns.
    RowAligned = "P-ROW-ALIGNED", Info;
    /// A row's cells could not be aligned with the columns; no value was taken.
    RowAmbiguous = "P-ROW-AMBIGUOUS", Error;
    /// A row label was found with no cells at all.
    RowEmpty = "P-ROW-EMPTY", Warning;
    /// A cell holds text that is neither a number nor a placeholder.
    CellUnreadable = "P-CELL-TEXT", Warning;
    /// A cell carried a unit (`元`, `万元`, `件`) that was stripped.
    CellUnit = "P-CELL-UNIT", Info;
    /// The signature date could not be read as a calendar date.
    DateInvalid = "P-DATE-INVALID", Warning;
}

/// One thing the parser noticed, with where it was noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable code.
    pub code: DiagnosticCode,
    /// Severity (fixed per code).
    pub severity: Severity,
    /// Human-readable message.
    pub message: String,
    /// Where in the original input.
    pub span: Span,
}

impl Diagnostic {
    /// Creates a diagnostic with the severity of its code.
    pub fn new(code: DiagnosticCode, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span,
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}[{}]: {}",
            self.severity,
            self.code.as_str(),
            self.message
        )
    }
}

/// The error of [`crate::parse_report_strict`]: every error-severity diagnostic.
#[derive(Debug, Clone, thiserror::Error)]
#[error("report has {} error diagnostic(s); first: {}", .errors.len(), .errors.first().map(|d| d.to_string()).unwrap_or_default())]
#[non_exhaustive]
pub struct ParseError {
    /// The error-severity diagnostics, in input order.
    pub errors: Vec<Diagnostic>,
}
