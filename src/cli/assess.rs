//! `etika assess`: the questionnaire (or an answers file), the engine, and the report.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::input::{is_stdin, named};
use super::output::{
    Target, same_file, short, show, shown, target, terminal_safe, write_failure, write_file,
};
use super::session::{SaveTo, Start};
use super::{Cancelled, Context, Exit, Failure, Reported};
use crate::answers::{self, AnswersFile};
use crate::diag::{SourceFile, render_all};
use crate::engine;
use crate::interview::{self, Plain, Session, Stop, Terminal};
use crate::pack::Pack;
use crate::render::{self, Format};
use crate::view;
use crate::vocab::{Answers, Lang, QuestionKind, Value};
use crate::words;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read the answers from FILE and ask nothing
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub answers: Option<PathBuf>,
    /// Save the answers to FILE after every question (mode 0600), to resume later
    #[arg(long, value_name = "FILE", conflicts_with = "answers")]
    pub save: Option<PathBuf>,
    /// Continue a session saved with --save; it keeps saving to the same file
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// Let --save or --out replace a file that is already there
    #[arg(long)]
    pub force: bool,
    /// Report format [default: from --out's extension (.md, .json, .html, .txt), else table]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE (mode 0600) instead of standard output; `-` is standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The whole report in the table format: every duty in full, the tensions explained, every
    /// step and the steps left out (Markdown, HTML and JSON always hold everything)
    #[arg(long)]
    pub full: bool,
    /// Show what changing an answer would change: QUESTION=VALUE (yes, no, unsure, an option
    /// id, or ids joined by commas); may be given more than once
    #[arg(long = "what-if", value_name = "QUESTION=VALUE")]
    pub what_if: Vec<String>,
}

/// Read and check an answers file (standard input for `-`); problems are shown in full.
pub fn read_answers(cx: &Context, pack: &Pack, path: &Path) -> Result<AnswersFile> {
    let file = super::input::read_answers_text(cx, path)?;
    parse_answers(cx, pack, &file)
}

pub fn parse_answers(cx: &Context, pack: &Pack, file: &SourceFile) -> Result<AnswersFile> {
    shown_answers(cx, answers::parse(pack, file))
}

/// Read an answers file that stands for a whole interview: a question its answers would ask
/// and it leaves out counts as "not sure yet" where allowed, and a warning says which.
fn read_whole_answers(cx: &Context, pack: &Pack, path: &Path) -> Result<AnswersFile> {
    let file = super::input::read_answers_text(cx, path)?;
    let read = shown_answers(cx, answers::parse_whole(pack, &file))?;
    // Only the questions that now count as "not sure yet" change the advice; one left out
    // that cannot be unsure counts as not given, as it always has.
    let unsure: Vec<String> = read
        .missing
        .iter()
        .filter(|(_, u)| *u)
        .map(|(q, _)| format!("`{q}`"))
        .collect();
    if !unsure.is_empty() {
        let (p, n, list) = (named(path), unsure.len(), unsure.join(", "));
        let text = match cx.lang {
            Lang::En => format!(
                "warning: `{p}` leaves out {n} question(s) its answers would ask, counted as \"not sure yet\": {list}\n  \
                 = help: what hinges on them is listed apart, with a step to find each out; answer them in the file where you know"
            ),
            Lang::Id => format!(
                "peringatan: `{p}` tidak menjawab {n} pertanyaan yang akan ditanyakan dengan jawabannya, dihitung \"belum tahu\": {list}\n  \
                 = bantuan: yang bergantung padanya dicantumkan terpisah, dengan langkah untuk mencari tahu; jawab di berkas itu bila Anda tahu"
            ),
        };
        eprintln!("{text}");
    }
    Ok(read)
}

fn shown_answers(
    cx: &Context,
    parsed: std::result::Result<AnswersFile, crate::diag::Diagnostics>,
) -> Result<AnswersFile> {
    match parsed {
        Ok(read) => {
            if !read.warnings.is_empty() {
                eprint!(
                    "{}",
                    render_all(&read.warnings, false, cx.lang, cx.color_err)
                );
            }
            Ok(read)
        }
        Err(diags) => {
            eprint!("{}", render_all(&diags, false, cx.lang, cx.color_err));
            let first = diags
                .first_error()
                .map(|d| format!("{}: {}", d.location(), d.message(cx.lang)))
                .unwrap_or_default();
            let place = diags
                .first_error()
                .map(|d| d.location().to_string())
                .unwrap_or_default();
            let n = diags.errors();
            // One problem is shown in full above; the last line only says where and what to
            // do, so the message is not printed twice.
            Err(Reported(match (n, cx.lang) {
                (1, Lang::En) => format!("{place}: fix the problem above and run again"),
                (1, Lang::Id) => format!("{place}: perbaiki masalah di atas lalu jalankan lagi"),
                (n, Lang::En) => format!(
                    "{first}; and {} more problems: fix them and run again",
                    n - 1
                ),
                (n, Lang::Id) => format!(
                    "{first}; dan {} masalah lain: perbaiki lalu jalankan lagi",
                    n - 1
                ),
            })
            .into())
        }
    }
}

/// A `--what-if QUESTION=VALUE` in answers form.
fn parse_what_if(cx: &Context, pack: &Pack, items: &[String]) -> Result<Answers> {
    let lang = cx.lang;
    let mut out = Answers::new();
    // The `--what-if` that gave each question its value, to name it when another does too.
    let mut given: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for item in items {
        let Some((q, v)) = item.split_once('=') else {
            return Err(Failure::say(
                lang,
                (
                    format!("`--what-if {item}` tidak berbentuk PERTANYAAN=NILAI"),
                    format!("`--what-if {item}` is not QUESTION=VALUE"),
                ),
                Some((
                    "contoh: --what-if harm_imminent=yes".into(),
                    "for example: --what-if harm_imminent=yes".into(),
                )),
            )
            .into());
        };
        let (q, v) = (q.trim(), v.trim());
        let Some(question) = pack.question(q) else {
            let hint =
                crate::vocab::suggest::closest(q, pack.questions.iter().map(|x| x.id.as_str()));
            return Err(Failure::say(
                lang,
                (
                    format!("pertanyaan `{q}` tidak dikenal"),
                    format!("unknown question `{q}`"),
                ),
                Some(match hint {
                    Some(h) => (
                        format!("maksud Anda `{h}`?"),
                        format!("did you mean `{h}`?"),
                    ),
                    None => (
                        "`etika list questions` menampilkan id pertanyaan".into(),
                        "`etika list questions` shows the question ids".into(),
                    ),
                }),
            )
            .into());
        };
        let options: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
        let value = match (question.kind, v) {
            (_, "unsure") if question.unsure => Some(Value::Unsure),
            (QuestionKind::YesNo, v) => crate::interview::parse_yes_no(v)
                .or(match v {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                })
                .map(Value::Yes),
            (QuestionKind::OneOf, v) => options.contains(&v).then(|| Value::One(v.to_string())),
            (QuestionKind::AnyOf, v) => {
                let ids: Vec<&str> = v
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                // An empty list is no answer: the interview needs at least one tick.
                (!ids.is_empty() && ids.iter().all(|i| options.contains(i))).then(|| {
                    Value::Many(
                        options
                            .iter()
                            .filter(|o| ids.contains(o))
                            .map(|o| o.to_string())
                            .collect(),
                    )
                })
            }
        };
        let Some(value) = value else {
            let allowed = match question.kind {
                QuestionKind::YesNo => "yes, no".to_string(),
                _ => crate::condition::short_list(
                    &options.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                ),
            };
            let allowed = if question.unsure {
                format!("{allowed}, unsure")
            } else {
                allowed
            };
            return Err(Failure::say(
                lang,
                (
                    format!("`{v}` bukan jawaban untuk `{q}`"),
                    format!("`{v}` is not an answer to `{q}`"),
                ),
                Some((
                    format!("jawaban yang mungkin: {allowed}"),
                    format!("its answers are: {allowed}"),
                )),
            )
            .into());
        };
        if let Some(first) = given.insert(question.id.as_str(), item.as_str()) {
            let q = &question.id;
            return Err(Failure::say(
                lang,
                (
                    format!("`--what-if {first}` dan `--what-if {item}` sama-sama mengubah `{q}`"),
                    format!("`--what-if {first}` and `--what-if {item}` both change `{q}`"),
                ),
                Some(if question.kind == QuestionKind::AnyOf {
                    (
                        format!(
                            "berikan satu `--what-if` untuk setiap pertanyaan; untuk beberapa pilihan, gabungkan id dengan koma: `--what-if {q}=a,b`"
                        ),
                        format!(
                            "give one `--what-if` a question; for several options, join the ids with commas: `--what-if {q}=a,b`"
                        ),
                    )
                } else {
                    (
                        "berikan satu `--what-if` untuk setiap pertanyaan".into(),
                        "give one `--what-if` a question".into(),
                    )
                }),
            )
            .into());
        }
        out.insert(q.to_string(), value);
    }
    Ok(out)
}

/// Where the report goes: a file, or standard output for none or `-`.
fn out_file(args: &Args) -> Option<&Path> {
    args.out.as_deref().filter(|p| !is_stdin(p))
}

/// The format asked for with `--format`, else the one `--out`'s extension names, else the
/// config file's, else a table.
fn format_of(cx: &Context, args: &Args) -> Format {
    args.format
        .or_else(|| out_file(args).and_then(Format::from_extension))
        .or(cx.config.format.as_ref().map(|f| f.value))
        .unwrap_or(Format::Table)
}

/// Before any question is asked: a link or a folder is refused, a report file that is also a
/// file of answers is refused (writing it would destroy them), and one that is already there
/// is replaced only with `--force`. A device or a FIFO is written in place and replaces
/// nothing.
fn check_out(cx: &Context, args: &Args) -> Result<()> {
    let Some(out) = out_file(args) else {
        return Ok(());
    };
    // A case note named .pdf would be a text file a PDF reader cannot open.
    if let Some((message, help)) = crate::render::refused_out(out) {
        return Err(Failure::say(cx.lang, message, Some(help)).into());
    }
    let kind = match target(out) {
        // A link or a folder is refused now, not after every question has been answered.
        Err(e) => {
            let (message, help) = write_failure(out, ("laporan", "the report"), &e);
            return Err(Failure::say(cx.lang, message, help).into());
        }
        Ok(Target::Special) => return Ok(()),
        Ok(kind) => kind,
    };
    let others = [
        ("--answers", &args.answers),
        ("--resume", &args.resume),
        ("--save", &args.save),
    ];
    for (flag, other) in others {
        if let Some(other) = other.as_deref()
            && !is_stdin(other)
            && same_file(out, other)
        {
            let (o, p) = (shown(out), shown(other));
            return Err(Failure::say(
                cx.lang,
                (
                    format!("`--out {o}` adalah berkas yang sama dengan `{flag} {p}`: laporan akan menimpa jawabannya"),
                    format!("`--out {o}` is the same file as `{flag} {p}`: the report would replace its answers"),
                ),
                Some((
                    "tulis laporan ke berkas lain".into(),
                    "write the report to another file".into(),
                )),
            )
            .into());
        }
    }
    if !args.force && matches!(kind, Target::File) {
        return Err(super::output::already_there(cx.lang, out));
    }
    Ok(())
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack(false)?;
    let lang = cx.lang;
    check_out(cx, &args)?;
    let format = format_of(cx, &args);
    let changes = parse_what_if(cx, &pack, &args.what_if)?;
    let given: Answers = if let Some(path) = &args.answers {
        let file = read_whole_answers(cx, &pack, path)?;
        if let Some(stamp) = &file.stamp
            && (stamp.id != pack.meta.id || stamp.edition != pack.meta.edition)
        {
            // The stamp is the file's word, so it is shown clean and short.
            let (p, id, ed) = (named(path), short(&stamp.id), short(&stamp.edition));
            let (own_id, own_ed) = (&pack.meta.id, &pack.meta.edition);
            eprintln!(
                "{}",
                match lang {
                    Lang::En => format!(
                        "warning: `{p}` was saved with the pack `{id}` edition {ed}; this is `{own_id}` edition {own_ed}\n  \
                         = help: every answer was checked against this pack, but re-read the report with that in mind"
                    ),
                    Lang::Id => format!(
                        "peringatan: `{p}` disimpan dengan paket `{id}` edisi {ed}; ini paket `{own_id}` edisi {own_ed}\n  \
                         = bantuan: setiap jawaban sudah diperiksa terhadap paket ini, tetapi baca laporannya dengan mengingat hal itu"
                    ),
                }
            );
        }
        file.answers
    } else {
        // A saved session is checked first: a wrong file is worth knowing about anywhere.
        let mut start = Answers::new();
        let mut save_to = args.save.clone();
        if let Some(path) = &args.resume {
            super::session::refuse_anothers(lang, path)?;
            let file = read_answers(cx, &pack, path)?;
            check_stamp(cx, &pack, path, &file)?;
            start = file.answers;
            save_to = save_to.or_else(|| Some(path.clone()));
        }
        if !cx.stdin_tty {
            return Err(Failure::say(
                lang,
                (
                    "`etika assess` mengajukan pertanyaan di terminal, dan di sini tidak ada terminal".into(),
                    "`etika assess` asks its questions in a terminal, and there is none here".into(),
                ),
                Some((
                    "berikan jawaban dalam berkas dengan `--answers FILE` (README menunjukkan bentuknya)".into(),
                    "give the answers in a file with `--answers FILE` (the README shows the format)".into(),
                )),
            )
            .into());
        }
        let session = match &save_to {
            Some(path) => {
                let how = if args.resume.as_deref() == Some(path.as_path()) {
                    Start::Resumed
                } else {
                    Start::New {
                        force: args.force,
                        resume: true,
                    }
                };
                let first = answers::to_toml(&pack, &pack.questionnaire().effective(&start), &[]);
                Some(SaveTo::prepare(
                    cx,
                    path,
                    &first,
                    how,
                    !start.is_empty(),
                    Some("etika assess --resume"),
                )?)
            }
            None => None,
        };
        ask(cx, &pack, start, session.as_ref())?
    };
    let decision = engine::decide(&pack, &given);
    let change = (!changes.is_empty()).then(|| engine::what_if(&pack, &decision.answers, &changes));
    let report = view::report(
        &pack,
        &decision,
        lang,
        Some(super::today()),
        change.as_ref().map(|c| (&changes, c)),
    );
    let mut style = cx.style;
    if out_file(&args).is_some() {
        style.color = false;
    }
    let text = render::render(format, &report, &style, args.full);
    match out_file(&args) {
        Some(path) => {
            write_file(path, &terminal_safe(&text, false)).map_err(|e| {
                let (message, help) = write_failure(path, ("laporan", "the report"), &e);
                Failure::say(lang, message, help)
            })?;
            eprintln!(
                "{} {}",
                lang.pick("Laporan ditulis ke", "Report written to"),
                shown(path)
            );
        }
        None if format == Format::Table => show(cx, &text)?,
        None => super::print(cx, &text)?,
    }
    // The process ends here: freeing a large pack piece by piece would only cost time.
    std::mem::forget((pack, decision, report, text));
    Ok(Exit::Success)
}

fn check_stamp(cx: &Context, pack: &Pack, path: &Path, file: &AnswersFile) -> Result<()> {
    let meta = &pack.meta;
    let lang = cx.lang;
    let p = named(path);
    match &file.stamp {
        Some(s) if s.id == meta.id && s.edition == meta.edition => Ok(()),
        Some(s) => Err(Failure::say(
            lang,
            (
                format!(
                    "`{}` disimpan dengan paket `{}` edisi {}, tetapi ini paket `{}` edisi {}",
                    p,
                    s.id,
                    s.edition,
                    meta.id,
                    meta.edition
                ),
                format!(
                    "`{}` was saved with the pack `{}` edition {}, but this is `{}` edition {}",
                    p,
                    s.id,
                    s.edition,
                    meta.id,
                    meta.edition
                ),
            ),
            Some((
                "lanjutkan dengan paket yang sama (--rules), atau mulai lagi; jawabannya mungkin tidak bermakna sama di sini".into(),
                "resume with the same pack (--rules), or start again; the answers may not mean the same here".into(),
            )),
        )
        .into()),
        None => Err(Failure::say(
            lang,
            (
                format!(
                    "`{}` tidak menyebut paket tempat ia disimpan, jadi tidak dapat dilanjutkan",
                    p
                ),
                format!(
                    "`{}` does not say which pack it was saved with, so it cannot be resumed",
                    p
                ),
            ),
            Some((
                "pakai dengan `--answers`, yang memeriksa setiap jawaban".into(),
                "use it with `--answers` instead, which checks every answer".into(),
            )),
        )
        .into()),
    }
}

fn ask(cx: &Context, pack: &Pack, start: Answers, save_to: Option<&SaveTo>) -> Result<Answers> {
    let lang = cx.lang;
    // The interview never writes into the last column (see `interview::terminal`).
    let width = (cx.prompt_width as usize).saturating_sub(1);
    eprintln!(
        "{}",
        words::fill(
            match (lang, cx.plain) {
                (Lang::Id, false) =>
                    "etika bertanya tentang situasi, bukan tentang orangnya: jangan mengetik nama. Esc kembali ke pertanyaan sebelumnya; Ctrl-C berhenti.",
                (Lang::En, false) =>
                    "etika asks about the situation, not the person: do not type names. Esc goes back a question; Ctrl-C stops.",
                (Lang::Id, true) =>
                    "etika bertanya tentang situasi, bukan tentang orangnya: jangan mengetik nama. Jawab setiap pertanyaan dengan mengetik satu baris lalu Enter; back kembali ke pertanyaan sebelumnya; stop (atau Ctrl-D) berhenti.",
                (Lang::En, true) =>
                    "etika asks about the situation, not the person: do not type names. Answer each question by typing a line and Enter; back goes back a question; stop (or Ctrl-D) stops.",
            },
            width,
            "",
            ""
        )
    );
    if let Some(to) = save_to {
        eprintln!(
            "{}",
            words::fill(
                &format!(
                    "{} {}",
                    lang.pick("Jawaban disimpan di", "Answers are saved to"),
                    shown(&to.path())
                ),
                width,
                "",
                ""
            )
        );
    }
    if !start.is_empty() {
        // Resuming: what was already answered, before the next question.
        eprintln!("{}", lang.pick("Jawaban sejauh ini:", "Answered so far:"));
        for q in &pack.questions {
            if let Some(v) = start.get(&q.id) {
                let line = format!(
                    "✔ {} → {}",
                    q.prompt.get(lang),
                    view::describe_answer(pack, &q.id, v, lang)
                );
                eprintln!("{}", words::fill(&line, width, "", "    "));
            }
        }
    }
    let mut saved = |a: &Answers| match save_to {
        Some(to) => to.save(&answers::to_toml(pack, a, &[]), !a.is_empty()),
        None => Ok(()),
    };
    let mut session = Session {
        lang,
        saved: &mut saved,
        saving: save_to.is_some(),
    };
    super::signals::install();
    let asked = if cx.plain {
        super::signals::plain();
        let mut plain = Plain::new(std::io::stdin().lock(), std::io::stderr(), cx.prompt_width);
        interview::interview(pack, &mut plain, start, &mut session)
    } else {
        let mut terminal = Terminal::new(cx.color_err, cx.prompt_width, cx.prompt_height);
        interview::interview(pack, &mut terminal, start, &mut session)
    };
    match asked {
        Ok(a) => Ok(a),
        Err(Stop::Cancelled) => {
            if let Some(to) = save_to {
                to.stopped();
            }
            Err(Cancelled.into())
        }
        Err(Stop::Failed(msg)) => Err(Failure::new(msg, None).into()),
    }
}
