//! `etika practice`: a student practises a case; an instructor grades answer files.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use inquire::Select;

use super::{Cancelled, Context, Exit};
use crate::answers::{self, Answers};
use crate::interview::{self, Stop};
use crate::pack::{Case, Pack};
use crate::practice::{Feedback, grade};
use crate::report::Format;
use crate::report::feedback::{
    GradeRow, feedback_json, feedback_markdown, feedback_table, grade_table,
};
use crate::terminal::Terminal;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case to practise or grade (see `etika list cases`); asked for when left out
    pub case: Option<String>,
    /// Grade these answer files without asking anything (one file: full feedback; several:
    /// a table, one row per file)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub answers: Vec<PathBuf>,
    /// Save the student's answers and chosen course to FILE (mode 0600), to hand in
    #[arg(long, value_name = "FILE", conflicts_with = "answers")]
    pub save: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

fn find_case<'p>(pack: &'p Pack, id: &str) -> Result<&'p Case> {
    if let Some(c) = pack.case(id) {
        return Ok(c);
    }
    let hint = match crate::suggest::closest(id, pack.cases.iter().map(|c| c.id.get_ref().as_str()))
    {
        Some(s) => format!("did you mean `{s}`?"),
        None => "`etika list cases` shows the cases of this pack".into(),
    };
    bail!("no case has the id `{id}`\n  help: {hint}")
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack()?;
    if pack.cases.is_empty() {
        bail!("this pack has no practice cases (cases/*.toml)");
    }
    if !args.answers.is_empty() {
        return grade_files(cx, &pack, &args);
    }
    if !cx.stdin_tty {
        bail!(
            "`etika practice` asks its questions in a terminal, and there is none here\n  \
             help: grade a file of answers with `etika practice CASE --answers FILE`"
        );
    }
    let lang = cx.lang;
    let case = match &args.case {
        Some(id) => find_case(&pack, id)?,
        None => choose_case(&pack, cx)?,
    };
    show_narrative(case, cx);
    let save_to = args.save.as_deref();
    let mut saved = |a: &Answers| match save_to {
        Some(path) => answers::write_atomic(path, &practice_toml(&pack, case, a, None)),
        None => Ok(()),
    };
    let mut terminal = Terminal::new(cx.style.color, cx.prompt_width);
    let given = match interview::interview(&pack, &mut terminal, Answers::new(), lang, &mut saved) {
        Ok(a) => a,
        Err(Stop::Cancelled) => return Err(Cancelled.into()),
        Err(Stop::Failed(m)) => bail!(m),
    };
    let course = choose_course(case, cx)?;
    if let Some(path) = save_to {
        answers::write_atomic(path, &practice_toml(&pack, case, &given, course.as_deref()))?;
        eprintln!(
            "{} {}",
            lang.pick("Jawaban disimpan di", "Answers saved to"),
            path.display()
        );
    }
    let f = grade(&pack, case, &given, course.as_deref());
    super::print(&render_one(&pack, case, &f, None, cx, args.format))?;
    Ok(Exit::Success)
}

fn render_one(
    pack: &Pack,
    case: &Case,
    f: &Feedback,
    file: Option<&str>,
    cx: &Context,
    format: Format,
) -> String {
    match format {
        Format::Table => feedback_table(pack, case, f, &cx.style),
        Format::Markdown => feedback_markdown(pack, case, f, cx.lang),
        Format::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&feedback_json(pack, case, f, file, cx.lang))
                .expect("JSON serialises")
        ),
    }
}

fn choose_case<'p>(pack: &'p Pack, cx: &Context) -> Result<&'p Case> {
    let lang = cx.lang;
    let titles: Vec<String> = pack
        .cases
        .iter()
        .map(|c| c.title.get(lang).to_string())
        .collect();
    let chosen = Select::new(
        lang.pick("Pilih kasus untuk dilatih:", "Choose a case to practise:"),
        titles,
    )
    .with_render_config(terminal_render(cx))
    .with_help_message(crate::terminal::select_help(lang))
    .with_page_size(12)
    .raw_prompt()
    .map_err(|_| Cancelled)?;
    Ok(&pack.cases[chosen.index])
}

fn terminal_render(cx: &Context) -> inquire::ui::RenderConfig<'static> {
    crate::terminal::render_config(cx.style.color)
}

fn show_narrative(case: &Case, cx: &Context) {
    let lang = cx.lang;
    let w = (cx.prompt_width as usize).min(100);
    eprintln!("\n{}\n", cx.style.bold(case.title.get(lang)));
    for para in case.narrative.get(lang).trim().split("\n\n") {
        eprintln!("{}\n", textwrap::fill(para.trim(), w));
    }
    eprintln!(
        "{}\n",
        textwrap::fill(
            lang.pick(
                "Jawablah pertanyaan berikut sebagaimana Anda membaca kasus ini.",
                "Answer the questions that follow as you read this case."
            ),
            w
        )
    );
}

fn choose_course(case: &Case, cx: &Context) -> Result<Option<String>> {
    if case.courses.is_empty() {
        return Ok(None);
    }
    let lang = cx.lang;
    let w = (cx.prompt_width as usize).min(100);
    // The courses in full, lettered, so a narrow terminal still shows every word; the list
    // to choose from then needs only the letter and the first words.
    eprintln!();
    let mut labels = Vec::new();
    for (i, c) in case.courses.iter().enumerate() {
        let letter = (b'A' + i as u8) as char;
        let text = c.text.get(lang);
        let opts = textwrap::Options::new(w).subsequent_indent("   ");
        eprintln!("{}\n", textwrap::fill(&format!("{letter}. {text}"), opts));
        let short: String = text.chars().take(w.saturating_sub(12).max(10)).collect();
        let more = if short.len() < text.len() { "…" } else { "" };
        labels.push(format!("{letter}. {short}{more}"));
    }
    let chosen = Select::new(
        lang.pick(
            "Langkah mana yang akan Anda ambil?",
            "Which course of action would you take?",
        ),
        labels,
    )
    .with_render_config(terminal_render(cx))
    .with_help_message(crate::terminal::select_help(lang))
    .raw_prompt()
    .map_err(|_| Cancelled)?;
    Ok(Some(case.courses[chosen.index].id.get_ref().clone()))
}

/// A student's answers file: the case, the chosen course, and the answers.
pub fn practice_toml(pack: &Pack, case: &Case, a: &Answers, course: Option<&str>) -> String {
    let body = answers::to_toml(pack, a);
    let mut head = format!(
        "case = {}\n",
        toml::Value::String(case.id.get_ref().clone())
    );
    if let Some(c) = course {
        head.push_str(&format!(
            "course = {}\n",
            toml::Value::String(c.to_string())
        ));
    }
    // Top-level keys must come before the first table.
    match body.find("\n[") {
        Some(i) => format!("{}\n{head}{}", &body[..i], &body[i..]),
        None => format!("{head}{body}"),
    }
}

fn grade_one(pack: &Pack, path: &Path, case_arg: Option<&str>) -> Result<(String, Feedback)> {
    let file = super::assess::read_answers(pack, path)?;
    let case_id = match (case_arg, &file.case) {
        (Some(c), Some(f)) if c != f => bail!(
            "`{}` answers the case `{f}`, not `{c}`\n  help: grade it with `etika practice {f} --answers {}`, or leave the case out",
            path.display(),
            path.display()
        ),
        (Some(c), _) => c.to_string(),
        (None, Some(c)) => c.clone(),
        (None, None) => bail!(
            "`{}` does not say which case it answers\n  help: name the case: `etika practice CASE --answers FILE`, or add `case = \"…\"` at the top of the file",
            path.display()
        ),
    };
    let case = find_case(pack, &case_id)?;
    let course = match &file.course {
        Some(c) if !case.courses.iter().any(|x| x.id.get_ref() == c.get_ref()) => {
            let ids: Vec<&str> = case
                .courses
                .iter()
                .map(|x| x.id.get_ref().as_str())
                .collect();
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let d = crate::diagnostic::Diagnostic::error(
                &name,
                &text,
                Some(c.span()),
                format!("the case `{case_id}` has no course `{}`", c.get_ref()),
            )
            .with_help(format!("choose one of: {}", ids.join(", ")));
            eprint!("{}", d.render(&text));
            bail!(super::Reported(format!(
                "{}: the case `{case_id}` has no course `{}`",
                d.location(),
                c.get_ref()
            )))
        }
        Some(c) => Some(c.get_ref().clone()),
        None => None,
    };
    Ok((case_id, grade(pack, case, &file.answers, course.as_deref())))
}

fn grade_files(cx: &Context, pack: &Pack, args: &Args) -> Result<Exit> {
    if args.answers.len() == 1 {
        let path = &args.answers[0];
        let (case_id, f) = grade_one(pack, path, args.case.as_deref())?;
        let case = pack.case(&case_id).expect("graded cases exist");
        super::print(&render_one(
            pack,
            case,
            &f,
            Some(&path.display().to_string()),
            cx,
            args.format,
        ))?;
        return Ok(Exit::Success);
    }
    let mut rows = Vec::new();
    for path in &args.answers {
        let result = grade_one(pack, path, args.case.as_deref())
            .map(|(_, f)| f)
            .map_err(|e| {
                let msg = e.to_string();
                msg.lines().next().unwrap_or("").to_string()
            });
        rows.push(GradeRow {
            file: path.display().to_string(),
            result,
        });
    }
    let failed = rows.iter().any(|r| r.result.is_err());
    match args.format {
        Format::Json => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| match &r.result {
                    Ok(f) => feedback_json(
                        pack,
                        pack.case(&f.case).expect("graded"),
                        f,
                        Some(&r.file),
                        cx.lang,
                    ),
                    Err(e) => serde_json::json!({"file": r.file, "error": e}),
                })
                .collect();
            super::print(&format!("{}\n", serde_json::to_string_pretty(&items)?))?;
        }
        _ => super::print(&grade_table(pack, &rows, &cx.style))?,
    }
    Ok(if failed { Exit::Failure } else { Exit::Success })
}
