//! The HTML report: a case note that stands alone (no script, no font, no image, nothing
//! fetched), reads in any browser and prints cleanly to paper or PDF. Every text, from the
//! pack or the interface, is escaped; only the page's own markup is written raw.

use std::fmt::Write as _;

use crate::view::{Report, WhyView};
use crate::words::words;

/// Text made safe anywhere in an HTML body or a quoted attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in a document; line breaks and tabs do.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text with its paragraphs kept: each blank-line-separated part a `<p>`.
fn paras(s: &str) -> String {
    s.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", esc(p).replace('\n', "<br>")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn why_text(why: &[WhyView]) -> String {
    why.iter()
        .map(|w| format!("{} → {}", esc(&w.prompt), esc(&w.answer_text)))
        .collect::<Vec<_>>()
        .join("; ")
}

const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.45; max-width: 46rem;
  margin: 2rem auto; padding: 0 1rem; color: #111; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
.meta, .note { color: #444; }
.disclaimer { border-left: 4px solid #777; padding: .3rem .8rem; background: #f4f4f4; }
.binding { border-left: 4px solid #8b0000; padding-left: .8rem; }
.mark { color: #8b0000; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
dl dt { font-weight: bold; }
.write { border-bottom: 1px solid #999; height: 4.5rem; margin-bottom: 1rem; }
.legend { list-style: none; padding-left: 0; color: #444; }
.sign { width: 100%; border: none; }
.sign th, .sign td { border: none; border-bottom: 1px solid #999; height: 2.2rem; vertical-align: bottom; }
.sign th { width: 30%; font-weight: bold; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .obligation, tr, li, dl { break-inside: avoid; page-break-inside: avoid; }
  .disclaimer { background: none; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 2cm; }
";

pub fn to_html(r: &Report) -> String {
    let w = words(r.lang);
    let mut o = String::new();
    let lang = match r.lang {
        crate::vocab::Lang::Id => "id",
        crate::vocab::Lang::En => "en",
    };
    let title = format!("{}: {}", w.case_note, w.report_title);
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"etika\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(&title)
    );
    let _ = writeln!(o, "<header>\n<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        o,
        "<p class=\"meta\">{}: {}<br>{}</p>",
        esc(w.date),
        esc(r.date.as_deref().unwrap_or("—")),
        esc(&r.pack.describe(w.edition))
    );
    let _ = writeln!(
        o,
        "<div class=\"disclaimer\">{}</div>",
        paras(&r.disclaimer)
    );
    let _ = writeln!(o, "<p class=\"note\"><em>{}</em></p>", esc(w.no_names));
    let _ = writeln!(
        o,
        "<p class=\"note\"><strong>{}</strong></p>\n<ul class=\"legend\">",
        esc(w.legend)
    );
    for line in super::legend(r.lang) {
        let _ = writeln!(o, "<li>{}</li>", esc(line));
    }
    let _ = writeln!(o, "</ul>\n</header>");

    let _ = writeln!(o, "<section>\n<h2>{}</h2>\n<ul>", esc(w.in_short));
    for line in &r.summary {
        let _ = writeln!(o, "<li>{}</li>", esc(line));
    }
    let _ = writeln!(o, "</ul>\n</section>");

    let _ = writeln!(
        o,
        "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(w.situation),
        esc(w.question),
        esc(w.answer)
    );
    for s in &r.situation {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&s.prompt),
            esc(&s.answer_text)
        );
    }
    let _ = writeln!(o, "</tbody>\n</table>\n</section>");

    let obligation = |o: &mut String, heading: String, ob: &crate::view::ObligationView| {
        let class = if ob.binding {
            "obligation binding"
        } else {
            "obligation"
        };
        let _ = writeln!(o, "<div class=\"{class}\">\n<h3>{heading}</h3>");
        let _ = writeln!(o, "{}", paras(&ob.text));
        let _ = writeln!(
            o,
            "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n</dl>\n</div>",
            esc(w.source),
            esc(&ob.source),
            esc(w.principles),
            esc(&ob.principle_names.join(", ")),
            esc(w.why),
            why_text(&ob.why)
        );
    };
    let binding: Vec<_> = r.obligations.iter().filter(|x| x.binding).collect();
    if !binding.is_empty() {
        let _ = writeln!(
            o,
            "<section>\n<h2><span class=\"mark\">⚑</span> {}</h2>\n<p>{}</p>",
            esc(w.binding),
            esc(w.binding_note)
        );
        for ob in binding {
            let heading = format!("<span class=\"mark\">⚑</span> {}", esc(&ob.title));
            obligation(&mut o, heading, ob);
        }
        let _ = writeln!(o, "</section>");
    }
    let others: Vec<_> = r.obligations.iter().filter(|x| !x.binding).collect();
    if !others.is_empty() {
        let _ = writeln!(o, "<section>\n<h2>{}</h2>", esc(w.obligations));
        for (i, ob) in others.iter().enumerate() {
            obligation(&mut o, format!("{}. {}", i + 1, esc(&ob.title)), ob);
        }
        let _ = writeln!(o, "</section>");
    }

    if !r.depends_on.is_empty() {
        let _ = writeln!(
            o,
            "<section>\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
            esc(w.depends_on),
            esc(w.depends_note)
        );
        for p in &r.depends_on {
            let mark = if p.binding {
                "<span class=\"mark\">⚑</span> "
            } else {
                ""
            };
            let _ = writeln!(
                o,
                "<li>{mark}{} ({} {})</li>",
                esc(&p.title),
                esc(w.hinges_on),
                esc(&p
                    .hinges_on_text
                    .iter()
                    .map(|q| format!("“{q}”"))
                    .collect::<Vec<_>>()
                    .join(" "))
            );
        }
        let _ = writeln!(o, "</ul>\n</section>");
    }

    if !r.tensions.is_empty() {
        let _ = writeln!(o, "<section>\n<h2>{}</h2>", esc(w.tensions));
        for t in &r.tensions {
            let _ = writeln!(
                o,
                "<h3>{} <span class=\"note\">({} ↔ {})</span></h3>\n{}\n<p>{}: <strong>{}</strong><br>{}</p>",
                esc(&t.title),
                esc(&t.principle_names[0]),
                esc(&t.principle_names[1]),
                paras(&t.explanation),
                esc(w.prevails),
                esc(&t.prevails_name),
                esc(&t.settled_text)
            );
        }
        if let Some(note) = &r.ranking.note {
            let _ = writeln!(o, "<p class=\"note\"><em>{}</em></p>", esc(note));
        }
        let _ = writeln!(o, "</section>");
    }

    let _ = writeln!(
        o,
        "<section>\n<h2>{}</h2>\n<p><strong>{}</strong>",
        esc(w.consult),
        esc(&r.consult.text)
    );
    if !r.consult.because_text.is_empty() {
        let _ = write!(
            o,
            "<br>{} {}",
            esc(w.because),
            esc(&r.consult.because_text.join("; "))
        );
    }
    let _ = writeln!(o, "</p>\n</section>");

    let _ = writeln!(o, "<section>\n<h2>{}</h2>\n<ol>", esc(w.course));
    for s in &r.course_of_action {
        let mut mark = String::new();
        if s.weight == crate::vocab::Weight::Decisive {
            mark.push_str("● ");
        }
        if s.question.is_some() {
            mark.push_str("? ");
        }
        let mut extra = String::new();
        if !s.parties_text.is_empty() {
            extra.push_str(&format!(
                " [{} {}]",
                esc(w.for_parties),
                esc(&s.parties_text.join("; "))
            ));
        }
        if !s.services_text.is_empty() {
            extra.push_str(&format!(" → {}", esc(&s.services_text.join("; "))));
        }
        let (kind, text) = super::step_parts(s, r.lang);
        let _ = writeln!(
            o,
            "<li><strong>{mark}{}</strong> ({}): {}{extra}</li>",
            esc(&s.short),
            esc(&kind),
            esc(text)
        );
    }
    let _ = writeln!(o, "</ol>\n</section>");

    if !r.services.is_empty() {
        let _ = writeln!(o, "<section>\n<h2>{}</h2>\n<ul>", esc(w.services));
        for v in &r.services {
            let contact = if v.own {
                w.own_unit
            } else {
                v.contact.as_str()
            };
            let _ = writeln!(
                o,
                "<li><strong>{}</strong>: {} ({}: {})</li>",
                esc(&v.name),
                esc(contact),
                esc(w.source),
                esc(&v.source)
            );
        }
        let _ = writeln!(o, "</ul>\n</section>");
    }

    if !r.not_covered.is_empty() {
        let _ = writeln!(
            o,
            "<section>\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
            esc(w.not_covered),
            esc(w.not_covered_note)
        );
        for n in &r.not_covered {
            let _ = writeln!(
                o,
                "<li><strong>{}</strong>: {}</li>",
                esc(&n.prompt),
                esc(&n.text)
            );
        }
        let _ = writeln!(o, "</ul>\n</section>");
    }

    if !r.find_out.is_empty() {
        let _ = writeln!(o, "<section>\n<h2>{}</h2>\n<ul>", esc(w.find_out));
        for f in &r.find_out {
            let _ = writeln!(o, "<li><strong>{}</strong>\n<ul>", esc(&f.prompt));
            for (answer, change) in &f.ordered {
                let _ = writeln!(
                    o,
                    "<li>{} “{}”: {}</li>",
                    esc(w.if_answer),
                    esc(answer),
                    esc(&change.lines.join("; "))
                );
            }
            let _ = writeln!(o, "</ul></li>");
        }
        let _ = writeln!(o, "</ul>\n</section>");
    }

    if let Some(wi) = &r.what_if {
        let _ = writeln!(
            o,
            "<section>\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
            esc(w.what_if),
            why_text(&wi.answers)
        );
        for line in &wi.change.lines {
            let _ = writeln!(o, "<li>{}</li>", esc(line));
        }
        let _ = writeln!(o, "</ul>\n</section>");
    }

    if !r.left_out.is_empty() {
        let _ = writeln!(
            o,
            "<section>\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
            esc(w.left_out),
            esc(w.left_out_note)
        );
        for l in &r.left_out {
            let reason = if l.note.is_empty() {
                why_text(&l.why)
            } else {
                esc(&l.note)
            };
            let _ = writeln!(o, "<li>{} ({} {reason})</li>", esc(&l.text), esc(w.because));
        }
        let _ = writeln!(o, "</ul>\n</section>");
    }

    if !r.frame.is_empty() {
        let _ = writeln!(o, "<section>\n<h2>{}</h2>\n<ul>", esc(w.frame));
        for d in &r.frame {
            let _ = writeln!(o, "<li>{} ({})</li>", esc(&d.title), esc(&d.source));
        }
        let _ = writeln!(o, "</ul>\n</section>");
    }

    let _ = writeln!(o, "<section>\n<h2>{}</h2>", esc(w.reflection));
    for (i, p) in w.reflection_prompts.iter().enumerate() {
        let _ = writeln!(
            o,
            "<p><strong>{}. {}</strong></p>\n<div class=\"write\"></div>",
            i + 1,
            esc(p)
        );
    }
    let _ = writeln!(o, "</section>");
    let (heading, fields) = super::sign_off(r.lang);
    let _ = writeln!(
        o,
        "<section>\n<h2>{}</h2>\n<table class=\"sign\">",
        esc(heading)
    );
    for (label, lines) in fields {
        let _ = writeln!(o, "<tr><th>{}</th><td></td></tr>", esc(label));
        for _ in 1..lines {
            let _ = writeln!(o, "<tr><th></th><td></td></tr>");
        }
    }
    let _ = writeln!(o, "</table>\n</section>\n</body>\n</html>");
    o
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>\u{1b}[31m"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;[31m"
        );
        assert_eq!(esc("a\nb"), "a\nb");
    }
}
