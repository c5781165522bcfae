// Span invariants shared by the fuzz targets (included with `include!`).

fn check_span(input: &str, span: gov_disclosure_report::Span, what: &str) {
    assert!(span.start <= span.end && span.end <= input.len(), "{what}: {span:?} out of bounds");
    assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end), "{what}: {span:?} off a char boundary");
}

fn check_report(input: &str, report: &gov_disclosure_report::AnnualReport) {
    use gov_disclosure_report::Table;
    check_span(input, report.span, "report");
    for d in &report.diagnostics {
        check_span(input, d.span, "diagnostic");
    }
    for p in &report.preamble {
        check_span(input, p.span, "preamble");
    }
    let mut previous = 0;
    for s in &report.sections {
        check_span(input, s.span, "section");
        assert!(s.span.start >= previous, "sections out of order");
        previous = s.span.end;
        assert!(s.span.contains(s.heading.span), "heading outside its section");
        for p in &s.paragraphs {
            assert!(s.span.contains(p.span), "paragraph outside its section");
            for sentence in &p.sentences {
                assert!(p.span.contains(sentence.span), "sentence outside its paragraph");
            }
        }
        let cells: Vec<(gov_disclosure_report::Span, Vec<&gov_disclosure_report::Cell>)> = match &s.table {
            Some(Table::ProactiveDisclosure(t)) => t.rows.iter().map(|r| (r.span, r.cells.iter().collect())).collect(),
            Some(Table::Requests(t)) => t.rows.iter().map(|r| (r.span, r.cells.iter().collect())).collect(),
            Some(Table::ReviewsAndLitigation(t)) => vec![(t.span, t.cells.iter().collect())],
            // `Table` is non-exhaustive: a table kind added later is not checked here.
            Some(_) | None => Vec::new(),
        };
        for (row, cells) in cells {
            assert!(s.span.contains(row), "row outside its section");
            for c in cells {
                check_span(input, c.span, "cell");
                // Only an inferred cell, printed elsewhere by the converter,
                // may lie outside its row.
                assert!(row.contains(c.span) || c.inferred, "cell outside its row");
            }
        }
    }
}
