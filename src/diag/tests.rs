use super::render::Paint;
use super::*;

fn unknown(id: &str) -> DiagKind {
    DiagKind::UnknownRef {
        kind: crate::vocab::ItemKind::Action,
        id: id.into(),
        suggestion: Some("harm_risk".into()),
    }
}

#[test]
fn locates_and_draws_a_caret() {
    let file = SourceFile::new("rules/x.toml", "x.toml", "a = 1\nwhen = \"harm_riks\"\n");
    let start = file.text.find("harm_riks").unwrap();
    let d = Diagnostic::new(&file, Some(start..start + 9), unknown("harm_riks"));
    assert_eq!(d.location(), "rules/x.toml:2:9");
    let shown = d.render(Lang::En, Paint::default());
    assert!(
        shown.contains("error: unknown action `harm_riks`"),
        "{shown}"
    );
    assert!(shown.contains("--> rules/x.toml:2:9"), "{shown}");
    assert!(shown.contains("2 | when = \"harm_riks\""), "{shown}");
    assert!(shown.contains("  |         ^^^^^^^^^"), "{shown}");
    assert!(
        shown.contains("= help: did you mean `harm_risk`?"),
        "{shown}"
    );
    let id = d.render(Lang::Id, Paint::default());
    assert!(
        id.contains("galat: langkah `harm_riks` tidak dikenal"),
        "{id}"
    );
    assert!(id.contains("= bantuan: maksud Anda `harm_risk`?"), "{id}");
}

#[test]
fn spans_past_the_end_are_clamped() {
    let file = SourceFile::new("f", "f", "ab");
    let d = Diagnostic::new(&file, Some(10..20), DiagKind::NoAnswersTable);
    assert_eq!(d.location(), "f:1:3");
    let _ = d.render(Lang::En, Paint::default());
}

#[test]
fn a_long_line_is_cut_to_a_window_around_the_span() {
    let line = format!("actions = [{}\"zzz\"]", "\"aaaa\", ".repeat(20_000));
    let file = SourceFile::new("f", "f", line.clone());
    let at = line.find("zzz").unwrap();
    let d = Diagnostic::new(&file, Some(at..at + 3), unknown("zzz"));
    let shown = d.render(Lang::En, Paint::default());
    assert!(shown.len() < 1000, "{} bytes", shown.len());
    let lines: Vec<&str> = shown.lines().collect();
    let text = lines.iter().find(|l| l.starts_with("1 | ")).unwrap();
    let caret = lines.iter().find(|l| l.contains('^')).unwrap();
    assert!(text.starts_with("1 | …"), "{text}");
    // The caret stands under `zzz`.
    let col = caret.find('^').unwrap();
    assert_eq!(&text[text.char_indices().nth(col).unwrap().0..][..3], "zzz");
    assert_eq!(d.location(), format!("f:1:{}", at + 1));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let text = "title = \"\u{1b}]0;owned\u{7}\u{1b}[2J\"\nx = 1\n";
    let file = SourceFile::new("f\u{1b}[31m", "f", text);
    let d = Diagnostic::new(
        &file,
        Some(0..5),
        DiagKind::UnknownQuestion {
            key: "a\nb\u{1b}[2J".into(),
            suggestion: None,
        },
    );
    let shown = d.render(Lang::En, Paint::default());
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
    assert!(!shown.contains('\u{7}'), "{shown:?}");
    assert!(
        shown.contains("unknown question `a\\nb\\u{1b}[2J`"),
        "{shown}"
    );
}

#[test]
fn diagnostics_beyond_the_limits_are_counted_not_kept() {
    let file = SourceFile::new("f", "f", "x");
    let mut all = Diagnostics::new();
    for _ in 0..(PER_FILE + 3000) {
        all.add(&file, Some(0..1), unknown("x"));
    }
    assert_eq!(all.iter().count(), PER_FILE);
    assert_eq!(all.errors(), PER_FILE + 3000);
    let shown = render_all(&all, false, Lang::En, false);
    assert!(
        shown.contains("error: and 3000 more like this (unknown_reference) in `f`"),
        "{shown}"
    );
    for i in 0..(TOTAL / PER_FILE + 2) {
        let other = SourceFile::new(format!("g{i}"), "g", "x");
        for _ in 0..PER_FILE {
            all.add(&other, Some(0..1), unknown("x"));
        }
    }
    assert_eq!(all.iter().count(), TOTAL, "and no more in all");
}

#[test]
fn every_kind_speaks_both_languages() {
    use crate::vocab::{ItemKind, QuestionKind};
    let field = Field::of(ItemKind::Obligation, "x", "title");
    let kinds = vec![
        DiagKind::NotUtf8,
        DiagKind::NoPackToml,
        DiagKind::BadText,
        DiagKind::EmptyText(field.clone()),
        DiagKind::MissingTranslation {
            field,
            lang: Lang::Id,
        },
        DiagKind::TooFewOptions {
            id: "q".into(),
            kind: QuestionKind::OneOf,
        },
        DiagKind::UnsureNotAllowed {
            question: "q".into(),
            allowed: crate::condition::Listed::of(["a"]),
        },
        DiagKind::NeverApplies { id: "o".into() },
        DiagKind::NotRead,
        DiagKind::EmptyAnswer {
            question: "q".into(),
        },
        DiagKind::RepeatedOption {
            question: "q".into(),
            option: "a".into(),
        },
    ];
    for k in kinds {
        assert_ne!(k.message(Lang::Id), k.message(Lang::En), "{k:?}");
        assert_ne!(k.help(Lang::Id), k.help(Lang::En), "{k:?}");
    }
}

#[test]
fn a_megabyte_id_is_quoted_short() {
    let huge = "z".repeat(1_000_000);
    let file = SourceFile::new("f", "f", format!("x = \"{huge}\""));
    let d = Diagnostic::new(&file, Some(5..5 + huge.len()), unknown(&huge));
    let shown = d.render(Lang::En, Paint::default());
    assert!(shown.len() < 1000, "{} bytes", shown.len());
    assert!(shown.contains("unknown action `zzzz"), "{shown}");
    assert!(shown.contains('…'), "{shown}");
    // Short quotes are left whole.
    assert_eq!(super::render::clip_quoted("a `b` c"), "a `b` c");
}

#[test]
fn past_twenty_kinds_the_rest_are_summed_in_one_line() {
    let mut all = Diagnostics::new();
    for i in 0..5000 {
        let f = SourceFile::new(format!("file{i}"), "f", "x");
        all.add(&f, Some(0..1), unknown("x"));
    }
    let shown = render_all(&all, false, Lang::En, false);
    assert_eq!(shown.matches("more like this").count(), 20, "{shown}");
    assert!(
        shown.contains("error: and 4780 more problems in 4780 files"),
        "{shown}"
    );
    assert!(shown.len() < 100_000, "{} bytes", shown.len());
    let id = render_all(&all, false, Lang::Id, false);
    assert!(
        id.contains("galat: dan 4780 masalah lain di 4780 berkas"),
        "{id}"
    );
}

#[test]
fn clean_inline_escapes_marks_that_reorder_text() {
    assert_eq!(
        clean_inline("a\u{202e}b\u{2066}c\u{1b}d"),
        "a\\u{202e}b\\u{2066}c\\u{1b}d"
    );
    let file = SourceFile::new("f", "f", "k = \"x\u{202e}y\"\n");
    let d = Diagnostic::new(&file, Some(4..12), DiagKind::NoAnswersTable);
    assert!(!d.render(Lang::En, Paint::default()).contains('\u{202e}'));
}
