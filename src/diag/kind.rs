//! Every kind of problem etika reports in a rule file or an answers file, with its message and
//! its help in both languages. Messages follow one style: lower case, no final period, what
//! the user wrote in backticks, the fix in the help line.

use crate::condition::CondErrorKind;
use crate::vocab::{ItemKind, Lang, QuestionKind};

/// Which text field a message is about: `title` of obligation `x`, or `disclaimer` of the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub item: Option<(ItemKind, String)>,
    pub name: &'static str,
}

impl Field {
    pub fn of(kind: ItemKind, id: &str, name: &'static str) -> Field {
        Field {
            item: Some((kind, id.to_string())),
            name,
        }
    }

    pub fn pack(name: &'static str) -> Field {
        Field { item: None, name }
    }

    fn words(&self, lang: Lang) -> String {
        match (&self.item, lang) {
            (Some((k, id)), Lang::En) => format!("{} `{id}` {}", k.id(), self.name),
            (Some((k, id)), Lang::Id) => format!("`{}` pada {} `{id}`", self.name, k.word(lang)),
            (None, Lang::En) => format!("pack `{}`", self.name),
            (None, Lang::Id) => format!("`{}` pada paket", self.name),
        }
    }
}

/// Why a path in a pack folder is not a file etika can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    DanglingLink,
    LinkLoop,
    Directory,
    Special,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagKind {
    // Files.
    NotUtf8,
    Unreadable {
        error: String,
    },
    NotAFile(NotAFile),
    /// Larger than etika reads, in MiB.
    TooLarge {
        mib: u64,
    },
    OutsidePack {
        target: String,
    },
    NotAPackFile,
    /// A `.toml` file in a folder of the pack that etika does not read (a subfolder other than
    /// `obligations/` and `cases/`, or one inside them).
    NotRead,
    NoPackToml,
    // TOML and the shape of the data.
    TomlSyntax {
        detail: String,
    },
    /// Tables, arrays or dotted keys nested deeper than TOML is read.
    NestedTooDeep,
    UnknownField {
        field: String,
        expected: String,
    },
    MissingField {
        field: String,
    },
    InvalidType {
        detail: String,
    },
    UnknownVariant {
        value: String,
        expected: String,
    },
    BadText,
    // Ids and references.
    BadId {
        kind: ItemKind,
        id: String,
    },
    BadOptionId {
        id: String,
    },
    ReservedOptionId {
        id: String,
    },
    DuplicateId {
        kind: ItemKind,
        id: String,
        first: String,
    },
    DuplicateOption {
        question: String,
        option: String,
    },
    UnknownRef {
        kind: ItemKind,
        id: String,
        suggestion: Option<String>,
    },
    // Text.
    EmptyText(Field),
    MissingTranslation {
        field: Field,
        lang: Lang,
    },
    ControlChars(Field),
    // pack.toml.
    MissingLanguage {
        lang: &'static str,
    },
    RankingEmpty,
    RankingDuplicate {
        id: String,
    },
    NoFrame,
    FrameStepsEmpty,
    // Questions.
    YesNoWithOptions {
        id: String,
    },
    TooFewOptions {
        id: String,
        kind: QuestionKind,
    },
    FindOutWithoutUnsure {
        id: String,
    },
    OrderOutsideDecision {
        question: String,
        option: String,
    },
    AskIfSelf {
        id: String,
    },
    AskIfLater {
        own: String,
        read: String,
    },
    // Conditions.
    Condition(CondErrorKind),
    // Obligations, tensions and actions.
    NoPrinciples {
        id: String,
    },
    NoWhen {
        id: String,
    },
    TensionPrinciples {
        id: String,
    },
    TensionUnranked {
        id: String,
    },
    SettledByNotBinding {
        tension: String,
        obligation: String,
    },
    UnusedAction {
        id: String,
    },
    ShadowedConsult {
        id: String,
        level: &'static str,
        by: String,
    },
    MissingShort {
        id: String,
    },
    ShortTooLong {
        id: String,
        len: usize,
    },
    NoAtRisk {
        id: String,
    },
    UnknownParty {
        id: String,
        party: String,
        suggestion: Option<String>,
    },
    UnknownNeed {
        id: String,
        need: String,
        suggestion: Option<String>,
    },
    NoNeeds {
        id: String,
    },
    DecisiveNotAction {
        item: String,
        action: String,
    },
    UnknownDecision {
        item: String,
        decision: String,
        suggestion: Option<String>,
    },
    BadFormerly {
        question: String,
        value: String,
    },
    // Cases.
    CourseModelCount {
        case: String,
        n: usize,
    },
    OneCourse {
        case: String,
    },
    // Answers, in answers files and cases.
    UnknownQuestion {
        key: String,
        suggestion: Option<String>,
    },
    NoSuchOption {
        question: String,
        option: String,
        suggestion: Option<String>,
        options: crate::condition::Listed,
    },
    /// An answer to a question of an earlier edition, which others now ask.
    Retired {
        key: String,
        now: Vec<String>,
    },
    /// An option of an earlier edition, whose fact other questions now ask.
    RetiredOption {
        question: String,
        option: String,
        now: Vec<String>,
    },
    WrongAnswerType {
        question: String,
        want: QuestionKind,
        found: String,
        example: String,
    },
    UnsureNotAllowed {
        question: String,
        allowed: crate::condition::Listed,
    },
    NotAsked {
        question: String,
        ask_if: String,
    },
    /// An empty list for a question that needs at least one option ticked.
    EmptyAnswer {
        question: String,
    },
    /// An option given more than once in one answer; it counts once.
    RepeatedOption {
        question: String,
        option: String,
    },
    NoAnswersTable,
    /// A key an answers file does not have at its top.
    AnswersField {
        field: String,
    },
    UnknownCourse {
        case: String,
        course: String,
        choices: Vec<String>,
    },
    // Reachability.
    NeverAsked {
        id: String,
    },
    NeverApplies {
        id: String,
    },
    NeverArises {
        id: String,
    },
    StepNeverGiven {
        id: String,
    },
    Undecided {
        kind: ItemKind,
        id: String,
    },
    // Layers: overlays on a base pack.
    /// An overlay's entry has an id the base already has, without `replaces`.
    SilentReplace {
        kind: ItemKind,
        id: String,
        base: String,
    },
    /// `replaces` names nothing of that kind in the base.
    ReplacesUnknown {
        kind: ItemKind,
        id: String,
        base: String,
        suggestion: Option<String>,
    },
    /// `replaces` names another id than the entry's own.
    ReplacesOtherId {
        replaces: String,
        id: String,
    },
    ReplacesInBase,
    AmendInBase,
    AmendUnbinding {
        id: String,
    },
    AmendLowersConsult {
        id: String,
        from: crate::vocab::Consult,
        to: crate::vocab::Consult,
    },
    /// An overlay extends a pack other than the one below it.
    WrongBase {
        extends: String,
        base: String,
    },
    /// Two overlays side by side on one base both replace the same entry.
    ReplacedTwice {
        kind: ItemKind,
        id: String,
        first: String,
    },
    /// A layer given twice.
    LoadedTwice {
        id: String,
    },
    /// An overlay whose base was not loaded.
    NoBase {
        extends: String,
    },
    /// A whole pack given where an overlay was expected.
    NotAnOverlay {
        base: String,
    },
}

/// Ids in backticks, joined: "`a` and `b`".
fn ticks(ids: &[String]) -> String {
    ids.iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn bi(lang: Lang, id: String, en: String) -> String {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

impl DiagKind {
    /// Warnings do not stop a pack from loading; `validate --strict` fails on them.
    pub fn is_warning(&self) -> bool {
        use DiagKind::*;
        matches!(
            self,
            NotAPackFile
                | NotRead
                | RepeatedOption { .. }
                | MissingTranslation { .. }
                | ControlChars(_)
                | NoFrame
                | FindOutWithoutUnsure { .. }
                | OrderOutsideDecision { .. }
                | TensionUnranked { .. }
                | UnusedAction { .. }
                | ShadowedConsult { .. }
                | MissingShort { .. }
                | ShortTooLong { .. }
                | OneCourse { .. }
                | NotAsked { .. }
                | NeverAsked { .. }
                | NeverApplies { .. }
                | NeverArises { .. }
                | StepNeverGiven { .. }
                | Undecided { .. }
        )
    }

    /// A short stable name for the kind, for JSON and for counting what was left unsaid.
    pub fn code(&self) -> &'static str {
        use DiagKind::*;
        match self {
            NotUtf8 => "not_utf8",
            Unreadable { .. } => "unreadable",
            NotAFile(_) => "not_a_file",
            TooLarge { .. } => "too_large",
            OutsidePack { .. } => "outside_pack",
            NotAPackFile => "not_a_pack_file",
            NotRead => "not_read",
            NoPackToml => "no_pack_toml",
            TomlSyntax { .. } => "toml_syntax",
            NestedTooDeep => "nested_too_deep",
            UnknownField { .. } => "unknown_field",
            MissingField { .. } => "missing_field",
            InvalidType { .. } => "invalid_type",
            UnknownVariant { .. } => "unknown_variant",
            BadText => "bad_text",
            BadId { .. } => "bad_id",
            BadOptionId { .. } => "bad_option_id",
            ReservedOptionId { .. } => "reserved_option_id",
            DuplicateId { .. } => "duplicate_id",
            DuplicateOption { .. } => "duplicate_option",
            UnknownRef { .. } => "unknown_reference",
            EmptyText(_) => "empty_text",
            MissingTranslation { .. } => "missing_translation",
            ControlChars(_) => "control_characters",
            MissingLanguage { .. } => "missing_language",
            RankingEmpty => "ranking_empty",
            RankingDuplicate { .. } => "ranking_duplicate",
            NoFrame => "no_frame",
            FrameStepsEmpty => "frame_steps_empty",
            YesNoWithOptions { .. } => "yes_no_with_options",
            TooFewOptions { .. } => "too_few_options",
            FindOutWithoutUnsure { .. } => "find_out_without_unsure",
            OrderOutsideDecision { .. } => "order_outside_decision",
            AskIfSelf { .. } => "ask_if_self",
            AskIfLater { .. } => "ask_if_later",
            Condition(_) => "condition",
            NoPrinciples { .. } => "no_principles",
            NoWhen { .. } => "no_when",
            TensionPrinciples { .. } => "tension_principles",
            TensionUnranked { .. } => "tension_unranked",
            SettledByNotBinding { .. } => "settled_by_not_binding",
            UnusedAction { .. } => "unused_action",
            ShadowedConsult { .. } => "shadowed_consult",
            MissingShort { .. } => "missing_short",
            ShortTooLong { .. } => "short_too_long",
            NoAtRisk { .. } => "no_at_risk",
            UnknownParty { .. } => "unknown_party",
            UnknownNeed { .. } => "unknown_need",
            NoNeeds { .. } => "no_needs",
            DecisiveNotAction { .. } => "decisive_not_action",
            UnknownDecision { .. } => "unknown_decision",
            Retired { .. } => "retired_question",
            RetiredOption { .. } => "retired_option",
            BadFormerly { .. } => "bad_formerly",
            CourseModelCount { .. } => "course_model_count",
            OneCourse { .. } => "one_course",
            UnknownQuestion { .. } => "unknown_question",
            NoSuchOption { .. } => "no_such_option",
            WrongAnswerType { .. } => "wrong_answer_type",
            UnsureNotAllowed { .. } => "unsure_not_allowed",
            NotAsked { .. } => "not_asked",
            EmptyAnswer { .. } => "empty_answer",
            RepeatedOption { .. } => "repeated_option",
            NoAnswersTable => "no_answers_table",
            AnswersField { .. } => "answers_field",
            UnknownCourse { .. } => "unknown_course",
            NeverAsked { .. } => "never_asked",
            NeverApplies { .. } => "never_applies",
            NeverArises { .. } => "never_arises",
            StepNeverGiven { .. } => "step_never_given",
            Undecided { .. } => "undecided",
            SilentReplace { .. } => "silent_replace",
            ReplacesUnknown { .. } => "replaces_unknown",
            ReplacesOtherId { .. } => "replaces_other_id",
            ReplacesInBase => "replaces_in_base",
            AmendInBase => "amend_in_base",
            AmendUnbinding { .. } => "amend_unbinding",
            AmendLowersConsult { .. } => "amend_lowers_consult",
            WrongBase { .. } => "wrong_base",
            ReplacedTwice { .. } => "replaced_twice",
            LoadedTwice { .. } => "loaded_twice",
            NoBase { .. } => "no_base",
            NotAnOverlay { .. } => "not_an_overlay",
        }
    }

    /// The message, with anything quoted from a file cut short (see `clip_quoted`).
    pub fn message(&self, lang: Lang) -> String {
        super::render::clip_quoted(&self.words(lang))
    }

    /// The help line, cut the same way.
    pub fn help(&self, lang: Lang) -> Option<String> {
        self.help_words(lang)
            .map(|h| super::render::clip_quoted(&h))
    }

    fn words(&self, lang: Lang) -> String {
        use DiagKind::*;
        match self {
            NotUtf8 => bi(
                lang,
                "berkas ini bukan teks UTF-8".into(),
                "the file is not UTF-8 text".into(),
            ),
            Unreadable { error } => bi(
                lang,
                format!("berkas tidak dapat dibaca: {error}"),
                format!("cannot read the file: {error}"),
            ),
            NotAFile(why) => match why {
                self::NotAFile::DanglingLink => bi(
                    lang,
                    "tautan ini menunjuk ke berkas yang tidak ada".into(),
                    "this link points to nothing".into(),
                ),
                self::NotAFile::LinkLoop => bi(
                    lang,
                    "tautan ini berputar-putar".into(),
                    "this link loops".into(),
                ),
                self::NotAFile::Directory => bi(
                    lang,
                    "ini folder, bukan berkas".into(),
                    "this is a folder, not a file".into(),
                ),
                self::NotAFile::Special => bi(
                    lang,
                    "ini bukan berkas biasa (FIFO, perangkat, atau soket)".into(),
                    "this is not a regular file (a FIFO, device or socket)".into(),
                ),
            },
            TooLarge { mib } => bi(
                lang,
                format!("berkas ini lebih besar dari {mib} MiB"),
                format!("the file is larger than {mib} MiB"),
            ),
            OutsidePack { target } => bi(
                lang,
                format!("tautan ini keluar dari folder paket, ke `{target}`"),
                format!("this link leads outside the pack's folder, to `{target}`"),
            ),
            NotAPackFile => bi(
                lang,
                "berkas ini bukan bagian dari paket".into(),
                "this file is not part of a pack".into(),
            ),
            NotRead => bi(
                lang,
                "berkas ini tidak dibaca: berkas aturan paket ada di foldernya, di `obligations/` dan di `cases/`, tidak di folder lain atau subfolder".into(),
                "this file is not read: a pack's rule files are in its folder, `obligations/` and `cases/`, not in other folders or their subfolders".into(),
            ),
            NoPackToml => bi(
                lang,
                "paket tidak memiliki pack.toml".into(),
                "the pack has no pack.toml".into(),
            ),
            TomlSyntax { detail } => {
                bi(lang, format!("TOML tidak valid: {detail}"), detail.clone())
            }
            NestedTooDeep => bi(
                lang,
                "tabel, larik, atau kunci bertitik bersarang terlalu dalam".into(),
                "tables, arrays or dotted keys nested too deeply".into(),
            ),
            UnknownField { field, .. } => bi(
                lang,
                format!("kolom `{field}` tidak dikenal"),
                format!("unknown field `{field}`"),
            ),
            MissingField { field } => bi(
                lang,
                format!("kolom `{field}` tidak ada"),
                format!("missing field `{field}`"),
            ),
            InvalidType { detail } => bi(
                lang,
                format!("jenis nilai salah: {detail}"),
                format!("invalid type: {detail}"),
            ),
            UnknownVariant { value, .. } => bi(
                lang,
                format!("nilai `{value}` tidak dikenal"),
                format!("unknown variant `{value}`"),
            ),
            BadText => bi(
                lang,
                "teks harus berupa string atau tabel `{ id = \"…\", en = \"…\" }`".into(),
                "text must be a string or a table `{ id = \"…\", en = \"…\" }`".into(),
            ),
            BadId { kind, id } => bi(
                lang,
                format!("id {} `{id}` bukan snake_case ASCII", kind.word(lang)),
                format!("{} id `{id}` is not snake_case ASCII", kind.id()),
            ),
            BadOptionId { id } => bi(
                lang,
                format!("id pilihan `{id}` bukan snake_case ASCII"),
                format!("option id `{id}` is not snake_case ASCII"),
            ),
            ReservedOptionId { id } => bi(
                lang,
                format!("`{id}` tidak boleh dipakai sebagai id pilihan"),
                format!("`{id}` cannot be an option id"),
            ),
            DuplicateId { kind, id, .. } => bi(
                lang,
                format!("id {} `{id}` dipakai dua kali", kind.word(lang)),
                format!("duplicate {} id `{id}`", kind.id()),
            ),
            DuplicateOption { question, option } => bi(
                lang,
                format!("pertanyaan `{question}` memiliki pilihan `{option}` dua kali"),
                format!("question `{question}` has option `{option}` twice"),
            ),
            UnknownRef { kind, id, .. } => bi(
                lang,
                format!("{} `{id}` tidak dikenal", kind.word(lang)),
                format!("unknown {} `{id}`", kind.id()),
            ),
            EmptyText(field) => bi(
                lang,
                format!("{} kosong", field.words(lang)),
                format!("{} is empty", field.words(lang)),
            ),
            MissingTranslation {
                field,
                lang: missing,
            } => {
                let which = match (missing, lang) {
                    (Lang::Id, Lang::En) => "Indonesian (`id`)",
                    (Lang::En, Lang::En) => "English (`en`)",
                    (Lang::Id, Lang::Id) => "bahasa Indonesia (`id`)",
                    (Lang::En, Lang::Id) => "bahasa Inggris (`en`)",
                };
                bi(
                    lang,
                    format!("{} tidak memiliki terjemahan {which}", field.words(lang)),
                    format!("{} has no {which} translation", field.words(lang)),
                )
            }
            ControlChars(field) => bi(
                lang,
                format!("{} memuat karakter kendali", field.words(lang)),
                format!("{} holds control characters", field.words(lang)),
            ),
            MissingLanguage { lang: l } => bi(
                lang,
                format!("`languages` tidak mencantumkan `{l}`"),
                format!("`languages` does not list `{l}`"),
            ),
            RankingEmpty => bi(
                lang,
                "urutan prinsip kosong".into(),
                "the ranking of principles is empty".into(),
            ),
            RankingDuplicate { id } => bi(
                lang,
                format!("`{id}` muncul dua kali dalam urutan"),
                format!("`{id}` appears twice in the ranking"),
            ),
            NoFrame => bi(
                lang,
                "paket tidak memiliki `[frame]`".into(),
                "the pack has no `[frame]`".into(),
            ),
            FrameStepsEmpty => bi(
                lang,
                "`[frame] steps` tidak memuat langkah yang selalu berlaku".into(),
                "`[frame] steps` has no step that always applies".into(),
            ),
            YesNoWithOptions { id } => bi(
                lang,
                format!("pertanyaan yes_no `{id}` memiliki pilihan"),
                format!("yes_no question `{id}` has options"),
            ),
            TooFewOptions { id, kind } => bi(
                lang,
                format!(
                    "pertanyaan {} `{id}` membutuhkan setidaknya dua pilihan",
                    kind.name()
                ),
                format!("{} question `{id}` needs at least two options", kind.name()),
            ),
            FindOutWithoutUnsure { id } => bi(
                lang,
                format!("pertanyaan `{id}` memiliki `find_out` tetapi tidak `unsure = true`"),
                format!("question `{id}` has `find_out` but not `unsure = true`"),
            ),
            OrderOutsideDecision { question, option } => bi(
                lang,
                format!("pilihan `{question}.{option}` ditandai `order = true`, tetapi hanya pilihan `decision` yang dapat menjadi perintah"),
                format!("option `{question}.{option}` is marked `order = true`, but only options of `decision` can be an order"),
            ),
            AskIfSelf { id } => bi(
                lang,
                format!("pertanyaan `{id}` hanya ditanyakan bila ia sendiri sudah dijawab"),
                format!("question `{id}` is asked only if it is answered itself"),
            ),
            AskIfLater { own, read } => bi(
                lang,
                format!("`ask_if` dari `{own}` membaca `{read}`, yang ditanyakan kemudian"),
                format!("`ask_if` of `{own}` reads `{read}`, which is asked later"),
            ),
            Condition(k) => bi(
                lang,
                format!("dalam kondisi: {}", k.message(lang)),
                format!("in condition: {}", k.message(lang)),
            ),
            NoPrinciples { id } => bi(
                lang,
                format!("kewajiban `{id}` tidak menyebut prinsip"),
                format!("obligation `{id}` names no principles"),
            ),
            NoWhen { id } => bi(
                lang,
                format!("kewajiban `{id}` tidak memiliki `when`"),
                format!("obligation `{id}` has no `when`"),
            ),
            TensionPrinciples { id } => bi(
                lang,
                format!("ketegangan `{id}` harus menyebut dua prinsip yang berbeda"),
                format!("tension `{id}` must name two different principles"),
            ),
            TensionUnranked { id } => bi(
                lang,
                format!(
                    "ketegangan `{id}`: kedua prinsipnya tidak ada dalam urutan, sehingga tidak dapat diselesaikan"
                ),
                format!(
                    "tension `{id}`: neither principle is in the ranking, so it cannot be settled"
                ),
            ),
            SettledByNotBinding {
                tension,
                obligation,
            } => bi(
                lang,
                format!(
                    "ketegangan `{tension}` diselesaikan oleh `{obligation}`, yang tidak mengikat"
                ),
                format!("tension `{tension}` is settled by `{obligation}`, which is not binding"),
            ),
            UnusedAction { id } => bi(
                lang,
                format!(
                    "langkah `{id}` tidak dipakai oleh kewajiban, ketegangan, atau kerangka mana pun"
                ),
                format!("action `{id}` is used by no obligation or tension"),
            ),
            ShadowedConsult { id, level, by } => bi(
                lang,
                format!(
                    "langkah `{id}` tidak dipakai aturan mana pun dan tidak pernah dipilih sebagai konsultasi `{level}`: `{by}`, pada tingkat yang sama tanpa `when`, datang lebih dulu"
                ),
                format!(
                    "action `{id}` is listed by no rule and never chosen as the `{level}` consultation: `{by}`, at the same level with no `when`, comes before it"
                ),
            ),
            MissingShort { id } => bi(
                lang,
                format!("langkah `{id}` tidak memiliki `short`"),
                format!("action `{id}` has no `short`"),
            ),
            ShortTooLong { id, len } => bi(
                lang,
                format!("`short` pada langkah `{id}` panjangnya {len} karakter, lebih dari 60"),
                format!("the `short` of action `{id}` is {len} characters long, more than 60"),
            ),
            NoAtRisk { id } => bi(
                lang,
                format!(
                    "langkah `{id}` memiliki `parties`, tetapi paket tidak memiliki pertanyaan `any_of` bernama `at_risk`"
                ),
                format!(
                    "action `{id}` has `parties`, but the pack has no `any_of` question named `at_risk`"
                ),
            ),
            UnknownParty { id, party, .. } => bi(
                lang,
                format!("langkah `{id}`: `{party}` bukan pilihan pada `at_risk`"),
                format!("action `{id}`: `{party}` is not an option of `at_risk`"),
            ),
            UnknownNeed { id, need, .. } => bi(
                lang,
                format!(
                    "langkah `{id}` merujuk ke kebutuhan `{need}`, yang tidak dipenuhi layanan mana pun"
                ),
                format!("action `{id}` refers to need `{need}`, which no service meets"),
            ),
            NoNeeds { id } => bi(
                lang,
                format!("layanan `{id}` tidak menyebut `needs`"),
                format!("service `{id}` names no `needs`"),
            ),
            UnknownDecision { item, decision, .. } => bi(
                lang,
                format!("`{item}`: `{decision}` bukan pilihan pada pertanyaan `decision`"),
                format!("`{item}`: `{decision}` is not an option of the `decision` question"),
            ),
            DecisiveNotAction { item, action } => bi(
                lang,
                format!(
                    "`{item}` menandai `{action}` sebagai langkah menentukan, tetapi langkah itu tidak ada dalam `actions`-nya"
                ),
                format!("`{item}` marks `{action}` decisive, but it is not among its `actions`"),
            ),
            Retired { key, now } => bi(
                lang,
                format!(
                    "`{key}` tidak lagi ditanyakan; kini dijawab lewat {}",
                    ticks(now)
                ),
                format!("`{key}` is no longer asked; answer {} instead", ticks(now)),
            ),
            RetiredOption {
                question,
                option,
                now,
            } => bi(
                lang,
                format!(
                    "`{option}` bukan lagi pilihan pada `{question}`; kini dijawab lewat {}",
                    ticks(now)
                ),
                format!(
                    "`{option}` is no longer an option of `{question}`; answer {} instead",
                    ticks(now)
                ),
            ),
            BadFormerly { question, value } => bi(
                lang,
                format!(
                    "pertanyaan `{question}`: `formerly` berisi `{value}`, yang bukan pertanyaan atau pilihan yang sudah tidak ada"
                ),
                format!(
                    "question `{question}`: `formerly` holds `{value}`, which is not a question or option the pack no longer has"
                ),
            ),
            CourseModelCount { case, n } => bi(
                lang,
                format!(
                    "kasus `{case}` harus menandai tepat satu `[[course]]` dengan `model = true`, bukan {n}"
                ),
                format!(
                    "case `{case}` must mark exactly one `[[course]]` with `model = true`, not {n}"
                ),
            ),
            OneCourse { case } => bi(
                lang,
                format!("kasus `{case}` hanya menawarkan satu pilihan langkah"),
                format!("case `{case}` offers only one course of action"),
            ),
            UnknownQuestion { key, .. } => bi(
                lang,
                format!("pertanyaan `{key}` tidak dikenal"),
                format!("unknown question `{key}`"),
            ),
            NoSuchOption {
                question, option, ..
            } => bi(
                lang,
                format!("pertanyaan `{question}` tidak punya pilihan `{option}`"),
                format!("question `{question}` has no option `{option}`"),
            ),
            WrongAnswerType {
                question,
                want,
                found,
                ..
            } => {
                let w = match (want, lang) {
                    (QuestionKind::YesNo, Lang::En) => "true or false",
                    (QuestionKind::YesNo, Lang::Id) => "true atau false",
                    (QuestionKind::OneOf, Lang::En) => "one option id",
                    (QuestionKind::OneOf, Lang::Id) => "satu id pilihan",
                    (QuestionKind::AnyOf, Lang::En) => "a list of option ids",
                    (QuestionKind::AnyOf, Lang::Id) => "daftar id pilihan",
                };
                bi(
                    lang,
                    format!("pertanyaan `{question}` meminta {w}, tetapi berisi {found}"),
                    format!("question `{question}` wants {w}, found {found}"),
                )
            }
            UnsureNotAllowed { question, .. } => bi(
                lang,
                format!("pertanyaan `{question}` tidak dapat dijawab \"unsure\""),
                format!("question `{question}` cannot be answered \"unsure\""),
            ),
            NotAsked { question, .. } => bi(
                lang,
                format!("`{question}` tidak akan ditanyakan dengan jawaban ini, jadi diabaikan"),
                format!("`{question}` would not be asked with these answers, so it is ignored"),
            ),
            EmptyAnswer { question } => bi(
                lang,
                format!("pertanyaan `{question}` meminta sedikitnya satu pilihan, tetapi daftarnya kosong"),
                format!("question `{question}` needs at least one option ticked, and the list is empty"),
            ),
            RepeatedOption { question, option } => bi(
                lang,
                format!("`{question}` menyebut `{option}` lebih dari sekali; ia dihitung sekali"),
                format!("`{question}` lists `{option}` more than once; it counts once"),
            ),
            NoAnswersTable => bi(
                lang,
                "tidak ada tabel `[answers]`".into(),
                "no `[answers]` table".into(),
            ),
            AnswersField { field } => bi(
                lang,
                format!("kolom `{field}` tidak dikenal"),
                format!("unknown field `{field}`"),
            ),
            UnknownCourse { case, course, .. } => bi(
                lang,
                format!("kasus `{case}` tidak memiliki langkah `{course}`"),
                format!("the case `{case}` has no course `{course}`"),
            ),
            NeverAsked { id } => bi(
                lang,
                format!("pertanyaan `{id}` tidak pernah ditanyakan"),
                format!("question `{id}` is never asked"),
            ),
            NeverApplies { id } => bi(
                lang,
                format!("kewajiban `{id}` tidak pernah berlaku"),
                format!("obligation `{id}` never applies"),
            ),
            NeverArises { id } => bi(
                lang,
                format!("ketegangan `{id}` tidak pernah muncul"),
                format!("tension `{id}` never arises"),
            ),
            StepNeverGiven { id } => bi(
                lang,
                format!("langkah `{id}` tidak pernah diberikan"),
                format!("action `{id}` is never given"),
            ),
            Undecided { kind, id } => bi(
                lang,
                format!(
                    "tidak dapat memastikan apakah {} `{id}` dapat terjadi",
                    kind.word(lang)
                ),
                format!("could not decide whether {} `{id}` is reachable", kind.id()),
            ),
            SilentReplace { kind, id, base } => bi(
                lang,
                format!(
                    "{} `{id}` sudah ada di `{base}`: lapisan menambah, tidak mengganti diam-diam",
                    kind.word(lang)
                ),
                format!(
                    "{} `{id}` is already in `{base}`: an overlay adds, it does not replace silently",
                    kind.id()
                ),
            ),
            ReplacesUnknown { kind, id, base, .. } => bi(
                lang,
                format!(
                    "`replaces` menyebut {} `{id}`, yang tidak ada di `{base}`",
                    kind.word(lang)
                ),
                format!(
                    "`replaces` names {} `{id}`, which `{base}` does not have",
                    kind.id()
                ),
            ),
            ReplacesOtherId { replaces, id } => bi(
                lang,
                format!("entri yang mengganti `{replaces}` harus memakai id itu, bukan `{id}`"),
                format!("an entry that replaces `{replaces}` must keep its id, not `{id}`"),
            ),
            ReplacesInBase => bi(
                lang,
                "`replaces` hanya untuk lapisan yang memperluas paket lain".into(),
                "`replaces` is only for an overlay that extends another pack".into(),
            ),
            AmendInBase => bi(
                lang,
                "hanya lapisan yang memperluas paket lain yang dapat mengubah kewajibannya".into(),
                "only an overlay that extends another pack can amend its obligations".into(),
            ),
            AmendUnbinding { id } => bi(
                lang,
                format!("perubahan dapat membuat `{id}` mengikat, tetapi tidak dapat mencabutnya"),
                format!("an amendment can make `{id}` binding, not take that away"),
            ),
            AmendLowersConsult { id, from, to } => bi(
                lang,
                format!(
                    "perubahan dapat menaikkan konsultasi `{id}` dari `{}`, tetapi tidak menurunkannya ke `{}`",
                    from.id(),
                    to.id()
                ),
                format!(
                    "an amendment can raise the consultation of `{id}` from `{}`, not lower it to `{}`",
                    from.id(),
                    to.id()
                ),
            ),
            WrongBase { extends, base } => bi(
                lang,
                format!("lapisan ini memperluas `{extends}`, tetapi paket di bawahnya `{base}`"),
                format!("this overlay extends `{extends}`, but the pack below it is `{base}`"),
            ),
            ReplacedTwice { kind, id, first } => bi(
                lang,
                format!(
                    "{} `{id}` sudah diganti oleh `{first}`, lapisan lain di atas dasar yang sama: dua lapisan berdampingan tidak dapat sama-sama menggantinya",
                    kind.word(lang)
                ),
                format!(
                    "{} `{id}` is already replaced by `{first}`, another overlay on the same base: two overlays side by side cannot both replace it",
                    kind.id()
                ),
            ),
            LoadedTwice { id } => bi(
                lang,
                format!("lapisan `{id}` sudah dimuat"),
                format!("the overlay `{id}` is already loaded"),
            ),
            NoBase { extends } => bi(
                lang,
                format!("paket ini memperluas `{extends}`, yang tidak dimuat"),
                format!("this pack extends `{extends}`, which is not loaded"),
            ),
            NotAnOverlay { base } => bi(
                lang,
                format!(
                    "paket ini tidak memperluas `{base}`, jadi tidak dapat ditumpuk di atasnya"
                ),
                format!("this pack does not extend `{base}`, so it cannot be layered on it"),
            ),
        }
    }

    fn help_words(&self, lang: Lang) -> Option<String> {
        use DiagKind::*;
        let s = |id: &str, en: &str| Some(lang.pick(id, en).to_string());
        match self {
            NotUtf8 => s("simpan berkas sebagai UTF-8", "save the file as UTF-8"),
            Unreadable { .. } => s(
                "periksa jalurnya dan izin berkas itu",
                "check the path and the file's permissions",
            ),
            TooLarge { .. } => s(
                "pecah menjadi beberapa berkas",
                "split it into several files",
            ),
            NotAFile(_) => s(
                "ganti dengan berkas biasa, atau hapus dari folder paket",
                "replace it with a regular file, or remove it from the pack folder",
            ),
            OutsidePack { .. } => s(
                "salin berkas itu ke dalam folder paket; etika tidak membaca berkas di luar paket",
                "copy the file into the pack folder; etika reads nothing outside the pack",
            ),
            NotAPackFile => s(
                "paket berisi pack.toml, principles.toml, questions.toml, actions.toml, services.toml, tensions.toml, obligations/*.toml dan cases/*.toml",
                "a pack has pack.toml, principles.toml, questions.toml, actions.toml, services.toml, tensions.toml, obligations/*.toml and cases/*.toml",
            ),
            NotRead => s(
                "pindahkan ke folder paket, ke `obligations/` atau ke `cases/`, atau keluarkan dari folder paket",
                "move it into the pack's folder, `obligations/` or `cases/`, or out of the pack's folder",
            ),
            NoPackToml => s(
                "setiap paket membutuhkan pack.toml dengan id, edisi, dan urutan prinsipnya",
                "every pack needs pack.toml with its id, edition and ranking of principles",
            ),
            TomlSyntax { .. } => s(
                "perbaiki sintaks TOML di tempat ini",
                "fix the TOML syntax at this place",
            ),
            NestedTooDeep => s(
                "berkas aturan dan berkas jawaban hanya perlu beberapa tingkat; tulis kuncinya dengan lebih sedikit titik atau kurung",
                "rule files and answers files need only a few levels; write the keys with fewer dots or brackets",
            ),
            UnknownField { expected, .. } if expected.is_empty() => {
                s("periksa nama kolom", "check the field name")
            }
            UnknownField { expected, .. } => Some(bi(
                lang,
                format!("periksa nama kolom; yang diharapkan salah satu dari {expected}"),
                format!("check the field name; expected one of {expected}"),
            )),
            MissingField { .. } => s(
                "tambahkan kolom itu; lihat docs/rule-packs.md",
                "add the field; see docs/rule-packs.md",
            ),
            InvalidType { .. } => s(
                "periksa jenis nilainya: teks perlu tanda kutip, daftar perlu [ ]",
                "check the value's type: text needs quotes, lists need [ ]",
            ),
            UnknownVariant { expected, .. } => Some(bi(
                lang,
                format!("pakai salah satu dari {expected}"),
                format!("use one of {expected}"),
            )),
            BadText => s(
                "tulis dalam kedua bahasa: `title = { id = \"…\", en = \"…\" }`",
                "give both languages: `title = { id = \"…\", en = \"…\" }`",
            ),
            BadId { .. } => s(
                "pakai huruf kecil, angka, dan `_`, diawali huruf",
                "use lowercase letters, digits and `_`, starting with a letter",
            ),
            BadOptionId { .. } => s(
                "pakai huruf kecil, angka, dan `_`",
                "use lowercase letters, digits and `_`",
            ),
            ReservedOptionId { .. } => s(
                "`unsure` adalah jawaban \"belum tahu\"; beri pilihan ini id lain, atau pakai `unsure = true`",
                "`unsure` is the answer \"not sure yet\"; give the option another id, or use `unsure = true`",
            ),
            DuplicateId { first, .. } => Some(bi(
                lang,
                format!("id itu pertama kali didefinisikan di {first}; ganti salah satunya"),
                format!("it is first defined at {first}; rename one of them"),
            )),
            DuplicateOption { .. } => s(
                "beri setiap pilihan id sendiri",
                "give each option its own id",
            ),
            UnknownRef {
                kind,
                suggestion: Some(x),
                ..
            } => {
                let _ = kind;
                Some(bi(
                    lang,
                    format!(
                        "maksud Anda {}?",
                        crate::vocab::suggest::or_list(lang, x, '`')
                    ),
                    format!(
                        "did you mean {}?",
                        crate::vocab::suggest::or_list(lang, x, '`')
                    ),
                ))
            }
            UnknownRef { kind, .. } => Some(bi(
                lang,
                format!(
                    "definisikan {} itu dahulu, atau lihat `etika list {}`",
                    kind.word(lang),
                    kind.plural()
                ),
                format!(
                    "define the {} first, or see `etika list {}`",
                    kind.id(),
                    kind.plural()
                ),
            )),
            EmptyText(_) | MissingTranslation { .. } => s(
                "tulis teksnya dalam kedua bahasa",
                "write the text in both languages",
            ),
            ControlChars(_) => s(
                "hapus karakter kendali (escape, bel, dan sejenisnya); etika tidak menampilkannya",
                "remove the control characters (escape, bell and the like); etika does not show them",
            ),
            MissingLanguage { .. } => s(
                "paket etika berbahasa ganda: `languages = [\"id\", \"en\"]`",
                "etika packs are bilingual: `languages = [\"id\", \"en\"]`",
            ),
            RankingEmpty => s(
                "cantumkan id prinsip dalam `[ranking] order`, yang tertinggi lebih dulu",
                "list principle ids in `[ranking] order`, highest first",
            ),
            RankingDuplicate { .. } => s(
                "setiap prinsip mempunyai satu tempat dalam urutan",
                "each principle has one place in the ranking",
            ),
            NoFrame => s(
                "tambahkan `[frame]` dengan `duties` dan `steps`, agar laporan tanpa dilema tetap berisi langkah",
                "add `[frame]` with `duties` and `steps`, so that a report with no dilemma still gives steps",
            ),
            FrameStepsEmpty => s(
                "cantumkan setidaknya satu langkah tanpa `when` dalam `[frame] steps`",
                "list at least one step without a `when` in `[frame] steps`",
            ),
            YesNoWithOptions { .. } => s(
                "hapus `options`, atau jadikan `one_of` atau `any_of`",
                "remove `options`, or make it `one_of` or `any_of`",
            ),
            TooFewOptions { .. } => s(
                "tambahkan pilihan dengan `id` dan `label`",
                "add options with `id` and `label`",
            ),
            OrderOutsideDecision { .. } => s(
                "hapus `order = true`: hanya jawaban atas `decision` yang dibaca sebagai perintah yang diputuskan bersama apa yang dimintanya",
                "remove `order = true`: only an answer to `decision` is read as an order settled with what it asks for",
            ),
            FindOutWithoutUnsure { .. } => s(
                "`find_out` dipakai hanya bila jawabannya \"belum tahu\"; tambahkan `unsure = true`",
                "`find_out` is used only when the answer is \"not sure\"; add `unsure = true`",
            ),
            AskIfSelf { .. } => s(
                "`ask_if` hanya boleh membaca pertanyaan yang ditanyakan sebelumnya",
                "an `ask_if` may read only questions asked before this one",
            ),
            AskIfLater { own, read } => Some(bi(
                lang,
                format!(
                    "pindahkan `{read}` ke atas `{own}` di questions.toml, atau ubah kondisinya"
                ),
                format!("move `{read}` above `{own}` in questions.toml, or change the condition"),
            )),
            Condition(k) => k.help(lang),
            NoPrinciples { .. } => s(
                "tambahkan `principles = [\"…\"]` berisi prinsip yang dilayaninya",
                "add `principles = [\"…\"]` with the principles it serves",
            ),
            NoWhen { .. } => s(
                "tambahkan `when`, atau cantumkan kewajiban ini dalam `[frame] duties` bila selalu berlaku",
                "add a `when`, or list the obligation in `[frame] duties` if it always holds",
            ),
            TensionPrinciples { .. } => s(
                "tulis `principles = [\"pertama\", \"kedua\"]`",
                "write `principles = [\"first\", \"second\"]`",
            ),
            TensionUnranked { .. } => s(
                "tambahkan salah satunya ke `[ranking] order` di pack.toml",
                "add one of them to `[ranking] order` in pack.toml",
            ),
            SettledByNotBinding { .. } => s(
                "hanya kewajiban yang mengikat yang menyelesaikan ketegangan; cantumkan kewajiban yang mengikat, atau tandai `binding = true`",
                "only a binding duty settles a tension; list binding obligations, or mark it `binding = true`",
            ),
            UnusedAction { .. } => s(
                "cantumkan dalam `actions` sebuah kewajiban atau ketegangan, atau hapus",
                "list it in some obligation's or tension's `actions`, or remove it",
            ),
            ShadowedConsult { .. } => s(
                "langkah konsultasi tanpa `when` dipilih untuk setiap kasus pada tingkat itu; beri langkah yang lebih dulu itu `when`, atau pindahkan yang ini ke atasnya",
                "a consultation step with no `when` is chosen for every case at its level; give the earlier step a `when`, or move this one above it",
            ),
            MissingShort { .. } | ShortTooLong { .. } => s(
                "tulis `short = { id = \"…\", en = \"…\" }`: langkah itu sebagai kalimat perintah pendek (paling banyak 60 karakter), untuk \"singkatnya\", pengandaian, dan umpan balik",
                "write `short = { id = \"…\", en = \"…\" }`: the step as a short imperative (at most 60 characters), for \"in short\", what-ifs and feedback",
            ),
            NoAtRisk { .. } => s(
                "tambahkan pertanyaan `at_risk` (`any_of`) yang pilihannya adalah pihak yang terancam, atau hapus `parties`",
                "add an `at_risk` question (`any_of`) whose options are the parties at risk, or remove `parties`",
            ),
            UnknownParty {
                suggestion: Some(x),
                ..
            }
            | UnknownDecision {
                suggestion: Some(x),
                ..
            }
            | UnknownNeed {
                suggestion: Some(x),
                ..
            } => Some(bi(
                lang,
                format!(
                    "maksud Anda {}?",
                    crate::vocab::suggest::or_list(lang, x, '`')
                ),
                format!(
                    "did you mean {}?",
                    crate::vocab::suggest::or_list(lang, x, '`')
                ),
            )),
            UnknownParty { .. } => s(
                "`parties` menyebut pilihan pertanyaan `at_risk` (`etika show at_risk`)",
                "`parties` names options of the `at_risk` question (`etika show at_risk`)",
            ),
            UnknownNeed { .. } => s(
                "tambahkan kebutuhan itu ke `needs` sebuah layanan di services.toml, atau perbaiki namanya",
                "add the need to some service's `needs` in services.toml, or correct its name",
            ),
            NoNeeds { .. } => s(
                "tulis `needs = [\"…\"]`: untuk apa layanan itu (misalnya `medical_emergency`)",
                "write `needs = [\"…\"]`: what the service is for (`medical_emergency`, say)",
            ),
            Retired { now, .. } | RetiredOption { now, .. } => Some(bi(
                lang,
                format!(
                    "`etika show {}` menunjukkan pilihannya; docs/pack-notes.md memuat pemetaan dari edisi sebelumnya",
                    now.first().map(String::as_str).unwrap_or("")
                ),
                format!(
                    "`etika show {}` lists its options; docs/pack-notes.md maps the earlier edition's answers",
                    now.first().map(String::as_str).unwrap_or("")
                ),
            )),
            UnknownDecision { .. } => s(
                "`decides` menyebut pilihan pertanyaan `decision` (`etika show decision`)",
                "`decides` names options of the `decision` question (`etika show decision`)",
            ),
            DecisiveNotAction { .. } => s(
                "tambahkan langkah itu ke `actions`, atau hapus dari `decisive`",
                "add the step to `actions`, or remove it from `decisive`",
            ),
            BadFormerly { .. } => s(
                "tulis id pertanyaan lama (`client_role`) atau `pertanyaan:pilihan` lama (`situation:agency_policy`)",
                "write an old question id (`client_role`) or an old `question:option` (`situation:agency_policy`)",
            ),
            CourseModelCount { .. } => s(
                "pilihan mahasiswa dinilai terhadap langkah model",
                "the student's choice is graded against the model course",
            ),
            OneCourse { .. } => s(
                "tambahkan dua atau tiga alternatif yang masuk akal untuk ditimbang mahasiswa",
                "add two or three plausible alternatives for the student to weigh",
            ),
            UnknownQuestion {
                suggestion: Some(x),
                ..
            } => Some(bi(
                lang,
                format!(
                    "maksud Anda {}? (`etika list questions` menampilkan semuanya)",
                    crate::vocab::suggest::or_list(lang, x, '`')
                ),
                format!(
                    "did you mean {}? (`etika list questions` shows them all)",
                    crate::vocab::suggest::or_list(lang, x, '`')
                ),
            )),
            UnknownQuestion { .. } => s(
                "hapus; `etika list questions` menampilkan pertanyaan paket ini",
                "remove it; `etika list questions` shows the questions of this pack",
            ),
            NoSuchOption {
                suggestion: Some(x),
                ..
            } => Some(bi(
                lang,
                format!(
                    "maksud Anda {}?",
                    crate::vocab::suggest::or_list(lang, x, '"')
                ),
                format!(
                    "did you mean {}?",
                    crate::vocab::suggest::or_list(lang, x, '"')
                ),
            )),
            NoSuchOption { options, .. } => Some(bi(
                lang,
                format!("pilihannya: {options}"),
                format!("its options are: {options}"),
            )),
            WrongAnswerType {
                question, example, ..
            } => Some(bi(
                lang,
                format!("tulis `{question} = {example}`"),
                format!("write `{question} = {example}`"),
            )),
            UnsureNotAllowed { allowed, .. } if allowed.total == 0 => s(
                "tidak ada pertanyaan dalam paket ini yang dapat dijawab \"unsure\"",
                "no question in this pack can be answered \"unsure\"",
            ),
            UnsureNotAllowed { allowed, .. } => Some(bi(
                lang,
                format!("\"unsure\" hanya untuk: {allowed}"),
                format!("\"unsure\" is for these questions only: {allowed}"),
            )),
            NotAsked { ask_if, .. } => Some(bi(
                lang,
                format!("ditanyakan hanya bila {ask_if}"),
                format!("it is asked only when {ask_if}"),
            )),
            EmptyAnswer { question } => Some(bi(
                lang,
                format!(
                    "centang sedikitnya satu pilihan (`etika show {question}` menampilkannya), atau hapus `{question}` dari berkas"
                ),
                format!(
                    "tick at least one option (`etika show {question}` lists them), or leave `{question}` out of the file"
                ),
            )),
            RepeatedOption { question, option } => Some(bi(
                lang,
                format!("tulis `{option}` sekali saja dalam `{question}`"),
                format!("write `{option}` once in `{question}`"),
            )),
            NoAnswersTable => s(
                "tulis jawaban di bawah `[answers]`, satu `id_pertanyaan = nilai` per baris",
                "write the answers under `[answers]`, one `question_id = value` a line",
            ),
            AnswersField { .. } => s(
                "berkas jawaban berisi tabel `[answers]`, dan boleh juga `[pack]`, `case` dan `course`",
                "an answers file has an `[answers]` table, and optionally `[pack]`, `case` and `course`",
            ),
            UnknownCourse { choices, .. } => Some(bi(
                lang,
                format!("pilih salah satu: {}", choices.join(", ")),
                format!("choose one of: {}", choices.join(", ")),
            )),
            NeverAsked { .. } => s(
                "tidak ada jawaban atas pertanyaan sebelumnya yang membuat `ask_if`-nya benar",
                "no answers to the earlier questions make its `ask_if` true",
            ),
            NeverApplies { .. } | NeverArises { .. } => s(
                "tidak ada jawaban yang membuat `when`-nya benar, mengingat pertanyaan mana yang ditanyakan",
                "no answers make its `when` true, given which questions are asked",
            ),
            StepNeverGiven { .. } => s(
                "tidak ada jawaban yang membuat `when` langkah ini dan `when` pemanggilnya benar bersama-sama",
                "no answers make the step's `when` true together with the `when` of anything that calls for it",
            ),
            Undecided { .. } => s(
                "kondisinya terlalu besar untuk diperiksa; sederhanakan, atau uji dengan sebuah kasus",
                "the condition is too large to check; simplify it, or cover it with a case",
            ),
            SilentReplace { id, .. } => Some(bi(
                lang,
                format!(
                    "untuk menggantinya, tulis `replaces = \"{id}\"` pada entri ini; untuk menambah milik sendiri, beri id lain"
                ),
                format!(
                    "to replace it, write `replaces = \"{id}\"` in this entry; to add one of your own, give it another id"
                ),
            )),
            ReplacesUnknown {
                suggestion: Some(x),
                ..
            } => Some(bi(
                lang,
                format!(
                    "maksud Anda {}?",
                    crate::vocab::suggest::or_list(lang, x, '`')
                ),
                format!(
                    "did you mean {}?",
                    crate::vocab::suggest::or_list(lang, x, '`')
                ),
            )),
            ReplacesUnknown { kind, .. } => Some(bi(
                lang,
                format!(
                    "`etika list {}` dengan paket dasar menampilkan id-nya; tanpa `replaces`, entri ini ditambahkan",
                    kind.plural()
                ),
                format!(
                    "`etika list {}` on the base pack shows its ids; without `replaces` the entry is added",
                    kind.plural()
                ),
            )),
            ReplacesOtherId { replaces, .. } => Some(bi(
                lang,
                format!("tulis `id = \"{replaces}\"`, agar semua yang merujuknya tetap berlaku"),
                format!(
                    "write `id = \"{replaces}\"`, so that everything that refers to it still does"
                ),
            )),
            ReplacesInBase | AmendInBase => s(
                "tambahkan `extends = \"<id paket dasar>\"` ke pack.toml agar paket ini menjadi lapisan, atau hapus ini",
                "add `extends = \"<base pack id>\"` to pack.toml to make this pack an overlay, or remove this",
            ),
            AmendUnbinding { id } | AmendLowersConsult { id, .. } => Some(bi(
                lang,
                format!(
                    "untuk mengubah isinya, ganti kewajiban itu: `replaces = \"{id}\"` di berkas obligations/"
                ),
                format!(
                    "to change what it says, replace the obligation: `replaces = \"{id}\"` in an obligations/ file"
                ),
            )),
            WrongBase { base, .. } => Some(bi(
                lang,
                format!(
                    "berikan paket dasarnya dulu (`--rules DASAR --rules LAPISAN`), atau tulis `extends = \"{base}\"`"
                ),
                format!(
                    "give its base pack first (`--rules BASE --rules OVERLAY`), or write `extends = \"{base}\"`"
                ),
            )),
            ReplacedTwice { first, .. } => Some(bi(
                lang,
                format!(
                    "ganti entri ini di satu lapisan saja, atau tulis `extends = \"{first}\"` agar lapisan ini datang sesudahnya"
                ),
                format!(
                    "replace it in one overlay only, or write `extends = \"{first}\"` so that this overlay comes after it"
                ),
            )),
            LoadedTwice { .. } => s(
                "berikan setiap folder satu kali saja pada --rules",
                "give each folder to --rules once",
            ),
            NoBase { .. } => s(
                "berikan paket dasarnya dulu: `--rules DASAR --rules LAPISAN`",
                "give its base pack first: `--rules BASE --rules OVERLAY`",
            ),
            NotAnOverlay { base } => Some(bi(
                lang,
                format!(
                    "tambahkan `extends = \"{base}\"` ke pack.toml-nya, atau berikan paket ini sendiri dengan --rules"
                ),
                format!(
                    "add `extends = \"{base}\"` to its pack.toml, or give this pack alone with --rules"
                ),
            )),
        }
    }
}
