//! The interface's own words, in both languages. Rule text is bilingual in the pack itself.

use crate::pack::{Consult, Phase};
use crate::text::Lang;

pub fn yes_no(lang: Lang, b: bool) -> &'static str {
    match (lang, b) {
        (Lang::Id, true) => "ya",
        (Lang::Id, false) => "tidak",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

pub fn none(lang: Lang) -> &'static str {
    lang.pick("tidak ada", "none")
}

pub fn phase(lang: Lang, p: Phase) -> &'static str {
    match p {
        Phase::Safety => lang.pick("Keselamatan", "Safety"),
        Phase::Inform => lang.pick("Memberi tahu", "Inform"),
        Phase::Consult => lang.pick("Konsultasi", "Consult"),
        Phase::Act => lang.pick("Bertindak", "Act"),
        Phase::Document => lang.pick("Mencatat", "Document"),
        Phase::Monitor => lang.pick("Memantau", "Monitor"),
    }
}

pub fn consult_level(lang: Lang, c: Consult) -> &'static str {
    match c {
        Consult::None => lang.pick(
            "Tidak ada konsultasi khusus yang diminta; tetap bicarakan dalam supervisi rutin",
            "No special consultation called for; still raise it in routine supervision",
        ),
        Consult::Supervisor => lang.pick("Supervisor Anda", "Your supervisor"),
        Consult::CaseConference => lang.pick(
            "Konferensi kasus (supervisor dan tim lintas profesi)",
            "A case conference (supervisor and the team across professions)",
        ),
        Consult::EthicsCouncil => lang.pick(
            "Dewan kode etik organisasi profesi, melalui supervisor",
            "The professional body's code of ethics council, through your supervisor",
        ),
        Consult::Authorities => lang.pick(
            "Pihak berwenang (UPTD PPA, Dinas Sosial, atau polisi) bersama supervisor",
            "The authorities (UPTD PPA, Social Affairs Office or police) together with your supervisor",
        ),
    }
}

/// Words used by the reports and the prompts.
pub struct Words {
    pub report_title: &'static str,
    pub edition: &'static str,
    pub binding: &'static str,
    pub binding_none: &'static str,
    pub binding_note: &'static str,
    pub obligations: &'static str,
    pub obligations_none: &'static str,
    pub obligation: &'static str,
    pub source: &'static str,
    pub principles: &'static str,
    pub why: &'static str,
    pub tensions: &'static str,
    pub tensions_none: &'static str,
    pub tension: &'static str,
    pub prevails: &'static str,
    pub settled_by_binding: &'static str,
    pub settled_by_ranking: &'static str,
    pub not_ranked: &'static str,
    pub consult: &'static str,
    pub because: &'static str,
    pub course: &'static str,
    pub course_none: &'static str,
    pub step: &'static str,
    pub phase: &'static str,
    pub situation: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub disclaimer: &'static str,
    pub reflection: &'static str,
    pub reflection_prompts: [&'static str; 4],
    pub case_note: &'static str,
    pub no_names: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::Id => Words {
            report_title: "Pertimbangan etis",
            edition: "edisi",
            binding: "Kewajiban yang mengikat",
            binding_none: "Tidak ada kewajiban mengikat yang berlaku.",
            binding_note: "Ditetapkan oleh hukum atau kode etik; tidak ditimbang dengan kewajiban lain.",
            obligations: "Kewajiban yang berlaku",
            obligations_none: "Tidak ada kewajiban yang berlaku untuk jawaban ini.",
            obligation: "Kewajiban",
            source: "Sumber",
            principles: "Prinsip",
            why: "Karena jawaban",
            tensions: "Ketegangan antarprinsip",
            tensions_none: "Tidak ada ketegangan antarprinsip.",
            tension: "Ketegangan",
            prevails: "Didahulukan",
            settled_by_binding: "Sudah diputuskan oleh kewajiban mengikat",
            settled_by_ranking: "Menurut urutan prinsip",
            not_ranked: "tidak diurutkan dalam paket ini; putuskan bersama supervisor",
            consult: "Konsultasi",
            because: "karena",
            course: "Langkah yang disarankan",
            course_none: "Tidak ada langkah khusus; lanjutkan praktik baik dan catat pertimbangan Anda.",
            step: "Langkah",
            phase: "Tahap",
            situation: "Situasi (jawaban)",
            question: "Pertanyaan",
            answer: "Jawaban",
            disclaimer: "Catatan",
            reflection: "Refleksi",
            reflection_prompts: [
                "Nilai mana yang saya dahulukan, dan mengapa?",
                "Siapa yang paling rentan dalam situasi ini, dan bagaimana ia dilindungi?",
                "Apa yang disampaikan kepada klien, dan kapan?",
                "Apa yang akan saya lakukan berbeda lain kali?",
            ],
            case_note: "Catatan kasus untuk supervisi",
            no_names: "Catatan ini tidak memuat nama atau data pengenal klien. Jangan menambahkannya.",
        },
        Lang::En => Words {
            report_title: "Ethical assessment",
            edition: "edition",
            binding: "Binding duties",
            binding_none: "No binding duty applies.",
            binding_note: "Settled by law or the code; not weighed against other duties.",
            obligations: "Obligations that apply",
            obligations_none: "No obligation applies to these answers.",
            obligation: "Obligation",
            source: "Source",
            principles: "Principles",
            why: "Because you answered",
            tensions: "Tensions between principles",
            tensions_none: "No tension between principles.",
            tension: "Tension",
            prevails: "Prevails",
            settled_by_binding: "Already settled by a binding duty",
            settled_by_ranking: "By the ranking of principles",
            not_ranked: "not ranked in this pack; decide with your supervisor",
            consult: "Consult",
            because: "because",
            course: "Recommended course of action",
            course_none: "No particular steps; carry on with good practice and note your reasoning.",
            step: "Step",
            phase: "Phase",
            situation: "The situation (answers)",
            question: "Question",
            answer: "Answer",
            disclaimer: "Note",
            reflection: "Reflection",
            reflection_prompts: [
                "Which values did I put first, and why?",
                "Who is most vulnerable here, and how are they protected?",
                "What was the client told, and when?",
                "What would I do differently next time?",
            ],
            case_note: "Case note for supervision",
            no_names: "This note holds no name or identifying detail of the client. Do not add any.",
        },
    }
}
