//! The titles of the six statutory sections, with the wording variants met in
//! real reports (`政府`/`政务`, `改进情况`/`改进措施`, Art. 50 wording for 四).

use crate::ast::SectionKind;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::tag,
    character::complete::{one_of, space0},
    combinator::{map, opt, recognize},
};

fn gov(input: &str) -> IResult<&str, &str> {
    alt((tag("政府"), tag("政务"))).parse_complete(input)
}

fn overview(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            opt((gov, tag("信息公开"), opt(tag("工作")))),
            tag("总体"),
            opt(tag("工作")),
            tag("情况"),
        )),
        tag("概述"),
        tag("基本情况"),
    ))
    .parse_complete(input)
}

fn proactive(input: &str) -> IResult<&str, &str> {
    recognize((
        tag("主动公开"),
        opt(gov),
        opt(tag("信息")),
        opt(tag("工作")),
        opt(tag("的")),
        tag("情况"),
    ))
    .parse_complete(input)
}

fn requests(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            tag("收到和处理"),
            gov,
            tag("信息公开申请"),
            opt(tag("的")),
            tag("情况"),
        )),
        recognize((
            tag("依申请公开"),
            opt(gov),
            opt(tag("信息")),
            opt(tag("工作")),
            opt(tag("的")),
            tag("情况"),
        )),
    ))
    .parse_complete(input)
}

fn reviews(input: &str) -> IResult<&str, &str> {
    recognize((
        opt(tag("因")),
        opt((gov, tag("信息公开"), opt(tag("工作")))),
        opt(alt((tag("被申请"), tag("引起的")))),
        tag("行政复议"),
        alt((tag("、"), tag("和"), tag("及"), tag("与"), tag(","))),
        opt(tag("提起")),
        tag("行政诉讼"),
        opt(tag("的")),
        tag("情况"),
    ))
    .parse_complete(input)
}

fn problems(input: &str) -> IResult<&str, &str> {
    recognize((
        opt((gov, tag("信息公开工作"))),
        opt(tag("存在")),
        opt(tag("的")),
        opt(tag("主要")),
        tag("问题"),
        one_of("及和与"),
        alt((tag("改进"), tag("整改"))),
        alt((tag("情况"), tag("措施"))),
    ))
    .parse_complete(input)
}

fn other_matters(input: &str) -> IResult<&str, &str> {
    recognize((
        alt((tag("其他"), tag("其它"))),
        tag("需要报告"),
        opt(tag("的")),
        opt(tag("事项")),
    ))
    .parse_complete(input)
}

/// A section title (the words after the ordinal); returns its kind and the
/// title as printed.
pub fn section_title(input: &str) -> IResult<&str, (SectionKind, &str)> {
    let (rest, _) = space0.parse_complete(input)?;
    alt((
        map(overview, |t| (SectionKind::Overview, t)),
        map(proactive, |t| (SectionKind::ProactiveDisclosure, t)),
        map(requests, |t| (SectionKind::Requests, t)),
        map(reviews, |t| (SectionKind::ReviewsAndLitigation, t)),
        map(problems, |t| (SectionKind::ProblemsAndImprovements, t)),
        map(other_matters, |t| (SectionKind::OtherMatters, t)),
    ))
    .parse_complete(rest)
}

/// Whether the title text is the exact official wording (or its 政务 twin).
pub fn is_official_wording(kind: SectionKind, title: &str) -> bool {
    let official = kind.official_heading();
    let official_title = official
        .split_once('、')
        .map(|(_, t)| t)
        .unwrap_or(official);
    title == official_title || title.replace("政务", "政府") == official_title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_title_doc_examples() {
        use crate::SectionKind;
        use crate::grammar::section_title::section_title;
        let (_, (kind, _)) = section_title("收到和处理政务信息公开申请情况")
            .unwrap_or(("", (SectionKind::Overview, "")));
        assert_eq!(kind, SectionKind::Requests);
        assert!(section_title("本年度办理结果").is_err());
    }

    fn kind(s: &str) -> Option<SectionKind> {
        section_title(s).ok().map(|(_, (k, _))| k)
    }

    #[test]
    fn official_titles() {
        for k in SectionKind::ALL {
            let heading = k.official_heading();
            let title = heading.split_once('、').map(|(_, t)| t).unwrap_or("");
            assert_eq!(kind(title), Some(k), "{title}");
            assert!(is_official_wording(k, title));
        }
    }

    #[test]
    fn variants() {
        assert_eq!(
            kind("主动公开政务信息情况"),
            Some(SectionKind::ProactiveDisclosure)
        );
        assert_eq!(
            kind("存在的主要问题及改进措施"),
            Some(SectionKind::ProblemsAndImprovements)
        );
        assert_eq!(
            kind("政府信息公开工作存在的主要问题及改进情况"),
            Some(SectionKind::ProblemsAndImprovements)
        );
        assert_eq!(
            kind("存在问题及改进情况"),
            Some(SectionKind::ProblemsAndImprovements)
        );
        assert_eq!(
            kind("主要问题及改进措施"),
            Some(SectionKind::ProblemsAndImprovements)
        );
        assert_eq!(kind("其他需要报告事项"), Some(SectionKind::OtherMatters));
        assert_eq!(kind("概述"), Some(SectionKind::Overview));
        assert_eq!(kind("政府信息公开总体情况"), Some(SectionKind::Overview));
        assert_eq!(kind("总体工作情况"), Some(SectionKind::Overview));
        assert_eq!(kind("依申请公开情况"), Some(SectionKind::Requests));
        assert_eq!(
            kind("存在问题及整改情况"),
            Some(SectionKind::ProblemsAndImprovements)
        );
        assert_eq!(kind("其它需要报告的事项"), Some(SectionKind::OtherMatters));
        assert_eq!(
            kind("因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
            Some(SectionKind::ReviewsAndLitigation)
        );
        assert_eq!(
            kind("政务信息公开行政复议、行政诉讼情况"),
            Some(SectionKind::ReviewsAndLitigation)
        );
    }

    #[test]
    fn table_rows_are_not_titles() {
        assert_eq!(kind("本年度办理结果"), None);
        assert_eq!(kind("结转下年度继续办理"), None);
        assert_eq!(kind("本年新收政府信息公开申请数量"), None);
        assert_eq!(kind("主动公开工作"), None);
    }
}
