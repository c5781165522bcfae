//! How the report names tables, rows and columns, in Chinese and English.

use crate::ast::{
    ApplicantColumn, ProactiveColumn, ProactiveItem, RequestsRowKey, ReviewGroup, ReviewOutcome,
};

/// Table 3 row name (Chinese, English).
pub fn requests_row(row: RequestsRowKey) -> (&'static str, &'static str) {
    use RequestsRowKey::*;
    match row {
        NewReceived => ("本年新收", "new received"),
        CarriedOver => ("上年结转", "carried over"),
        Granted => ("予以公开", "granted"),
        Partial => ("部分公开", "partially granted"),
        DeniedStateSecret => ("不予公开·属于国家秘密", "denied: state secret"),
        DeniedLawProhibited => (
            "不予公开·其他法律行政法规禁止公开",
            "denied: prohibited by law",
        ),
        DeniedThreeSecurity => (
            "不予公开·危及“三安全一稳定”",
            "denied: three securities, one stability",
        ),
        DeniedThirdParty => ("不予公开·保护第三方合法权益", "denied: third-party rights"),
        DeniedInternalAffairs => ("不予公开·属于三类内部事务信息", "denied: internal affairs"),
        DeniedProcessInfo => ("不予公开·属于四类过程性信息", "denied: process information"),
        DeniedEnforcementFile => ("不予公开·属于行政执法案卷", "denied: enforcement file"),
        DeniedAdminQuery => ("不予公开·属于行政查询事项", "denied: administrative query"),
        UnableNotHeld => ("无法提供·本机关不掌握相关政府信息", "unable: not held"),
        UnableNeedsCreation => (
            "无法提供·没有现成信息需要另行制作",
            "unable: needs creation",
        ),
        UnableUnclear => (
            "无法提供·补正后申请内容仍不明确",
            "unable: unclear after correction",
        ),
        NotProcessedPetition => (
            "不予处理·信访举报投诉类申请",
            "not processed: petition or complaint",
        ),
        NotProcessedDuplicate => ("不予处理·重复申请", "not processed: duplicate"),
        NotProcessedPublication => ("不予处理·要求提供公开出版物", "not processed: publication"),
        NotProcessedMassive => (
            "不予处理·无正当理由大量反复申请",
            "not processed: massive repeated",
        ),
        NotProcessedConfirm => (
            "不予处理·要求行政机关确认或重新出具已获取信息",
            "not processed: confirm or reissue",
        ),
        Other => ("其他处理", "other handling"),
        OtherNoCorrection => ("其他处理·逾期不补正", "other: no correction"),
        OtherFeeUnpaid => ("其他处理·逾期未缴纳费用", "other: fee unpaid"),
        OtherOther => ("其他处理·其他", "other: other"),
        TotalProcessed => ("办理结果总计", "total processed"),
        CarriedForward => ("结转下年度", "carried forward"),
    }
}

/// Table 3 column name (Chinese, English).
pub fn applicant(column: ApplicantColumn) -> (&'static str, &'static str) {
    use ApplicantColumn::*;
    match column {
        NaturalPerson => ("自然人", "natural persons"),
        Commercial => ("商业企业", "commercial enterprises"),
        Research => ("科研机构", "research institutions"),
        SocialWelfare => ("社会公益组织", "social welfare organizations"),
        LegalService => ("法律服务机构", "legal service institutions"),
        OtherOrg => ("其他", "other organizations"),
        Total => ("总计", "total"),
    }
}

/// Table 4 group name (Chinese, English).
pub fn review_group(group: ReviewGroup) -> (&'static str, &'static str) {
    match group {
        ReviewGroup::Review => ("行政复议", "administrative reconsideration"),
        ReviewGroup::LitigationDirect => (
            "行政诉讼·未经复议直接起诉",
            "litigation without reconsideration",
        ),
        ReviewGroup::LitigationAfterReview => {
            ("行政诉讼·复议后起诉", "litigation after reconsideration")
        }
    }
}

/// Table 4 outcome name (Chinese, English).
pub fn review_outcome(outcome: ReviewOutcome) -> (&'static str, &'static str) {
    match outcome {
        ReviewOutcome::Upheld => ("结果维持", "upheld"),
        ReviewOutcome::Corrected => ("结果纠正", "corrected"),
        ReviewOutcome::Other => ("其他结果", "other outcome"),
        ReviewOutcome::Pending => ("尚未审结", "pending"),
        ReviewOutcome::Total => ("总计", "total"),
    }
}

/// Table 2 item name (Chinese, English).
pub fn item(item: ProactiveItem) -> (&'static str, &'static str) {
    use ProactiveItem::*;
    match item {
        Regulations => ("规章", "regulations"),
        NormativeDocuments => ("规范性文件", "normative documents"),
        Licensing => ("行政许可", "licensing"),
        OtherServices => ("其他对外管理服务事项", "other services"),
        Penalty => ("行政处罚", "penalties"),
        Coercion => ("行政强制", "coercive measures"),
        AdminFees => ("行政事业性收费", "administrative fees"),
        Procurement => ("政府集中采购", "central procurement"),
    }
}

/// Table 2 column name (Chinese, English).
pub fn proactive_column(column: ProactiveColumn) -> (&'static str, &'static str) {
    use ProactiveColumn::*;
    match column {
        Made => ("本年新制作数量", "made this year"),
        Published => ("本年新公开数量", "published this year"),
        TotalPublished => ("对外公开总数量", "total published"),
        PrevItems => ("上一年项目数量", "items last year"),
        Change => ("本年增/减", "change this year"),
        Decisions => ("处理决定数量", "decisions"),
        Items => ("采购项目数量", "procurement items"),
        Amount => ("金额", "amount"),
        Issued => ("本年制发件数", "issued this year"),
        Repealed => ("本年废止件数", "repealed this year"),
        InForce => ("现行有效件数", "in force"),
    }
}
