//! `etika practice`: a student practises a case; an instructor grades answer files.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::output::{show, shown};
use super::session::{SaveTo, Start};
use super::{Cancelled, Context, Exit, Failure, Reported};
use crate::answers;
use crate::diag::{DiagKind, Diagnostic, Diagnostics, render_all};
use crate::interview::{Plain, Prompter, Session, Stop, Terminal, choose_case, practise};
use crate::pack::{Case, Pack};
use crate::practice::{Feedback, grade};
use crate::render;
use crate::view::{self, feedback_view};
use crate::vocab::Answers;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case to practise or grade (see `etika list cases`); asked for when left out
    pub case: Option<String>,
    /// Grade these answer files without asking anything (one file: full feedback; several:
    /// a table, one row per file, and a class summary)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub answers: Vec<PathBuf>,
    /// Write the feedback or grades to FILE (mode 0600) instead of standard output, replacing
    /// it at once; one already there only with --force
    #[arg(long, value_name = "FILE", requires = "answers")]
    pub out: Option<PathBuf>,
    /// Save the student's answers and chosen course to FILE (mode 0600), to hand in
    #[arg(long, value_name = "FILE", conflicts_with = "answers")]
    pub save: Option<PathBuf>,
    /// Let --save or --out replace a file that is already there
    #[arg(long)]
    pub force: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = FeedbackFormat::Table)]
    pub format: FeedbackFormat,
}

/// The formats of practice feedback (a case note in HTML is for `assess`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FeedbackFormat {
    Table,
    Markdown,
    Json,
    Csv,
}

fn find_case<'p>(cx: &Context, pack: &'p Pack, id: &str) -> Result<&'p Case> {
    if let Some(c) = pack.case(id) {
        return Ok(c);
    }
    let hint = crate::vocab::suggest::close_names(id, pack.cases.iter().map(|c| c.id.as_str()));
    Err(Failure::say(
        cx.lang,
        (
            format!("tidak ada kasus dengan id `{id}`"),
            format!("no case has the id `{id}`"),
        ),
        Some(match hint {
            Some(s) => (
                format!(
                    "maksud Anda {}?",
                    crate::vocab::suggest::or_list(cx.lang, &s, '`')
                ),
                format!(
                    "did you mean {}?",
                    crate::vocab::suggest::or_list(cx.lang, &s, '`')
                ),
            ),
            None => (
                "`etika list cases` menampilkan kasus paket ini".into(),
                "`etika list cases` shows the cases of this pack".into(),
            ),
        }),
    )
    .into())
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack(true)?;
    let lang = cx.lang;
    if pack.cases.is_empty() {
        return Err(Failure::say(
            lang,
            (
                "paket ini tidak memiliki kasus latihan (cases/*.toml)".into(),
                "this pack has no practice cases (cases/*.toml)".into(),
            ),
            None,
        )
        .into());
    }
    if !args.answers.is_empty() {
        return grade_files(cx, &pack, &args);
    }
    if !cx.stdin_tty {
        return Err(Failure::say(
            lang,
            (
                "`etika practice` mengajukan pertanyaan di terminal, dan di sini tidak ada terminal".into(),
                "`etika practice` asks its questions in a terminal, and there is none here".into(),
            ),
            Some((
                "nilai berkas jawaban dengan `etika practice KASUS --answers FILE`".into(),
                "grade a file of answers with `etika practice CASE --answers FILE`".into(),
            )),
        )
        .into());
    }
    let case = match &args.case {
        Some(id) => Some(find_case(cx, &pack, id)?),
        None => None,
    };
    // The file is checked and written before the first question, the choice of a case
    // included.
    let save_to = match &args.save {
        Some(path) => Some(SaveTo::prepare(
            cx,
            path,
            &answers::to_toml(&pack, &Answers::new(), &[]),
            Start::New {
                force: args.force,
                resume: false,
            },
            false,
            None,
        )?),
        None => None,
    };
    super::signals::install();
    // Plain lines for a screen reader or a dumb terminal (`--plain`, `TERM=dumb`), as `assess`.
    let mut plain;
    let mut terminal;
    let prompter: &mut dyn Prompter = if cx.plain {
        super::signals::plain();
        plain = Plain::new(std::io::stdin().lock(), std::io::stderr(), cx.prompt_width);
        &mut plain
    } else {
        terminal = Terminal::new(cx.color_err, cx.prompt_width, cx.prompt_height);
        &mut terminal
    };
    let stopped = |e: Stop| -> anyhow::Error {
        if let (Stop::Cancelled, Some(to)) = (&e, &save_to) {
            to.stopped();
        }
        match e {
            Stop::Cancelled => Cancelled.into(),
            Stop::Failed(m) => Failure::new(m, None).into(),
        }
    };
    let case = match case {
        Some(c) => c,
        None => choose_case(&pack, prompter, lang).map_err(stopped)?,
    };
    let mut saved = |a: &Answers| match &save_to {
        Some(to) => to.save(&practice_toml(&pack, &case.id, a, None), !a.is_empty()),
        None => Ok(()),
    };
    let mut session = Session {
        lang,
        saved: &mut saved,
        saving: save_to.is_some(),
    };
    let done = practise(&pack, prompter, Some(case), &mut session).map_err(stopped)?;
    if let Some(to) = &save_to {
        to.save(
            &practice_toml(&pack, &case.id, &done.answers, done.course.as_deref()),
            true,
        )
        .map_err(|e| Failure::new(e.to_string(), None))?;
        eprintln!(
            "{} {}",
            lang.pick("Jawaban disimpan di", "Answers saved to"),
            shown(&to.path())
        );
    }
    let f = grade(&pack, case, &done.answers, done.course.as_deref());
    let text = render_one(&pack, case, &f, None, &cx.style, args.format);
    if args.format == FeedbackFormat::Table {
        show(cx, &text)?;
    } else {
        super::print(cx, &text)?;
    }
    Ok(Exit::Success)
}

fn render_one(
    pack: &Pack,
    case: &Case,
    f: &Feedback,
    file: Option<&str>,
    style: &render::Style,
    format: FeedbackFormat,
) -> String {
    let v = feedback_view(pack, case, f, file, style.lang);
    match format {
        FeedbackFormat::Table => style.finish(render::feedback_table(&v, style)),
        FeedbackFormat::Markdown => render::feedback_markdown(&v, style.lang),
        FeedbackFormat::Json => render::to_json(&v),
        FeedbackFormat::Csv => {
            let rows = [(file.unwrap_or("-").to_string(), Ok(f.clone()))];
            let views = view::grade_rows(pack, &rows, style.lang);
            let class = view::class_view(pack, &rows, style.lang);
            let questions: Vec<String> =
                class.questions.iter().map(|q| q.question.clone()).collect();
            render::grade_csv(&views, &questions)
        }
    }
}

/// A student's answers file: the case, the chosen course, and the answers.
pub fn practice_toml(pack: &Pack, case: &str, a: &Answers, course: Option<&str>) -> String {
    let mut head = vec![("case", case)];
    if let Some(c) = course {
        head.push(("course", c));
    }
    answers::to_toml(pack, a, &head)
}

fn grade_one(
    cx: &Context,
    pack: &Pack,
    path: &Path,
    case_arg: Option<&str>,
) -> Result<(String, Feedback)> {
    let lang = cx.lang;
    // The file as messages name it, and as a command to type names it.
    let (name, arg) = (super::input::named(path), shown(path));
    let text_file = super::input::read_answers_text(cx, path)?;
    let file = super::assess::parse_answers(cx, pack, &text_file)?;
    let named = file.case.as_ref().map(|c| c.get_ref().clone());
    let case_id = match (case_arg, &named) {
        (Some(c), Some(f)) if c != f => {
            return Err(Failure::say(
                lang,
                (
                    format!("`{name}` menjawab kasus `{f}`, bukan `{c}`"),
                    format!("`{name}` answers the case `{f}`, not `{c}`"),
                ),
                Some((
                    format!("nilai dengan `etika practice {f} --answers {arg}`, atau jangan sebut kasusnya"),
                    format!("grade it with `etika practice {f} --answers {arg}`, or leave the case out"),
                )),
            )
            .into());
        }
        (Some(c), _) => c.to_string(),
        (None, Some(c)) => c.clone(),
        (None, None) => {
            return Err(Failure::say(
                lang,
                (
                    format!("`{name}` tidak menyebut kasus yang dijawabnya"),
                    format!("`{name}` does not say which case it answers"),
                ),
                Some((
                    "sebut kasusnya: `etika practice KASUS --answers FILE`, atau tambahkan `case = \"…\"` di awal berkas".into(),
                    "name the case: `etika practice CASE --answers FILE`, or add `case = \"…\"` at the top of the file".into(),
                )),
            )
            .into());
        }
    };
    let case = find_case(cx, pack, &case_id)?;
    let course = match &file.course {
        Some(c) if !case.courses.iter().any(|x| &x.id == c.get_ref()) => {
            let d = Diagnostic::new(
                &text_file,
                Some(c.span()),
                DiagKind::UnknownCourse {
                    case: case_id.clone(),
                    course: c.get_ref().clone(),
                    choices: case.courses.iter().map(|x| x.id.clone()).collect(),
                },
            );
            let mut all = Diagnostics::new();
            all.push(d);
            eprint!("{}", render_all(&all, false, lang, cx.color_err));
            let d = all.first_error().expect("an error");
            return Err(Reported(format!("{}: {}", d.location(), d.message(lang))).into());
        }
        Some(c) => Some(c.get_ref().clone()),
        None => None,
    };
    Ok((case_id, grade(pack, case, &file.answers, course.as_deref())))
}

/// `--out`, checked before anything is graded: a link or a folder is refused, one of the
/// answer files is refused (it would be lost), and a file already there is replaced only
/// with `--force`.
fn check_out(cx: &Context, args: &Args) -> Result<Option<PathBuf>> {
    let Some(out) = args.out.as_deref().filter(|p| !super::input::is_stdin(p)) else {
        return Ok(None);
    };
    let what = ("nilai", "the grades");
    let kind = super::output::target(out).map_err(|e| {
        let (message, help) = super::output::write_failure(out, what, &e);
        Failure::say(cx.lang, message, help)
    })?;
    if let Some(a) = args
        .answers
        .iter()
        .find(|a| !super::input::is_stdin(a) && super::output::same_file(out, a))
    {
        let (o, a) = (shown(out), shown(a));
        return Err(Failure::say(
            cx.lang,
            (
                format!(
                    "`--out {o}` adalah berkas jawaban `{a}`: menulisnya akan menghapus jawaban itu"
                ),
                format!(
                    "`--out {o}` is the answers file `{a}`: writing it would destroy those answers"
                ),
            ),
            Some((
                "tulis ke berkas lain".into(),
                "write to another file".into(),
            )),
        )
        .into());
    }
    if !args.force && matches!(kind, super::output::Target::File) {
        return Err(super::output::already_there(cx.lang, out));
    }
    Ok(Some(out.to_path_buf()))
}

/// Print `text`, or write it to the `--out` file (atomically, mode 0600) and say so.
fn emit(cx: &Context, out: Option<&Path>, text: &str) -> Result<()> {
    let Some(path) = out else {
        return super::print(cx, text);
    };
    super::output::write_file(path, &super::output::terminal_safe(text, false)).map_err(|e| {
        let (message, help) = super::output::write_failure(path, ("nilai", "the grades"), &e);
        Failure::say(cx.lang, message, help)
    })?;
    eprintln!(
        "{} {}",
        cx.lang.pick("Ditulis ke", "Written to"),
        shown(path)
    );
    Ok(())
}

fn grade_files(cx: &Context, pack: &Pack, args: &Args) -> Result<Exit> {
    let out = check_out(cx, args)?;
    let out = out.as_deref();
    if args.answers.len() == 1 && args.format != FeedbackFormat::Csv {
        let path = &args.answers[0];
        let (case_id, f) = grade_one(cx, pack, path, args.case.as_deref())?;
        let case = pack.case(&case_id).expect("graded cases exist");
        let mut style = cx.style;
        if out.is_some() {
            style.color = false;
        }
        emit(
            cx,
            out,
            &render_one(
                pack,
                case,
                &f,
                Some(&super::input::raw_name(path)),
                &style,
                args.format,
            ),
        )?;
        return Ok(Exit::Success);
    }
    let mut rows: Vec<(String, Result<Feedback, String>)> = Vec::new();
    for path in &args.answers {
        let result = grade_one(cx, pack, path, args.case.as_deref())
            .map(|(_, f)| f)
            .map_err(|e| e.to_string().lines().next().unwrap_or("").to_string());
        rows.push((super::input::raw_name(path), result));
    }
    let failed = rows.iter().any(|(_, r)| r.is_err());
    match args.format {
        FeedbackFormat::Json => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(file, r)| match r {
                    Ok(f) => serde_json::to_value(feedback_view(
                        pack,
                        pack.case(&f.case).expect("graded"),
                        f,
                        Some(file),
                        cx.lang,
                    ))
                    .expect("views serialise"),
                    Err(e) => serde_json::json!({"file": file, "error": e}),
                })
                .collect();
            emit(cx, out, &render::to_json(&items))?;
        }
        format => {
            // Cleaned before the table is laid out, so an escaped name keeps its columns.
            let clean = crate::diag::clean_inline;
            let rows: Vec<(String, Result<Feedback, String>)> = rows
                .into_iter()
                .map(|(file, r)| (clean(&file), r.map_err(|e| clean(&e))))
                .collect();
            let views = view::grade_rows(pack, &rows, cx.lang);
            let class = view::class_view(pack, &rows, cx.lang);
            let mut style = cx.style;
            if out.is_some() {
                style.color = false;
            }
            let text = match format {
                FeedbackFormat::Csv => {
                    let questions: Vec<String> =
                        class.questions.iter().map(|q| q.question.clone()).collect();
                    render::grade_csv(&views, &questions)
                }
                FeedbackFormat::Markdown => render::grade_markdown(&views, &class, cx.lang),
                _ => style.finish(format!(
                    "{}{}",
                    render::grade_table(&views, &style),
                    render::class_table(&class, &style)
                )),
            };
            emit(cx, out, &text)?;
        }
    }
    Ok(if failed { Exit::Failure } else { Exit::Success })
}
